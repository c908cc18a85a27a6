package dev.slsguard.cli;

import dev.slsguard.engine.Timing;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.vars.EnvironmentValues;
import dev.slsguard.rules.BuiltInPacks;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code slsguard} command: {@code check} and {@code compile} a Serverless Framework service. */
@Command(name = "slsguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Static analysis for Serverless Framework services on AWS.",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** System.nanoTime() on entering {@link #main}; 0 when run in-process (tests). */
    private static long mainNanos;
    /** System.nanoTime() when picocli starts parsing the arguments (for {@code --debug-timing}). */
    static volatile long parseNanos;

    public static void main(String[] args) {
        mainNanos = System.nanoTime();
        int code = run(args, System.out, System.err);
        dev.slsguard.engine.rules.ExitGuard.exit(code);
    }

    /** Runs slsguard in this process and returns the exit code; never calls {@code System.exit}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> env = System.getenv();
        return run(args, out, err, Path.of("").toAbsolutePath(), env,
                colour(out == System.out && System.console() != null, env), err == System.err && System.console() != null);
    }

    /** Colour only on a terminal, and never when {@code NO_COLOR} is set to anything (no-color.org). */
    static boolean colour(boolean terminal, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty());
    }

    /**
     * Runs slsguard with relative paths resolved against {@code workingDir} and {@code env} as the
     * environment ({@code ${env:}}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingDir,
                          Map<String, String> env) {
        return run(args, out, err, workingDir, env, false, false);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, Path workingDir,
                           Map<String, String> env, boolean colour, boolean terminal) {
        // every value ${env:} gives is shown as its reference on both streams and in every report
        EnvironmentValues envValues = new EnvironmentValues();
        PrintWriter outWriter = new PrintWriter(new RedactingWriter(
                new OutputStreamWriter(out, StandardCharsets.UTF_8), envValues), true);
        PrintWriter errWriter = new PrintWriter(new RedactingWriter(
                new OutputStreamWriter(err, StandardCharsets.UTF_8), envValues), true);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        boolean timing = java.util.Arrays.asList(args).contains(DEBUG_TIMING);
        if (timing) {
            Timing.enable(mainNanos == 0 ? System.nanoTime() : mainNanos);
        }
        if (args.length > 0 && ("check".equals(args[0]) || "compile".equals(args[0]))) {
            RuleBase.prepare(BuiltInPacks.packs()); // the largest part of the rule base, while picocli starts
        }
        try {
            return Invocation.guarded(errWriter, debug, () -> {
                Session session = new Session(workingDir, outWriter, errWriter, env, colour, terminal, envValues);
                CommandLine cli = Timing.time("command line: picocli model",
                        () -> commandLine(session, args.length > 0 ? args[0] : ""));
                parseNanos = System.nanoTime();
                return cli.execute(args);
            });
        } finally {
            outWriter.flush();
            if (timing) {
                errWriter.print(Timing.table());
                Timing.disable();
            }
            errWriter.flush();
        }
    }

    /** The hidden option that prints where the run spent its time on standard error. */
    static final String DEBUG_TIMING = "--debug-timing";

    static CommandLine commandLine(Session session) {
        return commandLine(session, "");
    }

    /**
     * With {@code first} (the first argument) naming {@code check} or {@code compile}, only that
     * subcommand is built: picocli reads every command's annotations by reflection, start-up time a
     * check does not need. Its parsing, usage and errors are the same as with every subcommand.
     */
    static CommandLine commandLine(Session session, String first) {
        CommandLine cli = new CommandLine(new Main());
        if ("check".equals(first)) {
            cli.addSubcommand(new CheckCommand(session));
        } else if ("compile".equals(first)) {
            cli.addSubcommand(new CompileCommand(session));
        } else {
            cli.addSubcommand(new CommandLine.HelpCommand());
            cli.addSubcommand(new CheckCommand(session));
            cli.addSubcommand(new CompileCommand(session));
            cli.addSubcommand(new CommandLine(new RulesCommand())
                    .addSubcommand(new RulesTestCommand(session))
                    .addSubcommand(new RulesListCommand(session)));
            cli.addSubcommand(new ExplainCommand(session));
        }
        cli.setOut(session.out());
        cli.setErr(session.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                Invocation.guarded(session.err(), parseResult.hasMatchedOption("--debug"), () -> {
                    throw e;
                }));
        return cli;
    }

    /** A usage error: one line naming the problem, one pointing at the help. Exit code 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("slsguard: " + Invocation.oneLine(e.getMessage()));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.ERROR;
    }

    /** {@code slsguard} alone: the usage, as an error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("slsguard: missing command");
        spec.commandLine().usage(err);
        return ExitCodes.ERROR;
    }
}
