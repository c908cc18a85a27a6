package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;

/**
 * The {@code AWS::ApiGatewayV2::Integration} v3 writes for a function behind an HTTP or WebSocket
 * API: a Lambda proxy integration, after the function's alias when it has one.
 */
final class ApiV2Integration {

    private ApiV2Integration() {
    }

    /** The integration of {@code function} into the API {@code apiId}, invoking {@code uri}; the caller adds the rest. */
    static ObjectNode proxy(FunctionSettings function, JsonNode apiId, JsonNode uri) {
        ObjectNode integration = JsonNodeFactory.instance.objectNode();
        integration.put("Type", "AWS::ApiGatewayV2::Integration");
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(id -> integration.put("DependsOn", id));
        ObjectNode properties = integration.putObject("Properties");
        properties.set("ApiId", apiId.deepCopy());
        properties.put("IntegrationType", "AWS_PROXY");
        properties.set("IntegrationUri", uri);
        return integration;
    }
}
