package dev.slsguard.cli;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.source.ConfigLocator;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.reports.HtmlReport;
import dev.slsguard.reports.JUnitReport;
import dev.slsguard.reports.JsonReport;
import dev.slsguard.reports.SarifReport;
import dev.slsguard.reports.TemplateWriter;
import dev.slsguard.reports.TextReport;
import dev.slsguard.reports.ToolInfo;
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
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Runs one {@code check} or {@code compile}: locate, analyse, write the outputs, report, exit code. */
final class Invocation {

    static final String TEMPLATE_FILE = "cloudformation-template.json";
    static final String SARIF_FILE = "slsguard.sarif";
    static final String HTML_FILE = "slsguard.html";

    private final Session session;
    private final ServiceOptions options;
    private final ParseResult parsed;

    Invocation(Session session, ServiceOptions options, ParseResult parsed) {
        this.session = session;
        this.options = options;
        this.parsed = parsed;
    }

    /** Analyses the service and writes {@code outputs}; returns the exit code. */
    int run(boolean writeSarif) {
        return guarded(session.err(), options.debug, () -> analyse(writeSarif));
    }

    private int analyse(boolean writeSarif) {
        Path cwd = session.workingDir();
        Path argument = cwd.resolve(options.path).normalize();
        Path config = ConfigLocator.locate(asGiven(options.path)).toAbsolutePath().normalize();
        String displayName = displayName(cwd, config, options.path, argument);

        Path outputDir = options.output == null
                ? config.getParent().resolve(".slsguard")
                : cwd.resolve(options.output).normalize();
        OutputFiles outputs = new OutputFiles(outputDir, List.of(config));
        List<String> names = writeSarif ? List.of(TEMPLATE_FILE, SARIF_FILE, HTML_FILE) : List.of(TEMPLATE_FILE);
        outputs.checkWritable(names);

        List<Path> orgPacks = new ArrayList<>();
        for (Path dir : options.rules) {
            if (!Files.isDirectory(cwd.resolve(dir))) {
                throw new CliError("--rules " + dir + ": not a directory");
            }
            orgPacks.add(asGiven(dir.toString()));
        }

        Optional<Baseline> baseline = Optional.ofNullable(options.baseline)
                .map(file -> Baseline.read(cwd.resolve(file).normalize(), file.toString()));

        Pipeline pipeline = PipelineFactory.create(session, orgPacks, options.noCache);
        Analysis analysis = pipeline.run(config, displayName, variableOptions());

        ToolInfo tool = ToolInfo.slsguard(VersionProvider.version());
        outputs.write(TEMPLATE_FILE, TemplateWriter.bytes(analysis.template()));
        String sarif = SarifReport.render(analysis, tool);
        String html = HtmlReport.render(analysis, tool);
        if (writeSarif) {
            outputs.write(SARIF_FILE, sarif.getBytes(StandardCharsets.UTF_8));
            outputs.write(HTML_FILE, html.getBytes(StandardCharsets.UTF_8));
        }

        PrintWriter out = session.out();
        switch (options.format) {
            case TEXT -> out.print(TextReport.render(analysis.findings(), session.colour()));
            case JSON -> out.print(JsonReport.render(analysis.findings(), tool));
            case SARIF -> out.print(sarif);
            case HTML -> out.print(html);
            case JUNIT -> out.print(JUnitReport.render(analysis, tool));
            default -> throw new IllegalStateException(options.format.name());
        }
        List<Finding> counted = analysis.findings();
        if (baseline.isPresent()) {
            counted = baseline.get().newFindings(analysis.findings(), analysis.source().root());
            if (options.format == Format.TEXT) {
                out.print(counted.size() + (counted.size() == 1 ? " finding is" : " findings are")
                        + " new since the baseline\n");
                counted.forEach(f -> out.print("new: " + f.location() + " " + f.ruleId() + "\n"));
            }
        }
        if (options.writeBaseline != null) {
            Path file = cwd.resolve(options.writeBaseline).normalize();
            new OutputFiles(file.getParent(), List.of(config)).write(file.getFileName().toString(),
                    Baseline.of(analysis.findings(), analysis.source().root()).bytes());
        }
        out.flush();
        return options.failOn.fails(counted) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
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
        return new VariableOptions(Optional.ofNullable(options.stage), Optional.ofNullable(options.region),
                byName, options.params, session.env());
    }

    /**
     * Runs {@code body}, turning every failure into exactly one line on {@code err} and exit code 2
     * (plus the stack trace with {@code --debug}). Errors such as StackOverflowError are caught too.
     */
    static int guarded(PrintWriter err, boolean debug, Callable<Integer> body) {
        try {
            return body.call();
        } catch (UserError e) {
            return fail(err, debug, e, e.oneLine());
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
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
