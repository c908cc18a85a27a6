package dev.slsguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slsguard check}: compiles the service, runs every rule pack, writes the template and SARIF. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a Serverless Framework service: compile it to CloudFormation, run the rule packs, "
                + "write cloudformation-template.json and slsguard.sarif, and print the findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:a finding at or above --fail-on",
                "2:usage or input error"})
final class CheckCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    ServiceOptions options;

    @Option(names = "--recursive", paramLabel = "DIR",
            description = "Check every service below DIR (serverless.yml/.yaml/.json, and CloudFormation/SAM templates: "
                    + "template.yaml/.yml/.json, *.template.json as in cdk.out; not in node_modules, "
                    + ".serverless, hidden directories or exclude: of .slsguard.yml) as one run.")
    Path recursive;

    @Option(names = "--sarif-root", paramLabel = "DIR",
            description = "Make SARIF file URIs relative to DIR (default: the git repository root, else the "
                    + "current directory).")
    Path sarifRoot;

    @Option(names = "--cfn-lint", paramLabel = "MODE", arity = "0..1", fallbackValue = "auto",
            preprocessor = CfnLintModeArgument.class,
            description = "Run cfn-lint on each service's template and report its results at the lines of "
                    + "serverless.yml: auto (the default when MODE is left out: the local cfn-lint, else a container),"
                    + " local, container or off (default: off, or cfn-lint: in .slsguard.yml).")
    CfnLintSettings.Mode cfnLint;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Check up to N services at the same time (--recursive, several PATHs); the outputs are the "
                    + "same as one at a time (default: the number of processors).")
    void jobs(int n) {
        if (n < 1 || n > MAX_JOBS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--jobs " + n + ": give a number from 1 to " + MAX_JOBS);
        }
        jobs = n;
    }

    static final int MAX_JOBS = 256;

    int jobs = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    /**
     * {@code --cfn-lint} takes the next argument as its mode only when it is one ({@code --cfn-lint
     * local}); {@code --cfn-lint services/a} is {@code auto} for the service {@code services/a}.
     */
    static final class CfnLintModeArgument implements picocli.CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandSpec spec,
                                  picocli.CommandLine.Model.ArgSpec option, java.util.Map<String, Object> info) {
            if (" ".equals(info.get("separator"))
                    && (args.isEmpty() || CfnLintSettings.Mode.parse(args.peek()).isEmpty())) {
                args.push(CfnLintSettings.Mode.AUTO.label());
            }
            return false;
        }
    }

    CheckCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return new Invocation(session, options, spec.commandLine().getParseResult(),
                java.util.Optional.ofNullable(recursive), java.util.Optional.ofNullable(sarifRoot),
                java.util.Optional.ofNullable(cfnLint), jobs).run(true);
    }
}
