package dev.slsguard.rules.deprecation;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StreamEvent;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** Helpers for rules over {@link StreamEvent} facts. */
public final class StreamEvents {

    private StreamEvents() {
    }

    /** The first of {@code events} in function order, then event order ({@code functions} give the order). */
    public static StreamEvent first(Collection<?> events, Collection<?> functions) {
        Map<String, Integer> position = new HashMap<>();
        for (Object o : functions) {
            Function f = (Function) o;
            position.put(f.key(), f.index());
        }
        return events.stream().map(StreamEvent.class::cast)
                .min(Comparator.comparingInt((StreamEvent e) -> position.getOrDefault(e.function(), Integer.MAX_VALUE))
                        .thenComparing(StreamEvent::function)
                        .thenComparingInt(StreamEvent::index))
                .orElseThrow();
    }

    /** Where the event's {@code consumer:} key is written, or the event item when it has none. */
    public static SourceRef consumerRef(StreamEvent event) {
        Setting consumer = event.options().get("consumer");
        return consumer.present() ? consumer.keyRef() : event.ref();
    }
}
