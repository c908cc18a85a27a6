package dev.slsguard.cli;

import dev.slsguard.engine.Analysis;
import dev.slsguard.reports.TemplateWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs cfn-lint on each checked service's template, as {@link CfnLintSettings} say, and adds its
 * results to the service's analysis at the lines of the service's own files that produced them
 * ({@link CfnLintFindings}). One per invocation.
 *
 * <p>What goes wrong is one clear line, never a stack trace, and the rest of the report stands:
 * with {@code auto}, when neither a cfn-lint executable nor a Docker engine is there, one note on
 * standard error for the whole run; otherwise (the requested executable or Docker missing,
 * cfn-lint crashing, not finishing within its time budget, or printing something that is not its
 * JSON report) an error finding {@value CfnLintRules#RUN} at the service's {@code service} key.
 */
final class CfnLint {

    private static final String EXECUTABLE = "cfn-lint";

    private final Session session;
    private boolean notedUnavailable;

    CfnLint(Session session) {
        this.session = session;
    }

    /** The analysis with cfn-lint's results added, or unchanged when cfn-lint is off. */
    Analysis addTo(Analysis analysis, CfnLintSettings settings) {
        if (settings.mode() == CfnLintSettings.Mode.OFF) {
            return analysis;
        }
        try {
            Optional<CfnLintRunner> runner = runner(settings);
            if (runner.isEmpty()) {
                noteUnavailable();
                return analysis;
            }
            CfnLintRunner.Run run = runner.get().run(TemplateWriter.bytes(analysis.template()), settings.args(),
                    settings.timeout());
            return CfnLintFindings.add(analysis, results(run, runner.get()));
        } catch (CfnLintRunner.Failure failure) {
            return CfnLintFindings.failed(analysis, failure.getMessage());
        }
    }

    /**
     * The runner the mode asks for; empty when {@code auto} finds neither cfn-lint nor Docker.
     *
     * @throws CfnLintRunner.Failure when the mode asks for something that is not there
     */
    private Optional<CfnLintRunner> runner(CfnLintSettings settings) throws CfnLintRunner.Failure {
        String executable = settings.executable().orElse(EXECUTABLE);
        Optional<Path> local = settings.mode() == CfnLintSettings.Mode.CONTAINER ? Optional.empty()
                : LocalCfnLint.find(executable, session.env());
        switch (settings.mode()) {
            case LOCAL -> {
                return Optional.of(new LocalCfnLint(local.orElseThrow(() -> missing(executable))));
            }
            case CONTAINER -> {
                return Optional.of(new ContainerCfnLint(settings.image()));
            }
            case AUTO -> {
                if (local.isPresent()) {
                    return Optional.of(new LocalCfnLint(local.get()));
                }
                if (settings.executable().isPresent()) {
                    throw missing(executable); // a path the user configured is not a guess to fall back from
                }
                return ContainerCfnLint.dockerAvailable() ? Optional.of(new ContainerCfnLint(settings.image()))
                        : Optional.empty();
            }
            default -> throw new IllegalStateException(settings.mode().name());
        }
    }

    private static CfnLintRunner.Failure missing(String executable) {
        return executable.contains("/") || executable.contains("\\")
                ? new CfnLintRunner.Failure("the cfn-lint executable " + executable + " (cfn-lint.path) does not exist")
                : new CfnLintRunner.Failure("there is no " + executable + " executable on the PATH (install it with"
                        + " pip install cfn-lint, set cfn-lint.path in .slsguard.yml, or use cfn-lint: container)");
    }

    /** With {@code auto} and nothing to run cfn-lint with: one note for the whole run. */
    private synchronized void noteUnavailable() { // services may be checked in parallel
        if (notedUnavailable) {
            return;
        }
        notedUnavailable = true;
        session.err().println("slsguard: note: cfn-lint was not run: there is no cfn-lint executable on the PATH"
                + " and no Docker engine for the container (install it with pip install cfn-lint, or set"
                + " cfn-lint: off in .slsguard.yml)");
        session.err().flush();
    }

    /**
     * cfn-lint's results from its standard output. Its exit code is a bit mask of the levels it found
     * (2 error, 4 warning, 8 informational); anything else without a JSON report is a crash.
     */
    private static List<CfnLintResult> results(CfnLintRunner.Run run, CfnLintRunner runner)
            throws CfnLintRunner.Failure {
        try {
            return CfnLintResult.parse(run.stdout());
        } catch (CfnLintResult.Unreadable e) {
            if ((run.exitCode() & ~14) != 0) {
                throw new CfnLintRunner.Failure(runner.describe() + " failed with exit code " + run.exitCode() + ": "
                        + lastLine(run.stderr()));
            }
            throw new CfnLintRunner.Failure(runner.describe() + " printed something that is not cfn-lint's JSON"
                    + " report (" + e.getMessage() + ")");
        }
    }

    /** The last line of a program's error output (a Python traceback ends with the exception). */
    private static String lastLine(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "it wrote no error message" : CfnLintResult.excerpt(lines.get(lines.size() - 1));
    }
}
