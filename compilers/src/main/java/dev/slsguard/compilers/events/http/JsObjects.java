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
}
