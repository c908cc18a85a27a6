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

    @Spec
    CommandSpec spec;

    CheckCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return new Invocation(session, options, spec.commandLine().getParseResult(),
                java.util.Optional.ofNullable(recursive), java.util.Optional.ofNullable(sarifRoot)).run(true);
    }
}
