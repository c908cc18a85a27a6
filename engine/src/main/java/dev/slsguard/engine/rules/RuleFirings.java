package dev.slsguard.engine.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Counts how often each rule fired, to name the rules that kept firing when a session does not settle. */
final class RuleFirings extends DefaultAgendaEventListener {

    /** A rule and how many times it fired. */
    record Count(Rule rule, int times) {
    }

    private final Map<Rule, int[]> counts = new HashMap<>();
    private final List<Rule> firstFired = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        int[] count = counts.get(rule);
        if (count == null) {
            counts.put(rule, new int[] {1});
            firstFired.add(rule);
        } else {
            count[0]++;
        }
    }

    /**
     * The rules that kept firing, most first (ties in the order they first fired), at most
     * {@code limit}: those that fired at least a tenth as often as the rule that fired most.
     */
    List<Count> mostFired(int limit) {
        List<Count> all = new ArrayList<>();
        for (Rule rule : firstFired) {
            all.add(new Count(rule, counts.get(rule)[0]));
        }
        all.sort(Comparator.comparingInt(Count::times).reversed()); // stable: ties keep first-fired order
        int top = all.isEmpty() ? 0 : all.get(0).times();
        return all.stream().filter(c -> c.times() * 10 >= top).limit(limit).toList();
    }
}
