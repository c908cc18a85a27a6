package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JavaScript objects as the REST API compiler of v3 builds them: a key set to {@code undefined}
 * keeps its place in the object (so a later {@code _.merge} fills it there) but vanishes from
 * the JSON. {@link #UNDEFINED} marks such a key until {@link #stripUndefined} removes it.
 */
final class JsObjects {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** A key set to {@code undefined}. */
    static final JsonNode UNDEFINED = new TextNode("\u0000undefined");

    private JsObjects() {
    }

    static boolean isUndefined(JsonNode node) {
        return node == null || (node.isTextual() && node.textValue().equals(UNDEFINED.textValue()));
    }

    /** {@code value}, or {@link #UNDEFINED} for a Java null. */
    static JsonNode orUndefined(JsonNode value) {
        return value == null ? UNDEFINED : value;
    }

    /** lodash {@code _.merge(target, source)}: objects by key, arrays by index, undefined keeps the target's value. */
    static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> e : new ArrayList<>(source.properties())) {
            JsonNode existing = target.get(e.getKey());
            target.set(e.getKey(), mergedValue(existing, e.getValue()));
        }
    }

    private static JsonNode mergedValue(JsonNode existing, JsonNode source) {
        if (isUndefined(source)) {
            return existing == null ? UNDEFINED : existing;
        }
        if (source.isObject()) {
            ObjectNode target = existing != null && existing.isObject() ? (ObjectNode) existing : JSON.objectNode();
            merge(target, (ObjectNode) source);
            return target;
        }
        if (source.isArray()) {
            ArrayNode target = existing != null && existing.isArray() ? (ArrayNode) existing : JSON.arrayNode();
            for (int i = 0; i < source.size(); i++) {
                JsonNode current = i < target.size() ? target.get(i) : null;
                JsonNode merged = mergedValue(current, source.get(i));
                if (i < target.size()) {
                    target.set(i, merged);
                } else {
                    target.add(merged);
                }
            }
            return target;
        }
        return source.deepCopy();
    }

    /** Removes every {@link #UNDEFINED} key (and array item) at any depth. */
    static void stripUndefined(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            object.properties().forEach(e -> {
                if (isUndefined(e.getValue())) {
                    drop.add(e.getKey());
                } else {
                    stripUndefined(e.getValue());
                }
            });
            object.remove(drop);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isUndefined(array.get(i))) {
                    array.set(i, JSON.nullNode()); // JSON.stringify writes undefined items as null
                } else {
                    stripUndefined(array.get(i));
                }
            }
        }
    }

    /** {@code {"Ref": id}}. */
    static ObjectNode ref(String id) {
        return JSON.objectNode().put("Ref", id);
    }

    /** {@code {"Fn::GetAtt": [id, attribute]}}. */
    static ObjectNode getAtt(String id, String attribute) {
        ObjectNode node = JSON.objectNode();
        node.putArray("Fn::GetAtt").add(id).add(attribute);
        return node;
    }

    /** {@code {"Fn::Join": [separator, parts]}}. */
    static ObjectNode join(String separator, JsonNode... parts) {
        ObjectNode node = JSON.objectNode();
        ArrayNode args = node.putArray("Fn::Join");
        args.add(separator);
        ArrayNode list = args.addArray();
        for (JsonNode part : parts) {
            list.add(part);
        }
        return node;
    }

    static JsonNode text(String value) {
        return JSON.textNode(value);
    }

    /** JavaScript {@code String(value)} of a scalar, {@code JSON.stringify}-like text otherwise. */
    static String string(JsonNode value) {
        if (value == null) {
            return "undefined";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return dev.slsguard.compilers.support.Js.numberToString(value);
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.isNull() ? "" : string(v)));
            return String.join(",", parts);
        }
        return "[object Object]";
    }
}
