package dev.slsguard.engine;

import dev.slsguard.engine.model.SourceRef;

import java.util.Objects;

/**
 * A service of a run over several services that was not analysed: an error result (its
 * configuration cannot be read or resolved) or, for a service of another provider than AWS, a
 * skipped one. Reports list it with its location; the other services are analysed.
 *
 * @param service  the service's configuration file, as locations name it
 * @param location where the problem is, in the user's own file (a service may have several)
 * @param message  what is wrong and the fix, in one line
 * @param skipped  true for a service skipped on purpose (another provider), false for an error
 */
public record NotAnalysed(String service, SourceRef location, String message, boolean skipped) {

    public NotAnalysed {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:col: message}, on one line. */
    public String oneLine() {
        return location.file() + ":" + location.line() + ":" + location.column() + ": "
                + message.replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code file:line:col: error: message} (or {@code skipped:}), as the text report prints it. */
    public String labelled() {
        return location.file() + ":" + location.line() + ":" + location.column() + ": " + label() + ": "
                + message.replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code error} or {@code skipped}, as reports label it. */
    public String label() {
        return skipped ? "skipped" : "error";
    }
}
