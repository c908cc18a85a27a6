package dev.slsguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slsguard compile}: writes the CloudFormation template Serverless Framework v3 would package. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compile a Serverless Framework service to the CloudFormation template `sls package` "
                + "would produce (cloudformation-template.json), and print the findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the template was written (findings are printed, but only check fails on them)",
                "2:usage or input error"})
final class CompileCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    ServiceOptions options;

    @Spec
    CommandSpec spec;

    CompileCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return new Invocation(session, options, spec.commandLine().getParseResult()).run(false);
    }
}
