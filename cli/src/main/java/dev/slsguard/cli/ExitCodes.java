package dev.slsguard.cli;

/** The process exit codes: the same for every subcommand. */
public final class ExitCodes {

    /** No finding at or above the {@code --fail-on} threshold. */
    public static final int CLEAN = 0;
    /** At least one finding at or above the threshold. */
    public static final int FINDINGS = 1;
    /** A usage error or input that cannot be analysed (the reason is one line on stderr). */
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}
