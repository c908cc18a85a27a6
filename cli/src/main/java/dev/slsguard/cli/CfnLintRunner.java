package dev.slsguard.cli;

import java.time.Duration;
import java.util.List;

/** A way to run cfn-lint on one template: the local executable, or a container. */
interface CfnLintRunner {

    /** What cfn-lint wrote and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    /** cfn-lint could not be run to the end; the message says why, in one line. */
    final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** What runs, for messages ({@code /usr/local/bin/cfn-lint}, {@code container image X}). */
    String describe();

    /**
     * Runs {@code cfn-lint --format json ARGS -- TEMPLATE} on {@code template} (the template's JSON).
     *
     * @throws Failure when it cannot be started or does not finish within {@code timeout} (it is stopped)
     */
    Run run(byte[] template, List<String> args, Duration timeout) throws Failure;

    /** The arguments before the template: JSON output, then the user's. */
    static List<String> arguments(List<String> args, String template) {
        List<String> all = new java.util.ArrayList<>(List.of("--format", "json"));
        all.addAll(args);
        all.add("--");
        all.add(template);
        return all;
    }

    /** A duration as messages show it: {@code 120 s}, {@code 0.5 s}. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
