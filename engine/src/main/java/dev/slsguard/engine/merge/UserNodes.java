package dev.slsguard.engine.merge;

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

/** The user's configuration nodes as template JSON (locations dropped). */
final class UserNodes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private UserNodes() {
    }

    static JsonNode toJson(Node node) {
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
        Object value = ((ScalarNode) node).value();
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
            return JSON.numberNode(i);
        }
        if (value instanceof BigInteger b) {
            return JSON.numberNode(b);
        }
        if (value instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        return JSON.textNode(String.valueOf(value));
    }
}
