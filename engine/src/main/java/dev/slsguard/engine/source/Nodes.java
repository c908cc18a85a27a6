package dev.slsguard.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Conversions between located nodes and plain Jackson trees (for compilers and the template). */
public final class Nodes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Nodes() {
    }

    /**
     * The node as a Jackson tree, keys in document order. Integers become {@code IntNode} when they
     * fit an int, else {@code LongNode}/{@code BigIntegerNode}; a non-finite double ({@code .inf},
     * {@code .nan}) becomes null, as {@code JSON.stringify} writes it.
     */
    public static JsonNode toJson(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode object = JSON.objectNode();
            for (MapNode.Field field : map.fields()) {
                object.set(field.key(), toJson(field.value()));
            }
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = JSON.arrayNode(list.items().size());
            for (Node item : list.items()) {
                array.add(toJson(item));
            }
            return array;
        }
        return scalar(((ScalarNode) node).value());
    }

    private static JsonNode scalar(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof String text) {
            return JSON.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return JSON.booleanNode(bool);
        }
        if (value instanceof Long number) {
            long v = number;
            return v == (int) v ? JSON.numberNode((int) v) : JSON.numberNode(v);
        }
        if (value instanceof Integer number) {
            return JSON.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? JSON.numberNode(number) : JSON.nullNode();
        }
        if (value instanceof BigDecimal number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Number number) {
            return JSON.numberNode(number.doubleValue());
        }
        return JSON.textNode(String.valueOf(value));
    }

    /** A value as messages show it: {@code 'text'}, {@code 25}, {@code no value}, {@code a list of 2 items}, {@code a mapping}. */
    public static String show(Node node) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.value() == null) {
                return "no value";
            }
            if (scalar.value() instanceof String text) {
                return "'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'";
            }
            return scalar.text();
        }
        if (node instanceof ListNode list) {
            return list.items().isEmpty() ? "an empty list" : "a list of " + list.items().size()
                    + (list.items().size() == 1 ? " item" : " items");
        }
        return "a mapping";
    }
}
