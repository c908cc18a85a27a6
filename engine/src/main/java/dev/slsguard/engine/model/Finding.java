package dev.slsguard.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * One problem reported by a rule.
 *
 * @param ruleId      the firing rule's {@code @id}, e.g. {@code SLS-VAL-101}
 * @param severity    from the rule's {@code @severity}
 * @param message     one sentence for the user, naming the fix where there is one
 * @param location    the line in the user's file that caused it
 * @param fingerprint stable identity across runs and line moves (rule, pointer, subject)
 * @param related     other places it involves, shown beside it (SARIF {@code relatedLocations})
 */
public record Finding(String ruleId, Severity severity, String message, SourceRef location,
                      String fingerprint, List<RelatedLocation> related) {

    /**
     * @param related other places the finding involves (e.g. the event behind a derived statement),
     *                in the order the rule gave them; may be empty
     */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fingerprint, "fingerprint");
        related = List.copyOf(related);
    }

    /** A finding with no related locations. */
    public Finding(String ruleId, Severity severity, String message, SourceRef location, String fingerprint) {
        this(ruleId, severity, message, location, fingerprint, List.of());
    }

    /** The same finding with another severity (a {@code .slsguard.yml} override). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, location, fingerprint, related);
    }
}
