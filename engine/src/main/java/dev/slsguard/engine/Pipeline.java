package dev.slsguard.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.compile.ProviderCheck;
import dev.slsguard.engine.compile.ServiceCompiler;
import dev.slsguard.engine.compile.TemplateInput;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.EvaluationDate;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.SuppressedFinding;
import dev.slsguard.engine.model.SuppressionComment;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.schema.SchemaStage;
import dev.slsguard.engine.rules.RuleOutcome;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.SuppressionComments;
import dev.slsguard.engine.source.YamlLoader;
import dev.slsguard.engine.vars.LegacyArrays;
import dev.slsguard.engine.vars.ResolvedDocument;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.engine.vars.VariableResolver;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * load, resolve, schema, compile, rules, merge: each stage a plain function of the previous one's output.
 * Only {@code load} (and {@code ${file()}} in resolve) reads files; nothing here writes any.
 */
public final class Pipeline {

    private final ServiceCompiler compiler;
    /** The rule base, possibly still being built on another thread (see {@link #loadingRules}). */
    private final CompletableFuture<RuleBase> rules;
    private final Limits limits;
    private final Optional<LocalDate> evaluationDate;

    public Pipeline(ServiceCompiler compiler, RuleBase rules, Limits limits) {
        this(compiler, rules, limits, Optional.empty());
    }

    /**
     * A pipeline whose rules see {@code evaluationDate} as today (an {@link EvaluationDate} fact);
     * empty means the current UTC date at each run.
     */
    public Pipeline(ServiceCompiler compiler, RuleBase rules, Limits limits, Optional<LocalDate> evaluationDate) {
        this(compiler, CompletableFuture.completedFuture(rules), limits, evaluationDate);
    }

    private Pipeline(ServiceCompiler compiler, CompletableFuture<RuleBase> rules, Limits limits,
                     Optional<LocalDate> evaluationDate) {
        this.compiler = compiler;
        this.rules = rules;
        this.limits = limits;
        this.evaluationDate = evaluationDate;
    }

    /**
     * A pipeline whose rule base is built by {@code load} on a thread of its own, while the first
     * service is loaded, resolved, schema-checked and compiled (stages that do not need it); the
     * rules stage, {@link #rules()} and any failure wait for it. A failure to build the rule base
     * (a broken org pack) is reported before any problem of the service, as when it is built first.
     */
    public static Pipeline loadingRules(ServiceCompiler compiler, Supplier<RuleBase> load, Limits limits,
                                        Optional<LocalDate> evaluationDate) {
        CompletableFuture<RuleBase> rules = CompletableFuture.supplyAsync(load, task -> {
            Thread thread = new Thread(task, "slsguard-rule-base");
            thread.setDaemon(true);
            thread.start();
        });
        return new Pipeline(compiler, rules, limits, evaluationDate);
    }

    /**
     * Runs {@code task} on a thread of its own once the rule base is built (not at all if it fails):
     * for start-up work the rules stage does not need, on the core that built the rule base.
     */
    public void afterRulesLoaded(Runnable task) {
        rules.thenRunAsync(task, Pipeline::daemon);
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "slsguard-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The same pipeline with rules evaluated as of {@code date} (UTC). */
    public Pipeline withEvaluationDate(LocalDate date) {
        return new Pipeline(compiler, rules, limits, Optional.of(date));
    }

    /** The day the rules compare dates with: the chosen one, else today in UTC. */
    public LocalDate evaluationDate() {
        return evaluationDate.orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Checks the service whose configuration file is {@code configFile}.
     *
     * @param displayName the file name to use in locations (relative, as the user gave it)
     * @throws UserError for input that cannot be analysed at all
     */
    public Analysis run(Path configFile, String displayName, VariableOptions options) {
        Evaluation evaluation = evaluateAll(configFile, displayName, options);
        RuleOutcome outcome = evaluation.outcome();
        ObjectNode template = evaluation.templateInput()
                ? (ObjectNode) Nodes.toJson(evaluation.document().root())
                : Timing.time("merge", () -> TemplateMerger.merge(evaluation.compilation().draft(),
                        outcome.statements(), outcome.trusts()));
        List<Function> functions = new ArrayList<>();
        List<EventDecl> events = new ArrayList<>();
        for (Object fact : evaluation.compilation().facts()) {
            if (fact instanceof Function function) {
                functions.add(function);
            } else if (fact instanceof EventDecl event) {
                events.add(event);
            }
        }
        functions.sort(Comparator.comparingInt(Function::index));
        java.util.Map<String, Integer> functionOrder = new java.util.HashMap<>();
        for (int i = 0; i < functions.size(); i++) {
            functionOrder.putIfAbsent(functions.get(i).key(), i);
        }
        events.sort(Comparator.comparingInt((EventDecl e) -> functionOrder.getOrDefault(e.function(), -1))
                .thenComparingInt(EventDecl::index));
        List<Finding> active = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (Finding finding : outcome.findings()) {
            Optional<SuppressionComment> comment = evaluation.suppressions().stream()
                    .filter(c -> c.covers(finding)).findFirst();
            if (comment.isPresent()) {
                suppressed.add(new SuppressedFinding(finding, comment.get()));
            } else {
                active.add(finding);
            }
        }
        SourceDocument document = evaluation.document();
        return new Analysis(document, template, active, rules().rules(), document.text(), functions, events,
                outcome.statements(), suppressed, evaluation.resolved().included(),
                Optional.of(evaluation.resolved().root()), Timing.time("merge: template origins",
                        () -> TemplateMerger.origins(evaluation.compilation().draft(), outcome.statements(), template)));
    }

    /**
     * Runs the stages up to the rules only (no template merge) and returns what the rules did,
     * derived statements included: what rule fixtures are compared with.
     *
     * @throws UserError for input that cannot be analysed at all
     */
    public RuleOutcome evaluate(Path configFile, String displayName, VariableOptions options) {
        return evaluateAll(configFile, displayName, options).outcome();
    }

    /** What load, resolve, compile and the rules produced, before the merge. */
    private record Evaluation(SourceDocument document, ResolvedDocument resolved, Compilation compilation,
                              List<SuppressionComment> suppressions, RuleOutcome outcome, boolean templateInput) {
    }

    private Evaluation evaluateAll(Path configFile, String displayName, VariableOptions options) {
        SourceDocument document;
        ResolvedDocument resolved;
        Compilation compilation;
        List<SuppressionComment> suppressions;
        List<Object> facts;
        try {
            document = Timing.time("YAML load", () -> YamlLoader.load(configFile, displayName, limits));
            if (TemplateInput.isTemplate(document.root())) {
                // a template has no ${} variables of the framework (${} belongs to Fn::Sub) and no v3 schema
                compilation = compiler.compileTemplate(document);
                resolved = new ResolvedDocument(document, (MapNode) document.root(), "", "", List.of());
                facts = new ArrayList<>(compilation.facts());
                suppressions = new ArrayList<>(SuppressionComments.parse(document.text(), displayName));
                facts.addAll(suppressions);
                facts.add(new EvaluationDate(evaluationDate()));
                return new Evaluation(document, resolved, compilation, suppressions, rules().run(facts), true);
            }
            ProviderCheck.requireAws(document.root());
            SchemaStage.prepare(compiler.schemas(), document.root());
            SourceDocument loaded = document;
            resolved = Timing.time("variable resolution",
                    () -> LegacyArrays.merge(VariableResolver.resolve(loaded, options, limits)));
            ProviderCheck.requireAws(resolved.root());
            ResolvedDocument input = resolved;
            SchemaStage.Result checked = Timing.time("schema validation", () -> SchemaStage.check(input, compiler.schemas()));
            compilation = Timing.time("compilation", () -> compiler.compile(checked.document()));
            facts = new ArrayList<>(compilation.facts());
            facts.addAll(checked.facts());
            facts.addAll(resolved.unresolved());
            suppressions = new ArrayList<>(SuppressionComments.parse(document.text(), displayName));
            for (SourceDocument included : resolved.included()) {
                suppressions.addAll(SuppressionComments.parse(included.text(), included.displayName()));
            }
            facts.addAll(suppressions);
            facts.add(new EvaluationDate(evaluationDate()));
        } catch (RuntimeException | Error e) {
            rules(); // a rule base that failed to build is reported first, as when it was built first
            throw e;
        }
        RuleBase ruleBase = Timing.time("wait for the rule base", this::rules);
        List<Object> inserted = facts;
        return new Evaluation(document, resolved, compilation, suppressions,
                Timing.time("rules: session insert and fire", () -> ruleBase.run(inserted)), false);
    }

    /**
     * The rule base this pipeline runs (waiting for it while it is built).
     *
     * @throws UserError when it could not be built (an org pack that does not compile ...)
     */
    public RuleBase rules() {
        try {
            return rules.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
