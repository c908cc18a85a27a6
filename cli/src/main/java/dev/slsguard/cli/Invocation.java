package dev.slsguard.cli;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.Timing;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.NotAnalysed;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.ConfigLocator;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.IamCatalog;
import dev.slsguard.reports.ActionLevels;
import dev.slsguard.reports.BaselineStates;
import dev.slsguard.reports.HtmlReport;
import dev.slsguard.reports.JUnitReport;
import dev.slsguard.reports.JsonReport;
import dev.slsguard.reports.RunSummary;
import dev.slsguard.reports.SarifReport;
import dev.slsguard.reports.SarifSettings;
import dev.slsguard.reports.TemplateWriter;
import dev.slsguard.reports.TextReport;
import dev.slsguard.reports.ToolInfo;
import dev.slsguard.reports.map.MapLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Runs one {@code check} or {@code compile}: locate, analyse, write the outputs, report, exit code. */
final class Invocation {

    static final String TEMPLATE_FILE = "cloudformation-template.json";
    static final String SARIF_FILE = "slsguard.sarif";
    static final String HTML_FILE = "slsguard.html";
    static final String MAP_FILE = "slsguard-map.svg";
    /** The review page's access levels, from the IAM action data the least-privilege rules use. */
    static final ActionLevels ACTION_LEVELS = action -> IamCatalog.builtIn().expand(action).stream()
            .map(IamAction::accessLevel).collect(Collectors.toSet());

    private final Session session;
    private final ServiceOptions options;
    private final ParseResult parsed;
    private final Optional<Path> recursive;
    private final Optional<Path> sarifRoot;
    private final Optional<CfnLintSettings.Mode> cfnLintMode;
    private final CfnLint cfnLint;
    /** The .slsguard.yml files and org pack directories the run read: --write-baseline never replaces them. */
    private final java.util.Set<Path> projectInputs = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    private final int jobs;

    /** {@code compile}: one service, no cfn-lint. */
    Invocation(Session session, ServiceOptions options, ParseResult parsed) {
        this(session, options, parsed, Optional.empty(), Optional.empty(), Optional.of(CfnLintSettings.Mode.OFF), 1);
    }

    /**
     * @param recursive   {@code --recursive DIR}: check every service below {@code DIR} as well
     * @param sarifRoot   {@code --sarif-root DIR}: SARIF URIs relative to it instead of the repository root
     * @param cfnLintMode {@code --cfn-lint[=MODE]}: how to run cfn-lint, over {@code cfn-lint:} of
     *                    {@code .slsguard.yml}
     * @param jobs        {@code --jobs N}: how many services are checked at the same time
     */
    Invocation(Session session, ServiceOptions options, ParseResult parsed, Optional<Path> recursive,
               Optional<Path> sarifRoot, Optional<CfnLintSettings.Mode> cfnLintMode, int jobs) {
        this.session = session;
        this.options = options;
        this.parsed = parsed;
        this.recursive = recursive;
        this.sarifRoot = sarifRoot;
        this.cfnLintMode = cfnLintMode;
        this.cfnLint = new CfnLint(session);
        this.jobs = jobs;
    }

    /**
     * {@code settings} with SARIF URIs relative to the SARIF root ({@code --sarif-root}, else the git
     * root of the working directory, else the working directory itself): relative file names are
     * prefixed with the working directory's path below the root, absolute ones below the root lose
     * the root's path, so the root may be given from any directory.
     */
    private SarifSettings sarifRooted(SarifSettings settings) {
        Path cwd = session.workingDir();
        Path root = sarifRoot.map(dir -> cwd.resolve(dir).normalize())
                .or(() -> RepositoryRoot.of(cwd)).orElse(cwd);
        if (sarifRoot.isPresent() && !Files.isDirectory(root)) {
            throw new CliError("--sarif-root " + sarifRoot.get() + ": not a directory");
        }
        // outside the root, the prefix climbs out of it (../); file names below the root lose it again
        String prefix = slashes(root.relativize(cwd).toString());
        return settings.withUriPrefix(prefix.isEmpty() ? "" : prefix + "/")
                .withPaths(root.toAbsolutePath().toString(), cwd.toAbsolutePath().toString());
    }

    /** Analyses the service and writes {@code outputs}; returns the exit code. */
    int run(boolean writeSarif) {
        Timing.since("command line: parse", Main.parseNanos);
        return guarded(session.err(), options.debug, () -> analyse(writeSarif));
    }

    private int analyse(boolean writeSarif) {
        Path cwd = session.workingDir();
        List<Target> targets = targets();
        if (!writeSarif && (targets.size() != 1 || recursive.isPresent())) {
            throw new CliError("compile takes one service; check takes several (PATH... or --recursive DIR)");
        }
        if (targets.size() == 1 && recursive.isEmpty()) {
            return single(targets.get(0), writeSarif);
        }
        Path outputDir = options.output == null ? cwd.resolve(".slsguard") : cwd.resolve(options.output).normalize();
        List<Path> configs = targets.stream().map(Target::config).toList();
        OutputFiles outputs = OutputFiles.reports(outputDir, configs, session.envValues());
        outputs.checkWritable(List.of(SARIF_FILE, HTML_FILE));
        Optional<Baseline> cliBaseline = Optional.ofNullable(options.baseline)
                .map(file -> Baseline.read(cwd.resolve(file).normalize(), file.toString()));
        Map<List<Path>, Pipeline> pipelines = new java.util.HashMap<>();
        List<ServiceCheck> checks = new ArrayList<>();
        List<OutputFiles> serviceOutputs = new ArrayList<>();
        for (Target target : targets) {
            OutputFiles files = OutputFiles.reports(outputDir.resolve(templateDir(cwd, target.config())), configs,
                    session.envValues());
            files.checkWritable(List.of(TEMPLATE_FILE, MAP_FILE));
            serviceOutputs.add(files);
        }
        List<OutputFiles> templates = new ArrayList<>();
        List<NotAnalysed> notAnalysed = new ArrayList<>();
        Progress progress = new Progress(session, targets.size());
        List<Callable<Checked>> tasks = new ArrayList<>();
        // each service's own outputs (template, map layout) are made by the task that checked it
        targets.forEach(target -> tasks.add(() -> {
            ServiceCheck check = check(target, cliBaseline, pipelines);
            byte[] template = Timing.time("report: template", () -> TemplateWriter.bytes(check.analysis().template()));
            MapLayout.Placed map = Timing.time("report: service map", () -> MapLayout.of(check.analysis(), ACTION_LEVELS));
            return new Checked(check, template, map);
        }));
        List<byte[]> templateBytes = new ArrayList<>();
        List<MapLayout.Placed> maps = new ArrayList<>();
        try (ParallelTasks<Checked> results = ParallelTasks.start(tasks, jobs)) {
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get(i);
                try {
                    Checked checked = results.get(i);
                    checks.add(checked.check());
                    templateBytes.add(checked.template());
                    maps.add(checked.map());
                    templates.add(serviceOutputs.get(i));
                } catch (UserError e) {
                    for (UserError problem : e.problems()) {
                        notAnalysed.add(new NotAnalysed(target.displayName(), problem.location(), problem.getMessage(),
                                e.isOtherProvider()));
                    }
                }
                progress.done(target.displayName());
            }
        }
        progress.clear();

        ToolInfo tool = ToolInfo.slsguard(VersionProvider.version());
        List<Analysis> analyses = checks.stream().map(ServiceCheck::analysis).toList();
        RunSummary summary = RunSummary.of(analyses, notAnalysed);
        OutputSet published = new OutputSet(outputs);
        for (int i = 0; i < checks.size(); i++) {
            published.addTemplate(templates.get(i), templateBytes.get(i));
        }
        String runName = recursive.map(dir -> "services below " + directoryName(cwd, dir))
                .orElseGet(() -> String.join(" ", targets.stream().map(Target::displayName).toList()));
        String automationId = "slsguard/" + recursive.map(dir -> "recursive/" + directoryName(cwd, dir))
                .orElseGet(() -> String.join("+", targets.stream().map(Target::displayName).toList())) + "/";
        // the run's two reports, side by side when there is more than one job
        List<Callable<byte[]>> reports = List.of(
                () -> Timing.time("report: SARIF", () -> SarifReport.bytes(analyses, tool,
                        sarifRooted(SarifSettings.github(automationId)), notAnalysed, baselineStates(checks, cliBaseline))),
                () -> Timing.time("report: HTML",
                        () -> HtmlReport.bytes(analyses, tool, runName, notAnalysed, ACTION_LEVELS, maps)));
        byte[] sarif;
        byte[] html;
        try (ParallelTasks<byte[]> rendered = ParallelTasks.start(reports, jobs)) {
            sarif = rendered.get(0);
            html = rendered.get(1);
        }
        Timing.time("report: service map documents", () -> {
            for (int i = 0; i < checks.size(); i++) {
                // each service's map beside its template, its links into the one page of the run
                String page = slashes(templates.get(i).directory().relativize(outputs.directory()).resolve(HTML_FILE)
                        .toString());
                published.add(templates.get(i), MAP_FILE, HtmlReport.mapDocument(analyses.get(i), maps.get(i), page,
                        HtmlReport.anchorPrefix(i, analyses.size(), notAnalysed.size())));
            }
        });
        published.add(outputs, SARIF_FILE, sarif)
                .add(outputs, HTML_FILE, html);
        Timing.time("report: publish", published::publish);

        List<Finding> all = new ArrayList<>();
        analyses.forEach(a -> all.addAll(a.findings()));
        List<Finding> counted = new ArrayList<>();
        checks.forEach(c -> counted.addAll(c.counted()));
        List<IamStatement> statements = new ArrayList<>();
        analyses.forEach(a -> statements.addAll(a.statements()));
        print(all, () -> JsonReport.render(all, statements, tool, summary), text(sarif), text(html),
                () -> JUnitReport.render(analyses, tool, runName, notAnalysed, options.failOn.threshold()), counted,
                checks.stream().anyMatch(c -> c.baseline().isPresent()), Optional.of(summary));
        if (options.writeBaseline != null && !analyses.isEmpty()) {
            Baseline merged = Baseline.of(List.of(), analyses.get(0));
            for (Analysis analysis : analyses) {
                merged = merged.plus(Baseline.of(analysis.findings(), analysis));
            }
            Path file = cwd.resolve(options.writeBaseline).normalize();
            List<Path> inputs = new ArrayList<>(configs);
            analyses.forEach(a -> a.included().forEach(d -> inputs.add(d.path())));
            inputs.addAll(projectInputs);
            new OutputFiles(file.getParent(), inputs, session.envValues()).write(file.getFileName().toString(),
                    merged.bytes());
        }
        if (summary.errors() > 0) {
            return ExitCodes.ERROR;
        }
        return checks.stream().anyMatch(ServiceCheck::fails) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /** The one-service run: outputs beside the configuration file unless {@code --output} says otherwise. */
    private int single(Target target, boolean writeSarif) {
        Path cwd = session.workingDir();
        Path config = target.config();
        Path outputDir = options.output == null
                ? config.getParent().resolve(".slsguard")
                : cwd.resolve(options.output).normalize();
        OutputFiles outputs = OutputFiles.reports(outputDir, List.of(config), session.envValues());
        List<String> names = writeSarif ? List.of(TEMPLATE_FILE, SARIF_FILE, HTML_FILE, MAP_FILE) : List.of(TEMPLATE_FILE);
        outputs.checkWritable(names);

        Optional<Baseline> cliBaseline = Optional.ofNullable(options.baseline)
                .map(file -> Baseline.read(cwd.resolve(file).normalize(), file.toString()));
        ServiceCheck check = check(target, cliBaseline, new java.util.HashMap<>());
        Analysis analysis = check.analysis();

        ToolInfo tool = ToolInfo.slsguard(VersionProvider.version());
        boolean page = writeSarif || options.format == Format.HTML;
        // compile writes neither SARIF nor the page: it renders them only for --format sarif or html.
        // The reports are independent of each other: made side by side when there is more than one job; the
        // page is written with a slot for the map, which is laid out meanwhile. Longest first: the map's layout,
        // SARIF, the page, the template.
        List<Callable<Object>> reports = List.of(
                () -> {
                    if (!page) {
                        return new Page(Optional.empty(), new byte[0]);
                    }
                    Optional<MapLayout.Placed> map = Optional.of(
                            Timing.time("report: service map", () -> MapLayout.of(analysis, ACTION_LEVELS)));
                    return new Page(map, HtmlReport.mapFigure(analysis, map));
                },
                () -> writeSarif || options.format == Format.SARIF ? Timing.time("report: SARIF",
                        () -> SarifReport.bytes(List.of(analysis), tool,
                                writeSarif ? sarifRooted(SarifReport.settings(analysis)) : SarifReport.settings(analysis),
                                List.of(), baselineStates(List.of(check), check.baseline()))) : new byte[0],
                () -> page ? Timing.time("report: HTML", () -> HtmlReport.pageWithMapSlot(analysis, tool, ACTION_LEVELS))
                        : null,
                () -> Timing.time("report: template", () -> TemplateWriter.bytes(analysis.template())));
        byte[] template;
        byte[] sarif;
        Page rendered;
        byte[] html;
        try (ParallelTasks<Object> results = ParallelTasks.start(reports, jobs)) {
            rendered = (Page) results.get(0);
            sarif = (byte[]) results.get(1);
            html = page ? ((HtmlReport.SlottedPage) results.get(2)).withMap(rendered.figure()) : new byte[0];
            template = (byte[]) results.get(3);
        }
        OutputSet published = new OutputSet(outputs).addTemplate(outputs, template);
        if (writeSarif) {
            published.add(outputs, SARIF_FILE, sarif)
                    .add(outputs, HTML_FILE, html)
                    .add(outputs, MAP_FILE, HtmlReport.mapDocument(analysis, rendered.map().get(), HTML_FILE, ""));
        }
        published.publish();
        print(analysis.findings(), () -> JsonReport.render(analysis.findings(), analysis.statements(), tool),
                text(sarif), text(html), () -> JUnitReport.render(List.of(analysis), tool, analysis.source().displayName(), List.of(),
                        check.failOn().threshold()), check.counted(), check.baseline().isPresent(),
                Optional.empty());
        if (options.writeBaseline != null) {
            Path file = cwd.resolve(options.writeBaseline).normalize();
            List<Path> inputs = new ArrayList<>(List.of(config));
            analysis.included().forEach(d -> inputs.add(d.path()));
            inputs.addAll(projectInputs);
            new OutputFiles(file.getParent(), inputs, session.envValues()).write(file.getFileName().toString(),
                    Baseline.of(analysis.findings(), analysis).bytes());
        }
        if (!writeSarif) {
            return ExitCodes.CLEAN; // compile: the template was written; findings are check's business
        }
        return check.fails() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /**
     * Standard output in the chosen format (the JSON and JUnit reports are rendered only when they are
     * the one); with a baseline, the text report lists the new findings.
     */
    private void print(List<Finding> findings, Supplier<String> json, Supplier<String> sarif, Supplier<String> html,
                       Supplier<String> junit,
                       List<Finding> counted, boolean baseline, Optional<RunSummary> summary) {
        PrintWriter out = session.out();
        Timing.time("report: standard output (" + options.format.name().toLowerCase(java.util.Locale.ROOT) + ")",
                () -> {
                    switch (options.format) {
                        case TEXT -> out.print(TextReport.render(findings, session.colour()));
                        case JSON -> out.print(json.get());
                        case SARIF -> out.print(sarif.get());
                        case HTML -> out.print(html.get());
                        case JUNIT -> out.print(junit.get());
                        default -> throw new IllegalStateException(options.format.name());
                    }
                });
        if (baseline && options.format == Format.TEXT) {
            out.print(counted.size() + (counted.size() == 1 ? " finding is" : " findings are")
                    + " new since the baseline\n");
            counted.forEach(f -> out.print("new: " + f.location() + " " + f.ruleId() + "\n"));
        }
        if (options.format == Format.TEXT) {
            summary.ifPresent(s -> out.print(s.text()));
        }
        out.flush();
    }

    /**
     * With a baseline (given, or of each service's .slsguard.yml), the findings it does not account
     * for and its findings no longer found, for SARIF's baselineState.
     */
    private static Optional<BaselineStates> baselineStates(List<ServiceCheck> checks, Optional<Baseline> given) {
        if (checks.stream().noneMatch(c -> c.baseline().isPresent())) {
            return Optional.empty();
        }
        List<Finding> fresh = new ArrayList<>();
        checks.forEach(c -> fresh.addAll(c.counted()));
        List<BaselineStates.Absent> absent = new ArrayList<>();
        if (given.isPresent()) {
            absent.addAll(given.get().absent(checks.stream().map(ServiceCheck::analysis).toList()));
        } else {
            checks.forEach(c -> c.baseline().ifPresent(b -> absent.addAll(b.absent(List.of(c.analysis())))));
        }
        return Optional.of(BaselineStates.of(fresh, absent));
    }

    /** A configuration file to check and the name locations give it. */
    private record Target(Path config, String displayName) {
    }

    /** The services named on the command line, then those found by {@code --recursive}; each once. */
    private List<Target> targets() {
        Path cwd = session.workingDir();
        Map<Path, Target> byConfig = new java.util.LinkedHashMap<>();
        List<String> given = options.paths.isEmpty() && recursive.isEmpty() ? List.of(".") : options.paths;
        for (String path : given) {
            Path argument = cwd.resolve(path).normalize();
            Path config = ConfigLocator.locate(asGiven(path)).toAbsolutePath().normalize();
            byConfig.putIfAbsent(config, new Target(config, displayName(cwd, config, path, argument)));
        }
        if (recursive.isPresent()) {
            Path dir = cwd.resolve(recursive.get()).normalize();
            if (!Files.isDirectory(dir)) {
                throw new CliError("--recursive " + recursive.get() + ": not a directory");
            }
            List<Path> found = ServiceFinder.find(dir, cwd);
            if (found.isEmpty()) {
                throw new CliError("--recursive " + recursive.get()
                        + ": no serverless.yml, serverless.yaml, serverless.json or CloudFormation template below it");
            }
            for (Path config : found) {
                Path absolute = config.toAbsolutePath().normalize();
                String name = relativeName(cwd, absolute);
                byConfig.putIfAbsent(absolute, new Target(absolute, name));
            }
        }
        return List.copyOf(byConfig.values());
    }

    /**
     * Where a service's template goes, below the output directory, when several are checked: its
     * directory's path below the working directory (or, outside it, its absolute path without the root);
     * for a CloudFormation template given as input, that path and the template's file name (several
     * templates can share a directory, as in {@code cdk.out}).
     */
    static String templateDir(Path cwd, Path config) {
        Path file = config.toAbsolutePath().normalize();
        Path dir = ServiceFinder.isServiceFile(file) ? file.getParent() : file;
        Path relative = dir.startsWith(cwd) ? cwd.relativize(dir) : dir.getRoot() == null ? dir : dir.getRoot().relativize(dir);
        return slashes(relative.toString());
    }

    /** Checks one service with its own {@code .slsguard.yml}; pipelines are shared by services with the same packs. */
    private ServiceCheck check(Target target, Optional<Baseline> cliBaseline, Map<List<Path>, Pipeline> pipelines) {
        Path cwd = session.workingDir();
        ProjectConfig project = ProjectConfigReader.find(target.config().getParent())
                .map(file -> ProjectConfigReader.read(file, relativeName(cwd, file)))
                .orElse(ProjectConfig.NONE);

        List<Path> orgPacks = new ArrayList<>();
        for (Path dir : project.rules()) {
            orgPacks.add(asGiven(relativeName(cwd, dir)));
        }
        for (Path dir : options.rules) {
            if (!Files.isDirectory(cwd.resolve(dir))) {
                throw new CliError("--rules " + dir + ": not a directory");
            }
            orgPacks.add(asGiven(dir.toString()));
        }
        project.file().ifPresent(projectInputs::add);
        projectInputs.addAll(project.rules());
        options.rules.forEach(dir -> projectInputs.add(cwd.resolve(dir).normalize()));
        if (project.file().isPresent()) {
            List<Path> packs = new ArrayList<>(project.rules());
            options.rules.forEach(dir -> packs.add(cwd.resolve(dir).normalize()));
            RulesLock.check(project.file().get(), relativeName(cwd, project.file().get()), packs);
        }

        Optional<Baseline> baseline = cliBaseline.isPresent() ? cliBaseline
                : project.baseline().map(file -> Baseline.read(file, relativeName(cwd, file)));
        FailOn failOn = parsed != null && parsed.hasMatchedOption("--fail-on")
                ? options.failOn : project.failOn().orElse(options.failOn);

        Pipeline pipeline;
        synchronized (pipelines) { // services may be checked in parallel; one pipeline per set of packs
            pipeline = pipelines.computeIfAbsent(List.copyOf(orgPacks), packs -> {
                Pipeline created = PipelineFactory.create(session, packs, options.noCache,
                        java.time.Duration.ofSeconds(options.ruleTimeout));
                // meanwhile the service goes up to the rules
                created.afterRulesLoaded(() -> Timing.time("report: SARIF writers (ahead)", SarifReport::prepare));
                created.afterRulesLoaded(() -> Timing.time("report: map layout (ahead)", MapLayout::prepare));
                return created;
            });
        }
        checkRuleIds(project, pipeline);
        Unresolved unresolved = parsed != null && parsed.hasMatchedOption("--unresolved")
                ? options.unresolved : project.unresolved().orElse(options.unresolved);
        Analysis compiled = pipeline.run(target.config(), target.displayName(),
                variableOptions().withPlaceholders(unresolved == Unresolved.PLACEHOLDER));
        CfnLintSettings cfnLintSettings = project.cfnLint().orElse(CfnLintSettings.DEFAULT);
        Analysis raw = Timing.time("cfn-lint", () -> cfnLint.addTo(compiled,
                cfnLintMode.map(cfnLintSettings::withMode).orElse(cfnLintSettings)));
        List<RuleInfo> rules = selected(project.applyRules(raw.rules()));
        java.util.Set<String> kept = new java.util.HashSet<>();
        rules.forEach(rule -> kept.add(rule.id()));
        Analysis analysis = new Analysis(raw.source(), raw.template(),
                project.apply(raw.findings()).stream().filter(f -> kept.contains(f.ruleId())).toList(), rules,
                raw.sourceText(), raw.functions(), raw.events(), raw.statements(),
                project.applySuppressed(raw.suppressed()).stream()
                        .filter(s -> kept.contains(s.finding().ruleId())).toList(),
                raw.included(), raw.configuration(), raw.origins());
        return new ServiceCheck(analysis, baseline, failOn);
    }

    /** The rules {@code --rule} and {@code --skip-rule} leave: their findings are the ones reported. */
    private List<RuleInfo> selected(List<RuleInfo> rules) {
        RuleSelector only = new RuleSelector(options.onlyRules);
        RuleSelector skip = new RuleSelector(options.skipRules);
        return rules.stream().filter(r -> only.isEmpty() || only.matches(r)).filter(r -> !skip.matches(r)).toList();
    }

    /**
     * A rule id in {@code disable:} or {@code severity:} that no loaded rule has is a typo: an error at
     * it. cfn-lint's ids ({@code cfn-lint:E3033}) are taken as they are: which rules the installed
     * cfn-lint has is not known before it runs.
     */
    private static void checkRuleIds(ProjectConfig project, Pipeline pipeline) {
        if (project.references().isEmpty()) {
            return; // nothing to check: the rule base may still be loading
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        pipeline.rules().rules().forEach(rule -> known.add(rule.id()));
        project.references().forEach((id, ref) -> {
            if (!known.contains(id) && !CfnLintRules.ID.matcher(id).matches()) {
                throw new UserError(ref, "no loaded rule has the id " + id
                        + " (see `slsguard rules list`; org packs load with rules: or --rules)");
            }
        });
    }

    /**
     * A directory as the user gave it, for names that must not depend on the machine: relative to
     * the working directory ({@code .} for the working directory itself) when under it.
     */
    static String directoryName(Path cwd, Path given) {
        Path absolute = cwd.resolve(given).normalize();
        return absolute.equals(cwd) ? "." : absolute.startsWith(cwd) ? relativeName(cwd, absolute)
                : slashes(given.toString());
    }

    /** A path as messages name it: relative to the working directory when under it, else absolute. */
    static String relativeName(Path cwd, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd)
                ? slashes(cwd.relativize(absolute).toString()) : slashes(absolute.toString());
    }

    /**
     * A path the engine resolves itself, kept as the user typed it so that its messages name that
     * path. The JVM resolves relative paths against its own working directory, which differs from
     * the session's only for in-process callers (tests): for them the path is made absolute.
     */
    private Path asGiven(String given) {
        Path path = Path.of(given);
        boolean sameDir = session.workingDir().equals(Path.of("").toAbsolutePath().normalize());
        return path.isAbsolute() || sameDir ? path : session.workingDir().resolve(path).normalize();
    }

    /**
     * The file name used in every location: relative to the working directory when the file is
     * under it, else as the user gave it; always with forward slashes.
     */
    static String displayName(Path cwd, Path config, String given, Path argument) {
        Path absolute = config.toAbsolutePath().normalize();
        if (absolute.startsWith(cwd) && !absolute.equals(cwd)) {
            return slashes(cwd.relativize(absolute).toString());
        }
        if (absolute.equals(argument)) {
            return slashes(given);
        }
        String base = slashes(given);
        return (base.endsWith("/") ? base : base + "/") + absolute.getFileName();
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }

    /** Stage, region, {@code --param} values, every single-valued option given by name, the environment. */
    private VariableOptions variableOptions() {
        Map<String, String> byName = new TreeMap<>();
        if (parsed != null) {
            for (OptionSpec option : parsed.matchedOptions()) {
                if (option.isMultiValue()) {
                    continue;
                }
                Object value = option.getValue();
                if (value != null) {
                    String name = option.longestName().replaceFirst("^-+", "");
                    byName.put(name, value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT)
                            : String.valueOf(value));
                }
            }
        }
        if (options.stage != null) {
            byName.put("stage", options.stage);
        }
        if (options.region != null) {
            byName.put("region", options.region);
        }
        VariableOptions variables = new VariableOptions(Optional.ofNullable(options.stage),
                Optional.ofNullable(options.region), byName, options.params, session.env());
        return (options.noEnv ? variables.withoutEnv() : variables).recordingIn(session.envValues());
    }

    /**
     * Runs {@code body}, turning every failure into exactly one line on {@code err} and exit code 2
     * (plus the stack trace with {@code --debug}). Errors such as StackOverflowError are caught too.
     */
    static int guarded(PrintWriter err, boolean debug, Callable<Integer> body) {
        try {
            return body.call();
        } catch (UserError e) {
            List<UserError> problems = e.problems(); // every independent problem, each on its line
            for (UserError problem : problems.subList(0, problems.size() - 1)) {
                err.println("slsguard: " + oneLine(problem.oneLine()));
            }
            return fail(err, debug, e, problems.get(problems.size() - 1).oneLine());
        } catch (CliError e) {
            return fail(err, debug, e, e.getMessage());
        } catch (InvalidPathException e) {
            return fail(err, debug, e, "invalid path: " + e.getMessage());
        } catch (Throwable e) { // NOPMD: the last line of defence; one line, never a stack trace
            return fail(err, debug, e, "internal error: " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + (debug ? "" : " (run with --debug for details)"));
        }
    }

    private static int fail(PrintWriter err, boolean debug, Throwable e, String message) {
        err.println("slsguard: " + oneLine(message));
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    static String oneLine(String text) {
        return dev.slsguard.reports.TextReport.oneLine(text);
    }

    /** A report's text, made only when standard output shows it. */
    private static Supplier<String> text(byte[] report) {
        return () -> new String(report, StandardCharsets.UTF_8);
    }

    /** The service map's layout and its figure on the page (HTML, UTF-8). */
    private record Page(Optional<MapLayout.Placed> map, byte[] figure) {
    }

    /** A service's check with the outputs of its own made beside it (in parallel in a batch run). */
    private record Checked(ServiceCheck check, byte[] template, MapLayout.Placed map) {
    }
}
