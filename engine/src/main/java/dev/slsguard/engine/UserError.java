package dev.slsguard.engine;

import dev.slsguard.engine.model.SourceRef;
import java.util.Objects;

/**
 * A problem with the user's input that stops analysis (malformed YAML, a file too large, a
 * variable cycle, a broken rule pack ...). The command line prints {@link #oneLine()} and exits
 * with code 2; the stack trace is shown only with {@code --debug}.
 */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SourceRef location;
    private final boolean otherProvider;

    public UserError(SourceRef location, String message) {
        this(location, message, false);
    }

    private UserError(SourceRef location, String message, boolean otherProvider) {
        super(Objects.requireNonNull(message, "message"));
        this.location = Objects.requireNonNull(location, "location");
        this.otherProvider = otherProvider;
    }

    /**
     * A service for another cloud ({@code provider.name: google} ...): refused when checked alone,
     * skipped with a note when checked among others.
     */
    public static UserError otherProvider(SourceRef location, String message) {
        return new UserError(location, message, true);
    }

    public UserError(SourceRef location, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.location = Objects.requireNonNull(location, "location");
        this.otherProvider = false;
    }

    /** True for a service of another provider than AWS (see {@link #otherProvider}). */
    public boolean isOtherProvider() {
        return otherProvider;
    }

    public SourceRef location() {
        return location;
    }

    /** {@code file:line:col: message}, on one line. */
    public String oneLine() {
        return location.file() + ":" + location.line() + ":" + location.column() + ": "
                + getMessage().replace('\n', ' ').replace('\r', ' ');
    }
}
