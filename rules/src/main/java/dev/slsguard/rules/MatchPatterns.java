package dev.slsguard.rules;

import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
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
    public static List<Violation> scalarLeaves(MapNode pattern, String what, String fix) {
        List<Violation> violations = new ArrayList<>();
        walk(pattern, "", what, fix, violations);
        return violations;
    }

    private static void walk(MapNode pattern, String path, String what, String fix, List<Violation> violations) {
        for (MapNode.Field field : pattern.fields()) {
            Node value = field.value();
            String name = path.isEmpty() ? field.key() : path + "." + field.key();
            if (value instanceof MapNode nested) {
                walk(nested, name, what, fix, violations);
            } else if (value instanceof ScalarNode && !Options.unresolved(value)) {
                violations.add(new Violation(Violation.VALUE, value.ref(), what + " " + name + " is "
                        + Options.show(value) + ", but only lists of values match: write ["
                        + Options.string(value).orElse("") + "]; " + fix));
            }
        }
    }
}
