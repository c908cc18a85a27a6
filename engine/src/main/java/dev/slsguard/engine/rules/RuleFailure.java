package dev.slsguard.engine.rules;

import dev.slsguard.engine.model.SourceRef;
import java.util.Objects;

/**
 * A rule whose consequence threw while a session ran: the session went on with the other rules,
 * and the failure is reported as an error finding of that rule.
 *
 * @param ruleId   the rule's {@code @id}
 * @param ruleName the DRL rule name
 * @param rule     where the rule is written: its DRL file and the line of {@code rule "..."}
 * @param error    the exception, as {@code ExceptionClass: message}
 */
public record RuleFailure(String ruleId, String ruleName, SourceRef rule, String error) {

    public RuleFailure {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(error, "error");
    }

    /** One line for the user: which rule failed, where it is written, and what it threw. */
    public String describe() {
        return "rule " + ruleId + " (\"" + ruleName + "\", " + rule.file() + ":" + rule.line() + ") failed: "
                + error;
    }
}
