package dev.slsguard.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slsguard rules}: work with rule packs ({@code test}, {@code list}). */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Work with rule packs.", synopsisSubcommandLabel = "COMMAND")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code slsguard rules} alone: the usage, as an error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("slsguard rules: missing command");
        spec.commandLine().usage(err);
        return ExitCodes.ERROR;
    }
}
