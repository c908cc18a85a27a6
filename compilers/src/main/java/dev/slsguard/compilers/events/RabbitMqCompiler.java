package dev.slsguard.compilers.events;

import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;

/**
 * {@code rabbitmq} events, Amazon MQ for RabbitMQ ({@code package/compile/events/rabbitmq.js}):
 * {@code <Fn>EventSourceMappingRabbitMQ<Queue>}, with the {@code virtualHost} as a second access
 * configuration; see {@link MqMappings}.
 */
public final class RabbitMqCompiler implements EventCompiler {

    @Override
    public EventType eventType() {
        return EventType.RABBIT_MQ;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        return MqMappings.compile(event, context, Naming::rabbitMqLogicalId);
    }
}
