package dev.slsguard.compilers.events;

import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.engine.model.Refusal;
import java.util.List;

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
     * Compiles one event item; called in v3's order (functions in order, events in order). Keeps
     * nothing between calls: the items compiled before are {@link CompileContext#compiledEvents}.
     *
     * @return compiled, or refused (nothing is added then, the refusals become facts), or skipped
     */
    CompileResult compile(EventItem event, CompileContext context);

    /**
     * Called once after every item of this type was compiled, for what v3 builds per service
     * rather than per event (shared topics, buckets, an API's resource tree, limits across
     * functions). Nothing by default.
     *
     * @return the refusals of the service-wide settings of this event type (nothing is built then)
     */
    default List<Refusal> finish(CompileContext context) {
        return List.of();
    }
}
