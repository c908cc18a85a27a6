package dev.slsguard.compilers.events;

import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;

/**
 * {@code activemq} events, Amazon MQ for ActiveMQ ({@code package/compile/events/activemq.js}):
 * {@code <Fn>EventSourceMappingActiveMQ<Queue>}; see {@link MqMappings}.
 */
public final class ActiveMqCompiler implements EventCompiler {

    @Override
    public EventType eventType() {
        return EventType.ACTIVE_MQ;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        return MqMappings.compile(event, context, Naming::activeMqLogicalId);
    }
}
