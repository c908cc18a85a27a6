package dev.slsguard.compilers.bind;

import dev.slsguard.compilers.events.EventType;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Node;

/**
 * One item of a function's {@code events:} that is a one-key mapping of a type slsguard compiles.
 *
 * @param function the function
 * @param index    position in the function's {@code events:}
 * @param type     the event type of its key
 * @param config   the value under the key
 * @param ref      where the item starts
 */
public record EventItem(FunctionSettings function, int index, EventType type, Node config, SourceRef ref) {

    /** The value under the key as the typed, located view event facts carry. */
    public Setting options() {
        return Setting.of(config, ref);
    }

    /** An {@code EventSource} fact of this item: its function, position and event type, with what it found. */
    public EventSource source(String kind, CfnValue arn, SourceRef declaredAt) {
        return new EventSource(function.key(), function.index(), index, type.key(), type.pluginOrder(), kind, arn,
                declaredAt);
    }
}
