package dev.slsguard.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.schema.SchemaDocuments.Located;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
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
 * it). Within {@code anyOf} / {@code oneOf} the first branch whose type the value already has is
 * followed (a {@code const} / {@code enum} branch only when the value is one of its values),
 * else the first branch it can be coerced to; nothing is coerced to a mapping, and a null value in a
 * mapping stays null (v3 validates without them). Every node keeps the location it was read at.
 */
final class Coercion {

    private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    /** JSON equality as JavaScript's: numbers by value (1 and 1.0, int and long are the same). */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

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
        Node current = node;
        for (String combinator : List.of("anyOf", "oneOf")) {
            Located branches = s.get(combinator);
            if (branches.node().isArray()) {
                current = coerceToBranch(branches, current, depth);
            }
        }
        Located all = s.get("allOf");
        if (all.node().isArray()) {
            for (int i = 0; i < all.node().size(); i++) {
                current = coerce(all.get(i), current, depth + 1);
            }
        }
        List<String> types = types(s.node());
        Node typed = current;
        if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(typed, t))) {
            current = types.stream().map(t -> to(t, typed)).flatMap(Optional::stream).findFirst().orElse(typed);
        }
        return children(s, current, depth);
    }

    private static Node coerceToBranch(Located branches, Node node, int depth) {
        for (int i = 0; i < branches.node().size(); i++) {
            Located branch = SchemaDocuments.resolve(branches.get(i));
            List<String> types = types(branch.node());
            if ((types.isEmpty() || types.stream().anyMatch(t -> hasType(node, t)))
                    && allowedLiteral(branch.node(), node)) {
                return coerce(branch, node, depth + 1);
            }
        }
        for (int i = 0; i < branches.node().size(); i++) {
            Located branch = SchemaDocuments.resolve(branches.get(i));
            for (String type : types(branch.node())) {
                Optional<Node> coerced = to(type, node);
                if (coerced.isPresent()) {
                    return coerce(branch, coerced.get(), depth + 1);
                }
            }
        }
        return node;
    }

    /**
     * Whether a branch the value already fits by type can be the one that applies: a {@code const}
     * or {@code enum} branch only when the value is among its values (ajv coerces nothing in such a
     * branch and goes on to the next when it fails, e.g. to wrap {@code AWS: arn:...} in a list
     * after {@code const: '*'}).
     */
    private static boolean allowedLiteral(JsonNode branch, Node node) {
        if (branch.has("const")) {
            return branch.get("const").equals(SAME_VALUE, Nodes.toJson(node));
        }
        if (branch.path("enum").isArray()) {
            JsonNode value = Nodes.toJson(node);
            for (JsonNode allowed : branch.get("enum")) {
                if (allowed.equals(SAME_VALUE, value)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static Node children(Located s, Node node, int depth) {
        if (node instanceof MapNode map) {
            List<MapNode.Field> fields = new ArrayList<>();
            boolean changed = false;
            for (MapNode.Field field : map.fields()) {
                // v3 takes null values out of mappings before validating: they stay null
                Optional<Located> sub = field.value() instanceof ScalarNode n && n.value() == null ? Optional.empty()
                        : propertySchema(s, field.key());
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
            if (Pattern.compile(e.getKey()).matcher(key).find()) {
                return Optional.of(new Located(s.document(), e.getValue()));
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
        if (type.equals("object")) {
            return Optional.empty(); // ajv coerces to scalars and lists only: [{Ref: x}] stays a list
        }
        if (type.equals("array")) {
            // ajv wraps scalars only: a mapping where a list is declared stays a mapping
            return node instanceof ScalarNode ? Optional.of(new ListNode(node.ref(), List.of(node))) : Optional.empty();
        }
        Node candidate = node;
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
