package dev.slsguard.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@code check} runs cfn-lint on each service's template: {@code cfn-lint:} in
 * {@code .slsguard.yml} (a mode, or a mapping with {@code mode}, {@code path}, {@code image},
 * {@code args} and {@code timeout}), and {@code --cfn-lint[=MODE]} on the command line, which wins.
 *
 * @param mode       whether and how to run it
 * @param executable {@code path}: the cfn-lint executable for {@code local} (absolute, or a name
 *                   looked up on the {@code PATH}); default {@code cfn-lint}
 * @param image      {@code image}: the container image for {@code container}, instead of the one
 *                   built from slsguard's pinned Dockerfile
 * @param args       {@code args}: further cfn-lint arguments ({@code --ignore-checks W3005},
 *                   {@code --regions eu-west-1} ...), before the template
 * @param timeout    {@code timeout}: how long one cfn-lint run may take before it is stopped
 */
record CfnLintSettings(Mode mode, Optional<String> executable, Optional<String> image, List<String> args,
                       Duration timeout) {

    /** The default time budget of one run: cfn-lint takes a few seconds on a large template. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** Without a setting or option, cfn-lint is not run: it costs about a second per service. */
    static final CfnLintSettings DEFAULT = new CfnLintSettings(Mode.OFF, Optional.empty(), Optional.empty(),
            List.of(), DEFAULT_TIMEOUT);

    CfnLintSettings {
        args = List.copyOf(args);
    }

    /** Whether and how cfn-lint runs. */
    enum Mode {
        /** the local executable when there is one, else the container when Docker runs, else a note that it did not run */
        AUTO,
        /** the cfn-lint executable ({@code path}, else {@code cfn-lint} on the PATH) */
        LOCAL,
        /** cfn-lint in a container (Testcontainers): {@code image}, else one built from the pinned Dockerfile */
        CONTAINER,
        /** not at all */
        OFF;

        /** The mode a setting names, if it names one ({@code auto}, {@code local}, {@code container}, {@code off}). */
        static Optional<Mode> parse(String text) {
            for (Mode mode : values()) {
                if (mode.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same settings with another mode (the command line's). */
    CfnLintSettings withMode(Mode newMode) {
        return new CfnLintSettings(newMode, executable, image, args, timeout);
    }
}
