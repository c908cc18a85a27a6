package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.MqEvent;
import dev.slsguard.engine.model.Setting;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What v3's activemq and rabbitmq compilers ({@code activemq.js}, {@code rabbitmq.js}) do alike:
 * one {@code AWS::Lambda::EventSourceMapping} per event on the broker's queue, signed in with the
 * {@code basicAuthArn} secret (RabbitMQ adds its virtual host). The secret, the broker and the VPC
 * access are event sources, from which rules derive v3's per-function statements.
 */
final class MqMappings {

    private MqMappings() {
    }

    /**
     * Compiles one event.
     *
     * @param logicalId the mapping's logical id from the function key and the queue
     */
    static CompileResult compile(EventItem event, CompileContext context, BiFunction<String, String, String> logicalId) {
        if (BrokerMappings.skipped(event)) {
            return CompileResult.SKIPPED; // v3 skips it; the schema reports it
        }
        EventConfig config = EventConfig.of(event.config());
        JsonNode queue = config.option("queue");
        if (queue == null || !queue.isTextual()) {
            return BrokerMappings.unreadable(event, config, "queue", "it names the event source mapping after it",
                    "the name of the queue to read");
        }
        boolean rabbit = event.type() == EventType.RABBIT_MQ;
        FunctionSettings function = event.function();
        String id = logicalId.apply(function.key(), queue.textValue());

        ObjectNode mapping = EventSourceMappings.empty(function);
        ObjectNode properties = (ObjectNode) mapping.get("Properties");
        properties.set("FunctionName", function.target());
        JsonNode arn = config.option("arn");
        if (arn != null) {
            properties.set("EventSourceArn", arn);
        }
        properties.putArray("Queues").add(queue);
        ArrayNode access = properties.putArray("SourceAccessConfigurations");
        JsonNode secret = config.option("basicAuthArn");
        ObjectNode basicAuth = access.addObject().put("Type", "BASIC_AUTH");
        if (secret != null) {
            basicAuth.set("URI", secret);
        }
        JsonNode virtualHost = config.option("virtualHost");
        if (rabbit && Js.truthy(virtualHost)) {
            access.addObject().put("Type", "VIRTUAL_HOST").set("URI", virtualHost);
        }
        BrokerMappings.batching(properties, config);
        BrokerMappings.enabled(properties, config);
        BrokerMappings.filters(properties, config);
        context.putResource(id, mapping, Optional.of(function.key()), event.ref());

        Setting options = Setting.of(event.config(), event.ref());
        Setting arnSetting = options.get("arn");
        Setting secretSetting = options.get("basicAuthArn");
        context.addEventFact(new MqEvent(event.type().key(), function.key(), event.index(), queue.textValue(), id,
                arnSetting, secretSetting, rabbit ? options.get("virtualHost") : Setting.absent("virtualHost",
                event.ref()), options.get("batchSize"), options.get("maximumBatchingWindow"), options.get("enabled"),
                options.get("filterPatterns"), options, event.ref()));
        // v3 lists an undefined secret or broker as null in the statement
        context.addEventFact(event.source(EventSource.BROKER_SECRET, CfnValue.of(secretSetting.toJson()),
                secretSetting.ref()));
        context.addEventFact(event.source(EventSource.MQ_BROKER, CfnValue.of(arnSetting.toJson()), arnSetting.ref()));
        context.addEventFact(event.source(EventSource.VPC_NETWORK, CfnValue.of(JsonNodeFactory.instance.textNode("*")),
                arnSetting.ref()));
        return CompileResult.COMPILED;
    }
}
