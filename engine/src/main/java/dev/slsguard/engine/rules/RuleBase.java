package dev.slsguard.engine.rules;

import dev.slsguard.engine.Timing;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.RoleTrust;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.impl.EnvironmentFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;

/**
 * The loaded rule packs: built-in packs precompiled as Drools executable model plus org packs
 * compiled from DRL at run time, in one rule base. {@link #run} evaluates them over a service's
 * facts in a fresh session.
 */
public final class RuleBase {

    /** Most rule firings one session may take before it is considered not to settle. */
    public static final int DEFAULT_FIRING_LIMIT = 100_000;

    private static final String LEDGER = "dev.slsguard.engine.rules.Report.ledger";

    private static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(f -> f.location().pointer());

    /** Default time budget of a rule session ({@code --rule-timeout}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final InternalKnowledgeBase kbase;
    /** The built-in packs alone, run apart when org packs are loaded (null without org packs). */
    private final InternalKnowledgeBase builtInBase;
    private final Duration timeout;
    private final List<RuleInfo> rules;
    /** The file of each rule, by {@link #key(Rule)}. */
    private final Map<String, SourceRef> ruleFiles;
    private final int firingLimit;
    /** The ids of the rules compiled from org packs. */
    private final Set<String> orgRuleIds;
    /** The org pack files, by display name (to find a rule's line when it fails). */
    private final Map<String, OrgPackFile> orgFiles;
    /** The class loaders of the precompiled packs (to find a built-in rule's DRL when it fails). */
    private final List<ClassLoader> packLoaders;
    /** True when the org packs were read from the on-disk cache instead of compiled. */
    private final boolean orgPacksCached;
    /** The org packs, in the order given. */
    private final List<OrgPack> orgPacks;
    /** The org pack of each org rule, by rule id. */
    private final Map<String, OrgPack> packOfRule;

    private RuleBase(InternalKnowledgeBase kbase, InternalKnowledgeBase builtInBase, Duration timeout,
                     List<RuleInfo> rules, Map<String, SourceRef> ruleFiles,
                     int firingLimit, Set<String> orgRuleIds, Map<String, OrgPackFile> orgFiles,
                     List<ClassLoader> packLoaders, boolean orgPacksCached, List<OrgPack> orgPacks,
                     Map<String, OrgPack> packOfRule) {
        this.kbase = kbase;
        this.builtInBase = builtInBase;
        this.timeout = timeout;
        this.rules = List.copyOf(rules);
        this.ruleFiles = ruleFiles;
        this.firingLimit = firingLimit;
        this.orgRuleIds = Set.copyOf(orgRuleIds);
        this.orgFiles = Map.copyOf(orgFiles);
        this.packLoaders = List.copyOf(packLoaders);
        this.orgPacksCached = orgPacksCached;
        this.orgPacks = List.copyOf(orgPacks);
        this.packOfRule = Map.copyOf(packOfRule);
    }

    /**
     * Builds one rule base from precompiled packs and the org packs under {@code orgPackDirs}
     * (every {@code *.drl}, recursively, sorted).
     *
     * @param precompiled packs built as executable model (the built-in packs), possibly none
     * @param orgPackDirs directories as the user gave them ({@code --rules DIR}); locations in
     *                    errors and rule files use these paths
     * @throws UserError when an org pack does not compile, a rule lacks {@code @id} (and is no
     *                   {@code @inserts} rule) or has an unknown {@code @severity}, or two rules
     *                   share an id
     */
    public static RuleBase load(List<PrecompiledPacks> precompiled, List<Path> orgPackDirs) {
        return load(precompiled, orgPackDirs, OrgPackCache.disabled());
    }

    /**
     * As {@link #load(List, List)}, reading the compiled org packs from {@code cache} when it holds
     * them and storing them there when not. Metadata is checked the same on a cache hit.
     */
    public static RuleBase load(List<PrecompiledPacks> precompiled, List<Path> orgPackDirs, OrgPackCache cache) {
        List<Model> models = new ArrayList<>();
        for (PrecompiledPacks packs : precompiled) {
            models.addAll(models(packs));
        }
        InternalKnowledgeBase kbase = Timing.time("rule base: build",
                () -> spare(precompiled).orElseGet(() -> build(models)));
        List<OrgPackFile> files = OrgPackFile.list(orgPackDirs);
        List<OrgPack> packs = new ArrayList<>();
        for (Path dir : orgPackDirs) {
            packs.add(OrgPack.read(dir, dir.toString()));
        }
        boolean fromCache = Timing.time("rule base: org packs", () -> OrgPackCompiler.compile(kbase, files, cache));
        Map<String, OrgPackFile> byDisplayName = new HashMap<>();
        files.forEach(f -> byDisplayName.put(f.displayName(), f));

        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kbase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        all.sort(Comparator.comparing(Rule::getPackageName).thenComparing(Rule::getName));

        Map<String, SourceRef> ruleFiles = new LinkedHashMap<>();
        for (Rule rule : all) {
            ruleFiles.put(key(rule), fileOf(rule, byDisplayName));
        }
        Map<String, RuleInfo> byId = new HashMap<>();
        Map<String, Rule> ruleById = new HashMap<>();
        List<RuleInfo> infos = new ArrayList<>();
        Set<String> orgIds = new HashSet<>();
        Map<String, OrgPack> packOfRule = new HashMap<>();
        // built-in rules first, so that an id clash is reported at the org rule, which the user owns
        List<Rule> builtInFirst = new ArrayList<>(all);
        builtInFirst.sort(Comparator.comparing((Rule r) -> orgFile(r, byDisplayName).isPresent()));
        for (Rule rule : builtInFirst) {
            Optional<String> problem = RuleMetadata.problem(rule);
            if (problem.isPresent()) {
                throw new UserError(locate(rule, byDisplayName, ruleFiles), problem.get());
            }
            if (RuleMetadata.insertsOnly(rule)) {
                continue;
            }
            RuleInfo info = RuleMetadata.info(rule);
            RuleInfo clash = byId.putIfAbsent(info.id(), info);
            if (clash != null) {
                throw new UserError(locate(rule, byDisplayName, ruleFiles), "rule id " + info.id()
                        + " of rule \"" + rule.getName() + "\" is already used by rule \"" + clash.ruleName()
                        + "\" " + where(ruleById.get(info.id()), byDisplayName));
            }
            ruleById.put(info.id(), rule);
            infos.add(info);
            Optional<OrgPackFile> org = orgFile(rule, byDisplayName);
            if (org.isPresent()) {
                orgIds.add(info.id());
                packOfRule.put(info.id(), packs.get(org.get().pack()));
            }
        }
        infos.sort(Comparator.comparing(RuleInfo::id));
        // org packs could halt the session or retract facts: the built-in packs also run on their own
        InternalKnowledgeBase builtInBase = files.isEmpty() ? null : build(models);
        return new RuleBase(kbase, builtInBase, DEFAULT_TIMEOUT, infos, ruleFiles, DEFAULT_FIRING_LIMIT, orgIds, byDisplayName,
                precompiled.stream().map(PrecompiledPacks::loader).toList(), fromCache, packs, packOfRule);
    }

    /** The same rule base with another firing limit. */
    public RuleBase withFiringLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("firing limit must be positive: " + limit);
        }
        return new RuleBase(kbase, builtInBase, timeout, rules, ruleFiles, limit, orgRuleIds, orgFiles, packLoaders, orgPacksCached,
                orgPacks, packOfRule);
    }

    /** The same rule base with another time budget per rule session. */
    public RuleBase withTimeout(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("rule timeout must be positive: " + budget);
        }
        return new RuleBase(kbase, builtInBase, budget, rules, ruleFiles, firingLimit, orgRuleIds, orgFiles,
                packLoaders, orgPacksCached, orgPacks, packOfRule);
    }

    /** True when the org packs were read from the on-disk cache instead of compiled. */
    public boolean orgPacksCached() {
        return orgPacksCached;
    }

    /** The org packs loaded, in the order given, with what their {@code pack.yml} says. */
    public List<OrgPack> orgPacks() {
        return orgPacks;
    }

    /** The org pack the rule with this id comes from; empty for a built-in rule or an unknown id. */
    public Optional<OrgPack> orgPackOf(String id) {
        return Optional.ofNullable(packOfRule.get(id));
    }

    /** Metadata of every rule that has an id (not the {@code @inserts} rules), sorted by id. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** True when the rule with this id was compiled from an org pack (not a built-in pack). */
    public boolean isOrgRule(String id) {
        return orgRuleIds.contains(id);
    }

    /** The rule with this id, if loaded. */
    public Optional<RuleInfo> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Runs every rule over {@code facts} (inserted in order) in a new session.
     *
     * A consequence that throws does not stop the session: the other rules still fire, and the
     * failure becomes an error finding of the failing rule (see {@link RuleFailure}). Each session
     * runs on a worker thread within the time budget ({@link #withTimeout}); a session that runs out
     * of time, memory or stack ends as an error finding of the rule that was firing. With org packs
     * loaded, the built-in packs also run in a session of their own, and their findings, statements
     * and trusts come from it: an org pack that halts the session or retracts facts cannot remove them.
     *
     * @return the findings and every IAM statement in the session at the end
     * @throws UserError when the rules do not settle within the firing limit, or a session fails
     *                   and the rule at fault cannot be named
     */
    public RuleOutcome run(List<Object> facts) {
        if (builtInBase == null) {
            return guarded(kbase, facts);
        }
        RuleOutcome builtIn = guarded(builtInBase, facts);
        RuleOutcome all = guarded(kbase, facts);
        List<RuleFailure> failures = new ArrayList<>(builtIn.failures());
        all.failures().stream().filter(f -> !builtIn.failures().contains(f)).forEach(failures::add);
        Set<String> failed = new HashSet<>();
        failures.forEach(f -> failed.add(f.ruleId()));
        List<Finding> findings = new ArrayList<>(builtIn.findings());
        all.findings().stream().filter(f -> isOrgRule(f.ruleId()) || failed.contains(f.ruleId())).forEach(findings::add);
        List<IamStatement> statements = new ArrayList<>(builtIn.statements());
        all.statements().stream().filter(st -> !builtIn.statements().contains(st)).forEach(statements::add);
        return new RuleOutcome(findings.stream().distinct().sorted(FINDING_ORDER).toList(), statements,
                builtIn.trusts(), failures);
    }

    /** Which rule a session is firing now, for failures that end the session. */
    private static final class Firing extends org.kie.api.event.rule.DefaultAgendaEventListener {
        volatile Rule rule;

        @Override
        public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
            rule = event.getMatch().getRule();
        }

        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
            rule = null;
        }
    }

    /** One session on a worker thread, within the time budget. */
    private RuleOutcome guarded(InternalKnowledgeBase base, List<Object> facts) {
        Firing firing = new Firing();
        AtomicReference<KieSession> live = new AtomicReference<>();
        Object key = new Object();
        FutureTask<RuleOutcome> task = new FutureTask<>(() -> {
            ExitGuard.enter(key, () -> firing.rule == null ? "rule packs" : describe(firing.rule));
            try {
                return session(base, facts, firing, live);
            } finally {
                ExitGuard.leave(key);
            }
        });
        Thread worker = new Thread(null, task, "slsguard-rules", WORKER_STACK);
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Rule rule = firing.rule;
            KieSession session = live.get();
            if (session != null) {
                session.halt();
            }
            worker.interrupt();
            stop(worker);
            return failed(rule, null, "did not finish within " + timeout.toSeconds()
                    + " s (--rule-timeout); the rule session was stopped");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UserError userError) {
                throw userError;
            }
            live.set(null);
            Rule rule = firing.rule != null ? firing.rule : ruleNamedIn(cause).orElse(null);
            return failed(rule, cause, ConsequenceErrors.describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new IllegalStateException("interrupted while rules were evaluated", e);
        }
    }

    /**
     * Ends a worker that did not stop when its session was halted and it was interrupted (a loop in a
     * consequence): {@code Thread.stop} on Java 17; where it is gone, the worker is left to run (a
     * daemon, and {@link ExitGuard} stays armed while it runs).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        try {
            worker.join(1000);
            if (worker.isAlive()) {
                worker.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // Java 20+: no way to stop it
        }
    }

    /** Stack of the worker thread that runs a session (deep rule recursion ends as StackOverflowError). */
    private static final long WORKER_STACK = 8L * 1024 * 1024;

    /** A session that ended early: an error finding of the rule at fault, at its DRL file and line. */
    private RuleOutcome failed(Rule rule, Throwable cause, String what) {
        if (rule == null) {
            SourceRef where = orgFiles.values().stream().map(f -> SourceRef.ofFile(f.displayName()))
                    .min(Comparator.comparing(SourceRef::file)).orElse(SourceRef.ofFile("rule packs"));
            throw cause == null ? new UserError(where, "rule packs " + what)
                    : new UserError(where, "rule packs failed: " + what, cause);
        }
        RuleFailure failure = new RuleFailure(RuleMetadata.id(rule).orElse(rule.getName()), rule.getName(),
                ruleLocation(rule), what);
        Finding finding = failureFinding(failure, List.of());
        return new RuleOutcome(List.of(finding), List.of(), List.of(), List.of(failure));
    }

    /** "rule ID ("name", file:line)" for messages. */
    private String describe(Rule rule) {
        SourceRef where = ruleLocation(rule);
        return "rule " + RuleMetadata.id(rule).orElse(rule.getName()) + " (\"" + rule.getName() + "\", "
                + where.file() + ":" + where.line() + ")";
    }

    /** A rule named in the messages of {@code error} (Drools names the rule whose condition failed). */
    private Optional<Rule> ruleNamedIn(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 100_000; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        String messages = text.toString();
        Rule best = null;
        for (KiePackage pkg : kbase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (messages.contains("\"" + rule.getName() + "\"") || messages.contains("[Rule name='" + rule.getName() + "'")
                        || messages.contains("Rule name='" + rule.getName())) {
                    if (best == null || orgFile(rule, orgFiles).isPresent()) {
                        best = rule;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private RuleOutcome session(InternalKnowledgeBase base, List<Object> facts, Firing firing,
                                AtomicReference<KieSession> live) {
        Environment environment = EnvironmentFactory.newEnvironment();
        environment.set(LEDGER, new HashSet<>());
        List<ConsequenceErrors.Thrown> thrown = ConsequenceErrors.newList();
        environment.set(ConsequenceErrors.KEY, thrown);
        KieSession session = base.newKieSession(base.getSessionConfiguration(), environment);
        live.set(session);
        try {
            RuleFirings firings = new RuleFirings();
            session.addEventListener(firings);
            session.addEventListener(firing);
            for (Object fact : facts) {
                session.insert(Objects.requireNonNull(fact, "fact"));
            }
            int fired = session.fireAllRules(firingLimit + 1);
            if (fired > firingLimit) {
                throw notSettled(firings);
            }
            List<RuleFailure> failures = new ArrayList<>();
            List<Finding> findings = new ArrayList<>(findings(session));
            Map<Rule, SourceRef> located = new HashMap<>();
            for (ConsequenceErrors.Thrown t : thrown) {
                Rule rule = t.rule();
                RuleFailure failure = new RuleFailure(RuleMetadata.id(rule).orElse(rule.getName()), rule.getName(),
                        located.computeIfAbsent(rule, this::ruleLocation), ConsequenceErrors.describe(t.exception()));
                failures.add(failure);
                findings.add(failureFinding(failure, t.matched()));
            }
            return new RuleOutcome(findings.stream().distinct().sorted(FINDING_ORDER).toList(),
                    statements(session), trusts(session), failures);
        } finally {
            live.set(null);
            session.dispose();
        }
    }

    /**
     * An error finding of the failing rule, at the first fact of its match that has a location in
     * the user's files (else at the rule itself).
     */
    private static Finding failureFinding(RuleFailure failure, List<Object> matched) {
        SourceRef where = matched.stream().map(RuleBase::refOf).flatMap(Optional::stream).findFirst()
                .orElse(failure.rule());
        String message = failure.describe() + "; its findings for this match are missing";
        return new Finding(failure.ruleId(), Severity.ERROR, message, where,
                Report.fingerprint(failure.ruleId(), where.pointer(), message), Report.related(where, List.of()));
    }

    /** The location a fact carries: its first record component of type {@link SourceRef}. */
    private static Optional<SourceRef> refOf(Object fact) {
        if (fact instanceof SourceRef ref) {
            return Optional.of(ref);
        }
        if (fact == null || !fact.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : fact.getClass().getRecordComponents()) {
            if (component.getType() == SourceRef.class) {
                try {
                    return Optional.ofNullable((SourceRef) component.getAccessor().invoke(fact));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The rule's DRL file and the line it starts on, when the DRL text can be found. */
    private SourceRef ruleLocation(Rule rule) {
        Optional<OrgPackFile> org = orgFile(rule, orgFiles);
        if (org.isPresent()) {
            return org.get().ruleRef(rule.getName());
        }
        SourceRef file = ruleFiles.getOrDefault(key(rule), SourceRef.ofFile(rule.getPackageName()));
        String path = sourcePath(rule).filter(p -> p.endsWith(".drl")).orElse(null);
        if (path != null) {
            String resource = path.startsWith("/") ? path.substring(1) : path;
            for (ClassLoader loader : packLoaders) {
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in != null) {
                        OptionalInt line = OrgPackFile.ruleLine(in.readAllBytes(), rule.getName());
                        if (line.isPresent()) {
                            return new SourceRef(file.file(), line.getAsInt(), 1, "");
                        }
                    }
                } catch (IOException e) {
                    // fall back to the file alone
                }
            }
        }
        return file;
    }

    /**
     * Names the rules that kept firing (the three that fired most), at the line of the first of them
     * in an org pack (a built-in rule that fires again because a pack keeps changing its facts is not
     * the cause), else at the file of the first of them.
     */
    private UserError notSettled(RuleFirings firings) {
        List<RuleFirings.Count> most = firings.mostFired(3);
        List<String> names = new ArrayList<>();
        for (RuleFirings.Count count : most) {
            Rule r = count.rule();
            names.add(RuleMetadata.id(r).orElse(r.getName()) + " (" + count.times() + " times)");
        }
        SourceRef where = most.stream().filter(c -> orgFile(c.rule(), orgFiles).isPresent()).findFirst()
                .map(c -> ruleLocation(c.rule()))
                .or(() -> most.stream().findFirst().map(c -> ruleFiles.get(key(c.rule()))))
                .orElse(SourceRef.ofFile("rule packs"));
        return new UserError(where, "rule packs did not settle after " + firingLimit
                + " firings; rules that kept firing: " + String.join(", ", names));
    }

    private static List<Finding> findings(KieSession session) {
        List<Finding> findings = new ArrayList<>();
        for (Object o : session.getObjects(o -> o instanceof Finding)) {
            findings.add((Finding) o);
        }
        return findings.stream().distinct().sorted(FINDING_ORDER).toList();
    }

    private static List<IamStatement> statements(KieSession session) {
        record Handled(IamStatement statement, long id) {
        }
        List<Handled> handled = new ArrayList<>();
        for (FactHandle handle : session.getFactHandles(o -> o instanceof IamStatement)) {
            InternalFactHandle internal = (InternalFactHandle) handle;
            handled.add(new Handled((IamStatement) internal.getObject(), internal.getId()));
        }
        handled.sort(Comparator.comparing((Handled h) -> h.statement().role())
                .thenComparing(h -> h.statement().orderKey())
                .thenComparingLong(Handled::id));
        return handled.stream().map(Handled::statement).toList();
    }

    private static List<RoleTrust> trusts(KieSession session) {
        record Handled(RoleTrust trust, long id) {
        }
        List<Handled> handled = new ArrayList<>();
        for (FactHandle handle : session.getFactHandles(o -> o instanceof RoleTrust)) {
            InternalFactHandle internal = (InternalFactHandle) handle;
            handled.add(new Handled((RoleTrust) internal.getObject(), internal.getId()));
        }
        handled.sort(Comparator.comparing((Handled h) -> h.trust().role())
                .thenComparing(h -> h.trust().orderKey())
                .thenComparingLong(Handled::id));
        return handled.stream().map(Handled::trust).toList();
    }

    /**
     * The models of each set of precompiled packs, instantiated once per process: every rule base of
     * the run (the built-in packs alone, with org packs, of several services) shares them.
     */
    private static final Map<PrecompiledPacks, List<Model>> MODELS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Starts instantiating the models of {@code packs} on a thread of its own, ahead of the
     * {@link #load} that needs them (which then waits for that work instead of repeating it): while
     * the command line is still being read. Any failure is left for {@link #load} to report.
     */
    public static void prepare(PrecompiledPacks packs) {
        CompletableFuture<InternalKnowledgeBase> fresh = new CompletableFuture<>();
        // null when one is already being built and not yet taken
        CompletableFuture<InternalKnowledgeBase> built = SPARE.putIfAbsent(packs, fresh) == null ? fresh : null;
        Thread thread = new Thread(() -> {
            try {
                List<Model> models = models(packs);
                if (built != null) {
                    built.complete(Timing.time("rule base: build (ahead)", () -> build(models)));
                }
            } catch (RuntimeException | Error e) { // NOPMD: nothing is kept; load tries again and reports it
                if (built != null) {
                    built.completeExceptionally(e);
                }
            }
        }, "slsguard-rule-models");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The rule base of the built-in packs that {@link #prepare} builds ahead, for the first {@link #load}
     * of those packs to take (and add its org packs to): each rule base is built for one load.
     */
    private static final Map<PrecompiledPacks, CompletableFuture<InternalKnowledgeBase>> SPARE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A rule base of {@code models}; a consequence that throws is recorded and the session goes on. */
    private static InternalKnowledgeBase build(List<Model> models) {
        return KieBaseBuilder.createKieBaseFromModel(models, ConsequenceExceptionHandlerOption.get(ConsequenceErrors.class));
    }

    /** The rule base {@link #prepare} built ahead for {@code precompiled}, when there is one left to take. */
    private static Optional<InternalKnowledgeBase> spare(List<PrecompiledPacks> precompiled) {
        if (precompiled.size() != 1) {
            return Optional.empty();
        }
        CompletableFuture<InternalKnowledgeBase> spare = SPARE.remove(precompiled.get(0));
        if (spare == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(spare.join());
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return Optional.empty(); // built again below, where a failure is reported
        }
    }

    private static List<Model> models(PrecompiledPacks packs) {
        return MODELS.computeIfAbsent(packs, p -> Timing.time("rule base: executable models", () -> instantiate(p)));
    }

    private static List<Model> instantiate(PrecompiledPacks packs) {
        String path = packs.modelListPath().startsWith("/") ? packs.modelListPath().substring(1)
                : packs.modelListPath();
        List<Model> models = new ArrayList<>();
        try (InputStream in = packs.loader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("precompiled rule packs not found: " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("Drools-Model-Version:")) {
                    continue;
                }
                models.add((Model) Class.forName(name, true, packs.loader()).getConstructor().newInstance());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load precompiled rule model from " + path, e);
        }
        return List.copyOf(models);
    }

    private static Optional<OrgPackFile> orgFile(Rule rule, Map<String, OrgPackFile> byDisplayName) {
        return sourcePath(rule).map(byDisplayName::get);
    }

    private static Optional<String> sourcePath(Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null) {
            return Optional.ofNullable(impl.getResource().getSourcePath());
        }
        return Optional.empty();
    }

    /** The file a rule is written in: the org pack file, or the built-in pack's DRL path. */
    private static SourceRef fileOf(Rule rule, Map<String, OrgPackFile> byDisplayName) {
        Optional<OrgPackFile> org = orgFile(rule, byDisplayName);
        if (org.isPresent()) {
            return SourceRef.ofFile(org.get().displayName());
        }
        return SourceRef.ofFile(sourcePath(rule).orElse(rule.getPackageName().replace('.', '/')));
    }

    /** The rule's file and line (line only for org packs, which are parsed again for it). */
    private static SourceRef locate(Rule rule, Map<String, OrgPackFile> byDisplayName,
                                    Map<String, SourceRef> ruleFiles) {
        return orgFile(rule, byDisplayName).map(f -> f.ruleRef(rule.getName())).orElse(ruleFiles.get(key(rule)));
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "\u0000" + rule.getName();
    }

    private static String where(Rule rule, Map<String, OrgPackFile> byDisplayName) {
        return orgFile(rule, byDisplayName).map(f -> "in " + f.displayName())
                .orElse("of built-in pack " + rule.getPackageName());
    }
}
