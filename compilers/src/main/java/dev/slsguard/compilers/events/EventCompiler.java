package dev.slsguard.compilers.events;

import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;

/**
 * Compiles one event type, like one v3 plugin under {@code package/compile/events/}: adds the
 * event's resources, its typed fact and the {@code EventSource} facts from which derivation rules
 * build the execution role's statements.
 */
public interface EventCompiler {

    /** The event type it compiles (its key, plugin order and invocation). */
    EventType eventType();

    /** v3's plugin registration order of this event type. */
    default int pluginOrder() {
        return eventType().pluginOrder();
    }

    /**
     * Compiles one event item; called in v3's order (functions in order, events in order).
     *
     * @return false when the item is too malformed to compile (v3 would fail on it); nothing is
     *         added then, and validation rules report the item from its {@code EventDecl}
     */
    boolean compile(EventItem event, CompileContext context);

    /**
     * Called once after every item of this type was compiled, for what v3 builds per service
     * rather than per event (shared topics, buckets, an API's resource tree, limits across
     * functions). Nothing by default.
     */
    default void finish(CompileContext context) {
    }
}
