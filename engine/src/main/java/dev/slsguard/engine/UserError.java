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

    public UserError(SourceRef location, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.location = Objects.requireNonNull(location, "location");
    }

    public UserError(SourceRef location, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.location = Objects.requireNonNull(location, "location");
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
