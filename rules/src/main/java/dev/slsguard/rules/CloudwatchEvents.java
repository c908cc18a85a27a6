package dev.slsguard.rules;

import dev.slsguard.engine.model.CloudwatchEvent;
import dev.slsguard.engine.model.Function;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Checks across the {@code cloudwatchEvent} events of a service. */
public final class CloudwatchEvents {

    private CloudwatchEvents() {
    }

    /**
     * The event that first gave the rule name of {@code event} (functions in order, then events),
     * when it is another event: EventBridge rule names are unique per bus, so the later rule
     * cannot be created.
     */
    public static List<CloudwatchEvent> earlierWithSameName(CloudwatchEvent event, Collection<?> events,
                                                            Collection<?> functions) {
        if (event.name().isEmpty()) {
            return List.of();
        }
        Comparator<CloudwatchEvent> order = Comparator.comparingLong(e -> order(e, functions));
        return events.stream().filter(CloudwatchEvent.class::isInstance).map(CloudwatchEvent.class::cast)
                .filter(e -> e.name().equals(event.name())).min(order)
                .filter(first -> order(first, functions) < order(event, functions)).stream().toList();
    }

    private static long order(CloudwatchEvent event, Collection<?> functions) {
        int function = functions.stream().filter(Function.class::isInstance).map(Function.class::cast)
                .filter(f -> f.key().equals(event.function())).mapToInt(Function::index).findFirst().orElse(0);
        return (long) function * 100_000 + event.index();
    }
}
