package dev.slsguard.engine;

import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
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
    /** Further independent problems of the same input, found before analysis stopped. */
    private final List<UserError> others;

    public UserError(SourceRef location, String message) {
        this(location, message, false, List.of());
    }

    private UserError(SourceRef location, String message, boolean otherProvider, List<UserError> others) {
        super(Objects.requireNonNull(message, "message"));
        this.location = Objects.requireNonNull(location, "location");
        this.otherProvider = otherProvider;
        this.others = List.copyOf(others);
    }

    /**
     * Several independent problems of one input (every unresolvable variable, up to a cap): the
     * first is the error, the others are reported with it, each at its own line.
     */
    public static UserError all(List<UserError> problems) {
        UserError first = problems.get(0);
        return new UserError(first.location, first.getMessage(), first.otherProvider,
                problems.subList(1, problems.size()));
    }

    /** This problem and the others found with it, in the order they were found. */
    public List<UserError> problems() {
        List<UserError> all = new ArrayList<>();
        all.add(this);
        all.addAll(others);
        return all;
    }

    /**
     * A service for another cloud ({@code provider.name: google} ...): refused when checked alone,
     * skipped with a note when checked among others.
     */
    public static UserError otherProvider(SourceRef location, String message) {
        return new UserError(location, message, true, List.of());
    }

    public UserError(SourceRef location, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.location = Objects.requireNonNull(location, "location");
        this.otherProvider = false;
        this.others = List.of();
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
