package dev.slsguard.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.SchemaViolation;
import dev.slsguard.engine.schema.SchemaDocuments.Located;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Words for a schema error, from the schema itself: what the sub-schema at the offending value
 * accepts (its {@code expects} annotation, else a description of its type, range and allowed
 * values), its {@code hint} (added after the message) and its {@code kind} (the finding's rule:
 * {@code shape}, {@code value} or {@code unknown-key}) and {@code area} (on a part of the service
 * schema: the schema name its violations carry, e.g. {@code http} for {@code provider.apiGateway}, so
 * that the rules of that event type report them) and {@code refused} (why v3 stops packaging on such
 * a value: the violation is then an error whatever {@code configValidationMode} says). Annotations
 * are found by walking the error's evaluation path through the schema documents.
 */
final class ViolationText {

    /**
     * The schema annotations that apply where an error's value is: {@code expects}, {@code kind} and
     * {@code refused} of the outermost sub-schema at the value, {@code hint} of the innermost one (the
     * most specific); {@code schema} is the outermost sub-schema at the value, {@code innermost} the
     * one holding the failed keyword.
     */
    record Annotations(Optional<String> expects, Optional<String> hint, Optional<String> kind, Located schema,
                       Located innermost, Optional<String> area, boolean sensitive, Optional<String> refused) {
    }

    private ViolationText() {
    }

    /**
     * The annotations of the sub-schemas that describe the value at {@code instanceDepth} tokens
     * below the root, along {@code evaluation} (a property's own {@code expects} wins over that of a
     * definition it refers to; the hint of the branch that failed wins over a general one).
     */
    static Annotations at(Located root, List<String> evaluation, int instanceDepth) {
        Located node = root;
        int depth = 0;
        String expects = null;
        String hint = null;
        String kind = null;
        String area = null;
        String refused = null;
        boolean sensitive = false;
        Located described = null;
        int i = 0;
        while (true) {
            if (depth <= instanceDepth && text(node, "area") != null) {
                area = text(node, "area");
            }
            if (depth <= instanceDepth && node.node().path("sensitive").asBoolean(false)) {
                sensitive = true;
            }
            if (depth == instanceDepth) {
                expects = expects != null ? expects : text(node, "expects");
                hint = text(node, "hint") != null ? text(node, "hint") : hint;
                kind = kind != null ? kind : text(node, "kind");
                refused = refused != null ? refused : text(node, "refused");
                if (described == null) {
                    described = node;
                }
            }
            if (i >= evaluation.size()) {
                break;
            }
            String token = evaluation.get(i);
            Located next;
            switch (token) {
                case "properties", "patternProperties" -> {
                    if (i + 1 >= evaluation.size()) {
                        next = null;
                        break;
                    }
                    next = node.get(token).get(evaluation.get(i + 1));
                    i++;
                    depth++;
                }
                case "additionalProperties", "items" -> {
                    JsonNode sub = node.node().path(token);
                    next = sub.isObject() && i + 1 < evaluation.size() ? node.get(token) : null;
                    if (next != null) {
                        depth++;
                    }
                }
                case "anyOf", "oneOf", "allOf" -> {
                    if (i + 1 >= evaluation.size()) {
                        next = null;
                        break;
                    }
                    next = node.get(token).get(Integer.parseInt(evaluation.get(i + 1)));
                    i++;
                }
                case "then", "else" -> next = node.get(token);
                case "$ref" -> next = SchemaDocuments.reference(node.document(), node.node().path("$ref").asText());
                default -> next = null;
            }
            if (next == null || !next.exists()) {
                break;
            }
            node = next;
            i++;
        }
        return new Annotations(Optional.ofNullable(expects), Optional.ofNullable(hint), Optional.ofNullable(kind),
                described != null ? described : node, node, Optional.ofNullable(area), sensitive,
                Optional.ofNullable(refused));
    }

    private static String text(Located node, String key) {
        JsonNode value = node.node().path(key);
        return value.isTextual() ? value.asText() : null;
    }

    /** What {@code schema} accepts, in words: "an integer from 1 to 10000", "one of A, B", "true or false". */
    static String describe(Located schema) {
        return describe(schema, 0);
    }

    private static String describe(Located schema, int depth) {
        Located s = SchemaDocuments.resolve(schema);
        String expects = text(schema, "expects");
        if (expects == null) {
            expects = text(s, "expects");
        }
        if (expects != null) {
            return expects;
        }
        JsonNode n = s.node();
        if (n.has("const")) {
            return literal(n.get("const"));
        }
        if (n.has("enum")) {
            List<String> values = new ArrayList<>();
            n.get("enum").forEach(v -> values.add(literal(v)));
            return values.size() == 1 ? values.get(0) : "one of " + String.join(", ", values);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (n.path(combinator).isArray() && depth < 4) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < n.get(combinator).size(); i++) {
                    String part = describe(s.get(combinator).get(i), depth + 1);
                    if (!parts.contains(part)) {
                        parts.add(part);
                    }
                }
                return String.join(" or ", parts);
            }
        }
        List<String> types = Coercion.types(n);
        List<String> parts = new ArrayList<>();
        for (String type : types) {
            parts.add(switch (type) {
                case "integer" -> "an integer" + range(n);
                case "number" -> "a number" + range(n);
                case "boolean" -> "true or false";
                case "string" -> "a string";
                case "array" -> "a list" + items(n);
                case "object" -> "a mapping";
                case "null" -> "empty";
                default -> type;
            });
        }
        return parts.isEmpty() ? "a valid value" : String.join(" or ", parts);
    }

    /** " from 1 to 10", " of at least 1", " of at most 10" (or nothing) for a number's bounds. */
    private static String range(JsonNode n) {
        return bounds(n, "minimum", "maximum", " from ", "");
    }

    /** " of 1 to 10 items", " of at least 1 items" ... for a list's length. */
    private static String items(JsonNode n) {
        return bounds(n, "minItems", "maxItems", " of ", " items");
    }

    private static String bounds(JsonNode n, String minKey, String maxKey, String both, String unit) {
        boolean min = n.has(minKey);
        boolean max = n.has(maxKey);
        if (min && max) {
            return both + n.get(minKey).asText() + " to " + n.get(maxKey).asText() + unit;
        }
        if (min) {
            return " of at least " + n.get(minKey).asText() + unit;
        }
        return max ? " of at most " + n.get(maxKey).asText() + unit : "";
    }

    private static String literal(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** {@code " (did you mean X?)"} when {@code value} is a string close to one of the schema's enum strings. */
    static String enumHint(Located schema, Node value) {
        JsonNode resolved = SchemaDocuments.resolve(schema).node();
        JsonNode values = resolved.path("enum");
        // "suggest": false where other values are likely right, not typos (runtimes newer than v3)
        if (!values.isArray() || !(value instanceof ScalarNode s) || !(s.value() instanceof String text)
                || !resolved.path("suggest").asBoolean(true)) {
            return "";
        }
        List<String> allowed = new ArrayList<>();
        values.forEach(v -> allowed.add(v.asText()));
        return allowed.contains(text) ? "" : Spelling.hint(text, allowed);
    }

    /** The property names an object schema declares, in order (for "allowed:" lists and spelling hints). */
    static List<String> declared(Located objectSchema) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = objectSchema.node().path("properties").fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** The default kind of an error: unknown keys, problems of the event itself, problems of an option. */
    static String defaultKind(String keyword, int instanceDepth) {
        if (keyword.equals("additionalProperties")) {
            return SchemaViolation.UNKNOWN_KEY;
        }
        return instanceDepth == 0 || keyword.equals("required") ? SchemaViolation.SHAPE : SchemaViolation.VALUE;
    }
}
