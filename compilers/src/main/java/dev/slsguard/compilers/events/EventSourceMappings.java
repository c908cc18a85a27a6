package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Js;

/** The {@code AWS::Lambda::EventSourceMapping} as v3's poller event compilers (sqs, stream, kafka, msk, mq) start it. */
final class EventSourceMappings {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventSourceMappings() {
    }

    /**
     * The mapping up to its first property: {@code DependsOn} the function's role and alias, then
     * {@code BatchSize} (10 unless the event sets it); the caller adds the other properties.
     */
    static ObjectNode start(FunctionSettings function, EventConfig config) {
        ObjectNode mapping = empty(function);
        ObjectNode properties = (ObjectNode) mapping.get("Properties");
        JsonNode batchSize = config.option("batchSize");
        properties.set("BatchSize", Js.truthy(batchSize) ? batchSize : JSON.numberNode(10));
        return mapping;
    }

    /**
     * A mapping with no property yet: {@code DependsOn} the function's role and alias (the
     * {@code [role, alias].filter(Boolean)} of every v3 event compiler that writes one).
     */
    static ObjectNode empty(FunctionSettings function) {
        ObjectNode mapping = JSON.objectNode();
        mapping.put("Type", "AWS::Lambda::EventSourceMapping");
        ArrayNode dependsOn = mapping.putArray("DependsOn");
        function.roleDependency().ifPresent(dependsOn::add);
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(dependsOn::add);
        mapping.putObject("Properties");
        return mapping;
    }
}
