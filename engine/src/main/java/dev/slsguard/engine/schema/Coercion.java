package dev.slsguard.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.schema.SchemaDocuments.Located;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What v3's validator (ajv with {@code coerceTypes: 'array'}) does to the configuration before any
 * compiler reads it: where the schema declares a type the value does not have, {@code "25"} becomes
 * 25, {@code "true"} becomes true, 1 becomes {@code "1"}, a scalar becomes a one-element list and a
 * one-element list its element. A value that cannot be coerced stays as it is (validation reports
 * it). Branches of {@code anyOf} are tried in order as ajv does (see {@link #anyOf}); those of
 * {@code oneOf} and {@code allOf} all apply. Every node keeps the location it was read at.
 */
final class Coercion {

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    private Coercion() {
    }

    /** {@code node} coerced to {@code schema}. */
    static Node coerce(Located schema, Node node) {
        return coerce(schema, node, 0);
    }

    private static Node coerce(Located schema, Node node, int depth) {
        Located s = SchemaDocuments.resolve(schema);
        if (!s.exists() || !s.node().isObject() || depth > 64) {
            return node;
        }
        // ajv checks (and coerces) the type first, then the other keywords
        Node current = node;
        List<String> types = types(s.node());
        Node typed = current;
        if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(typed, t))) {
            current = types.stream().map(t -> to(t, typed)).flatMap(Optional::stream).findFirst().orElse(typed);
        }
        current = children(s, current, depth);
        Located any = s.get("anyOf");
        if (any.node().isArray()) {
            current = anyOf(any, current, depth);
        }
        for (String all : List.of("oneOf", "allOf")) {
            Located branches = s.get(all);
            for (int i = 0; branches.node().isArray() && i < branches.node().size(); i++) {
                current = coerce(branches.get(i), current, depth + 1);
            }
        }
        return current;
    }

    /**
     * ajv tries the branches in order and stops at the first the value satisfies; what a failed
     * branch coerced stays coerced (so {@code ["arn:..."]} where a string ARN is tried before a
     * list becomes the string).
     */
    private static Node anyOf(Located branches, Node node, int depth) {
        Node current = node;
        int last = branches.node().size() - 1;
        for (int i = 0; i <= last; i++) {
            current = coerce(branches.get(i), current, depth + 1);
            // whether this branch holds matters only if a later one could still change the value
            if (!laterBranchMayChange(branches, i + 1, current) || SchemaErrors.valid(branches.get(i), current)) {
                return current;
            }
        }
        return current;
    }

    private static boolean laterBranchMayChange(Located branches, int from, Node value) {
        for (int i = from; i < branches.node().size(); i++) {
            if (mayChange(branches.get(i), value, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Whether coercing {@code value} to {@code schema} could give another value (conservative). */
    private static boolean mayChange(Located schema, Node value, int depth) {
        Located s = SchemaDocuments.resolve(schema);
        JsonNode n = s.node();
        if (!n.isObject() || depth > 16) {
            return false;
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            Located branches = s.get(combinator);
            for (int i = 0; branches.node().isArray() && i < branches.node().size(); i++) {
                if (mayChange(branches.get(i), value, depth + 1)) {
                    return true;
                }
            }
        }
        List<String> types = types(n);
        if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(value, t))) {
            return types.stream().anyMatch(t -> to(t, value).isPresent());
        }
        boolean children = n.has("properties") || n.has("patternProperties") || n.has("additionalProperties")
                || n.has("items");
        return !(value instanceof ScalarNode) && children;
    }

    private static Node children(Located s, Node node, int depth) {
        if (node instanceof MapNode map) {
            List<MapNode.Field> fields = new ArrayList<>();
            boolean changed = false;
            for (MapNode.Field field : map.fields()) {
                if (field.value() instanceof ScalarNode v && v.value() == null) {
                    fields.add(field); // v3 takes null-valued keys out before validating, and puts them back
                    continue;
                }
                Optional<Located> sub = propertySchema(s, field.key());
                Node value = sub.map(p -> coerce(p, field.value(), depth + 1)).orElse(field.value());
                changed |= value != field.value();
                fields.add(new MapNode.Field(field.key(), field.keyRef(), value));
            }
            return changed ? new MapNode(map.ref(), fields) : map;
        }
        if (node instanceof ListNode list) {
            Located items = s.get("items");
            if (!items.exists() || !items.node().isObject()) {
                return list;
            }
            List<Node> out = new ArrayList<>();
            boolean changed = false;
            for (Node item : list.items()) {
                Node value = coerce(items, item, depth + 1);
                changed |= value != item;
                out.add(value);
            }
            return changed ? new ListNode(list.ref(), out) : list;
        }
        return node;
    }

    /** The schema a property {@code key} of an object validated by {@code s} must satisfy. */
    static Optional<Located> propertySchema(Located s, String key) {
        Located property = s.get("properties").get(key);
        if (property.exists()) {
            return Optional.of(property);
        }
        JsonNode patterns = s.node().path("patternProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = patterns.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (PATTERNS.computeIfAbsent(e.getKey(), Pattern::compile).matcher(key).find()) {
                return Optional.of(s.get("patternProperties").get(e.getKey()));
            }
        }
        Located additional = s.get("additionalProperties");
        return additional.node().isObject() ? Optional.of(additional) : Optional.empty();
    }

    static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return List.of(type.asText());
        }
        List<String> out = new ArrayList<>();
        type.forEach(t -> out.add(t.asText()));
        return out;
    }

    /** Whether {@code node} already is of JSON Schema type {@code type}. */
    static boolean hasType(Node node, String type) {
        return switch (type) {
            case "object" -> node instanceof MapNode;
            case "array" -> node instanceof ListNode;
            case "string" -> node instanceof ScalarNode s && s.value() instanceof String;
            case "boolean" -> node instanceof ScalarNode s && s.value() instanceof Boolean;
            case "null" -> node instanceof ScalarNode s && s.value() == null;
            case "number" -> node instanceof ScalarNode s && s.value() instanceof Number;
            case "integer" -> node instanceof ScalarNode s && s.value() instanceof Number n && integral(n);
            default -> false;
        };
    }

    private static boolean integral(Number n) {
        if (n instanceof Long || n instanceof BigInteger || n instanceof Integer) {
            return true;
        }
        return n instanceof BigDecimal d ? d.stripTrailingZeros().scale() <= 0
                : Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n.doubleValue());
    }

    /** {@code node} coerced to {@code type}, if ajv would. */
    private static Optional<Node> to(String type, Node node) {
        if (type.equals("array")) {
            // ajv wraps scalars only: a mapping where a list is declared stays a mapping
            return node instanceof ScalarNode ? Optional.of(new ListNode(node.ref(), List.of(node))) : Optional.empty();
        }
        if (type.equals("object")) {
            return Optional.empty();
        }
        Node candidate = node;
        // a one-element list becomes its element only where a scalar type is declared
        if (node instanceof ListNode list && list.items().size() == 1) {
            candidate = list.items().get(0);
            if (hasType(candidate, type)) {
                return Optional.of(candidate);
            }
        }
        if (!(candidate instanceof ScalarNode scalar)) {
            return Optional.empty();
        }
        Object v = scalar.value();
        Optional<Object> value = switch (type) {
            case "string" -> toText(v);
            case "number" -> toNumber(v);
            case "integer" -> toNumber(v).filter(n -> integral((Number) n));
            case "boolean" -> toBoolean(v);
            case "null" -> (v instanceof String s && s.isEmpty()) || Boolean.FALSE.equals(v)
                    || (v instanceof Number n && n.doubleValue() == 0) ? Optional.of(NULL) : Optional.empty();
            default -> Optional.empty();
        };
        return value.map(x -> new ScalarNode(scalar.ref(), x == NULL ? null : x));
    }

    private static final Object NULL = new Object();

    private static Optional<Object> toText(Object v) {
        if (v == null) {
            return Optional.of("");
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof BigInteger) {
            return Optional.of(v.toString());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Optional.of(d == Math.rint(d) && Math.abs(d) < 1e21 ? BigDecimal.valueOf(d).toBigInteger().toString()
                    : Double.toString(d));
        }
        return Optional.empty();
    }

    private static Optional<Object> toNumber(Object v) {
        if (v == null) {
            return Optional.of(0L);
        }
        if (v instanceof Boolean b) {
            return Optional.of(b ? 1L : 0L);
        }
        if (v instanceof String s && NUMBER.matcher(s).matches()) {
            BigDecimal d = new BigDecimal(s.strip().replaceFirst("^\\+", ""));
            if (d.stripTrailingZeros().scale() <= 0) {
                BigInteger i = d.toBigIntegerExact();
                return Optional.of(i.bitLength() < 64 ? (Object) i.longValue() : i);
            }
            return Optional.of(d.doubleValue());
        }
        return Optional.empty();
    }

    private static Optional<Object> toBoolean(Object v) {
        if ("true".equals(v) || (v instanceof Number n && n.doubleValue() == 1)) {
            return Optional.of(Boolean.TRUE);
        }
        if ("false".equals(v) || v == null || (v instanceof Number n && n.doubleValue() == 0)) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }
}
