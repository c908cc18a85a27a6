package dev.slsguard.engine.model;

import java.util.Objects;

/**
 * One problem reported by a rule.
 *
 * @param ruleId      the firing rule's {@code @id}, e.g. {@code SLS-VAL-101}
 * @param severity    from the rule's {@code @severity}
 * @param message     one sentence for the user, naming the fix where there is one
 * @param location    the line in the user's file that caused it
 * @param fingerprint stable identity across runs and line moves (rule, pointer, subject)
 */
public record Finding(String ruleId, Severity severity, String message, SourceRef location,
                      String fingerprint) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
