package dev.slsguard.engine.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deep merge with the semantics of lodash {@code _.merge}, which Serverless Framework v3 uses to
 * add compiled resources and the user's {@code resources:} section: objects merge key by key,
 * arrays merge index by index, any other source value (including {@code null}) replaces the
 * target's. Existing keys keep their position; new keys are appended.
 */
public final class LodashMerge {

    private LodashMerge() {
    }

    /** Merges {@code source} into {@code target} (mutated); the source is never aliased. */
    public static void merge(ObjectNode target, ObjectNode source) {
        mergeInto(target, source);
    }

    /** Merges {@code source} into {@code target} (mutated) by index. */
    public static void merge(ArrayNode target, ArrayNode source) {
        mergeInto(target, source);
    }

    private static void mergeInto(JsonNode target, JsonNode source) {
        if (source.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(source.properties());
            for (Map.Entry<String, JsonNode> e : entries) {
                if (target.isObject()) {
                    ObjectNode obj = (ObjectNode) target;
                    obj.set(e.getKey(), mergedValue(obj.get(e.getKey()), e.getValue()));
                } else if (target.isArray()) {
                    // a JS array only serialises its indices: other keys vanish
                    int index = arrayIndex(e.getKey());
                    if (index >= 0) {
                        setIndex((ArrayNode) target, index, mergedValue(target.get(index), e.getValue()));
                    }
                }
            }
        } else if (source.isArray()) {
            for (int i = 0; i < source.size(); i++) {
                JsonNode existing = target.isArray() ? target.get(i) : target.get(Integer.toString(i));
                JsonNode value = mergedValue(existing, source.get(i));
                if (target.isArray()) {
                    setIndex((ArrayNode) target, i, value);
                } else {
                    ((ObjectNode) target).set(Integer.toString(i), value);
                }
            }
        }
    }

    /** The value {@code _.merge} leaves at a key whose old value is {@code existing}. */
    private static JsonNode mergedValue(JsonNode existing, JsonNode src) {
        if (src.isArray()) {
            JsonNode into = existing != null && existing.isArray() ? existing : JsonNodeFactory.instance.arrayNode();
            mergeInto(into, src);
            return into;
        }
        if (src.isObject()) {
            JsonNode into = existing != null && existing.isContainerNode() ? existing
                    : JsonNodeFactory.instance.objectNode();
            mergeInto(into, src);
            return into;
        }
        return src.deepCopy();
    }

    private static void setIndex(ArrayNode array, int index, JsonNode value) {
        while (array.size() < index) {
            array.addNull();
        }
        if (index < array.size()) {
            array.set(index, value);
        } else {
            array.add(value);
        }
    }

    private static int arrayIndex(String key) {
        if (key.isEmpty() || key.length() > 9 || (key.length() > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(key);
    }
}
