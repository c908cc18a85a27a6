package dev.slsguard.cli;

/**
 * A problem with how slsguard was invoked that has no position in a file (a missing service
 * directory, an output path that would overwrite the input ...). Printed as one line, exit code 2.
 */
final class CliError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliError(String message) {
        super(message);
    }

    CliError(String message, Throwable cause) {
        super(message, cause);
    }
}
