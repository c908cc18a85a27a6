package dev.slsguard.compilers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * v3's schema coercion of one policy statement of the execution role (the REST API's resource
 * policy is coerced by the schema stage): {@code Sid} becomes a string, a scalar {@code Action} a
 * list of strings; {@code Resource} follows the schema of the caller. Key order is kept.
 */
public final class StatementCoercion {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatementCoercion() {
    }

    /** @param resource the coercion of a {@code Resource} or {@code NotResource} value */
    public static ObjectNode coerce(ObjectNode statement, UnaryOperator<JsonNode> resource) {
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> e : statement.properties()) {
            JsonNode value = e.getValue();
            out.set(e.getKey(), switch (e.getKey()) {
                case "Sid" -> Coerce.string(value);
                case "Action", "NotAction" -> actions(value);
                case "Resource", "NotResource" -> resource.apply(value);
                default -> value;
            });
        }
        return out;
    }

    /** {@code type: array, items: string}: a scalar becomes a one-element list. */
    private static JsonNode actions(JsonNode value) {
        JsonNode list = value.isValueNode() ? JSON.arrayNode().add(value) : value;
        if (!list.isArray()) {
            return value;
        }
        ArrayNode out = JSON.arrayNode();
        list.forEach(item -> out.add(Coerce.string(item)));
        return out;
    }
}
