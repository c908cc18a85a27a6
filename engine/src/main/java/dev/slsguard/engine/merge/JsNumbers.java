package dev.slsguard.engine.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JavaScript has one number type: a YAML {@code 30.0} is the number {@code 30}, and v3 writes it
 * as {@code 30}. This rewrites doubles with an integral value (exactly representable) as integers
 * ({@code IntNode} when it fits, like {@link dev.slsguard.engine.source.Nodes#toJson}).
 */
public final class JsNumbers {

    private static final double MAX_SAFE = 9.007199254740992E15;

    private JsNumbers() {
    }

    /** The same value, integral doubles replaced (the input is not modified). */
    public static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> out.set(e.getKey(), normalize(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> out.add(normalize(item)));
            return out;
        }
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < MAX_SAFE) {
                long v = (long) d;
                return v == (int) v ? JsonNodeFactory.instance.numberNode((int) v)
                        : JsonNodeFactory.instance.numberNode(v);
            }
        }
        return node;
    }
}
