package dev.slsguard.compilers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Configuration nodes as the JSON values v3 would hold in memory (locations dropped; a double
 * with an integral value is an integer, as JavaScript has one number type).
 */
public final class NodeJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NodeJson() {
    }

    public static JsonNode toJson(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode obj = JSON.objectNode();
            map.fields().forEach(f -> obj.set(f.key(), toJson(f.value())));
            return obj;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = JSON.arrayNode();
            list.items().forEach(i -> array.add(toJson(i)));
            return array;
        }
        return scalar(((ScalarNode) node).value());
    }

    /** The JSON of an optional node; a Java {@code null} (JavaScript {@code undefined}) when absent. */
    public static JsonNode toJsonOrNull(Optional<Node> node) {
        return node.map(NodeJson::toJson).orElse(null);
    }

    private static JsonNode scalar(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof String s) {
            return JSON.textNode(s);
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof Integer i) {
            return JSON.numberNode((long) i);
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 63 ? JSON.numberNode(b.longValue()) : JSON.numberNode(b);
        }
        if (value instanceof Double d) {
            return integral(d) ? JSON.numberNode(d.longValue()) : JSON.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return integral(d.doubleValue()) ? JSON.numberNode(d.longValue()) : JSON.numberNode(d.doubleValue());
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static boolean integral(double d) {
        return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15;
    }
}
