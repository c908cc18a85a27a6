package dev.slsguard.compilers.events.http;

import static dev.slsguard.compilers.events.http.JsObjects.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.support.Coerce;
import java.util.Map;

/**
 * v3's schema coercion of {@code provider.apiGateway.resourcePolicy} statements: a scalar
 * {@code Action} becomes a list, a one-element {@code Resource} list becomes its string.
 */
final class ResourcePolicies {

    private ResourcePolicies() {
    }

    static ObjectNode coerce(ObjectNode statement) {
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> e : statement.properties()) {
            JsonNode value = e.getValue();
            out.set(e.getKey(), switch (e.getKey()) {
                case "Sid" -> Coerce.string(value);
                case "Action", "NotAction" -> actions(value);
                case "Resource", "NotResource" -> resource(value);
                default -> value;
            });
        }
        return out;
    }

    private static JsonNode actions(JsonNode value) {
        JsonNode list = value.isValueNode() ? JSON.arrayNode().add(value) : value;
        if (!list.isArray()) {
            return value;
        }
        ArrayNode out = JSON.arrayNode();
        list.forEach(item -> out.add(Coerce.string(item)));
        return out;
    }

    private static JsonNode resource(JsonNode value) {
        if (value.isArray() && value.size() == 1 && value.get(0).isValueNode()) {
            return Coerce.string(value.get(0));
        }
        return value;
    }
}
