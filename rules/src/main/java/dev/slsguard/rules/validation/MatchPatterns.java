package dev.slsguard.rules.validation;

import dev.slsguard.rules.Violation;
import dev.slsguard.engine.model.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * EventBridge event patterns and SNS filter policies share one shape: nested mappings whose
 * leaves are lists of values to match. A single value in place of a list is rejected by the
 * service when CloudFormation creates the rule or subscription.
 */
public final class MatchPatterns {

    private MatchPatterns() {
    }

    /**
     * Every leaf of {@code pattern} that is a single value, reported at the value.
     *
     * @param what the pattern in messages ({@code cloudwatchEvent pattern field})
     * @param fix  what fails otherwise, ending the message
     */
    public static List<Violation> scalarLeaves(Setting pattern, String what, String fix) {
        List<Violation> violations = new ArrayList<>();
        walk(pattern, "", what, fix, violations);
        return violations;
    }

    private static void walk(Setting pattern, String path, String what, String fix, List<Violation> violations) {
        for (Setting value : pattern.members()) {
            String name = path.isEmpty() ? value.name() : path + "." + value.name();
            if (value.isMap()) {
                walk(value, name, what, fix, violations);
            } else if (value.name().equals("$or")) {
                for (Setting branch : value.items()) {
                    walk(branch, path, what, fix, violations); // alternatives hold fields of this level
                }
            } else if (value.isScalar() && !value.unresolved()) {
                violations.add(new Violation(Violation.VALUE, value.ref(), what + " " + name + " is "
                        + value.shown() + ", but only lists of values match: write [" + value.textOr("") + "]; "
                        + fix));
            }
        }
    }
}
