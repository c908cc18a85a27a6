package dev.slsguard.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a value against one of slsguard's schemas with networknt's json-schema-validator
 * (draft-07, as v3's ajv) and keeps, of each {@code anyOf} / {@code oneOf} that failed, only the
 * branch the value was evidently meant for: branches whose type the value does not have are dropped;
 * when none is left, one error says which types would do.
 */
final class SchemaErrors {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /**
     * One error: the keyword that failed, where in the value (JSON pointer tokens), the evaluation
     * path through the schema (tokens, {@code $ref} steps included), and the property a
     * {@code required} or {@code additionalProperties} error is about.
     */
    record Raw(String keyword, List<String> instance, List<String> evaluation, String property) {

        /** The same error with the evaluation path shortened to its first {@code size} tokens, as a type error. */
        Raw typeErrorAt(int size, List<String> at) {
            return new Raw("type", at, List.copyOf(evaluation.subList(0, size)), null);
        }
    }

    private SchemaErrors() {
    }

    /** The errors of {@code value} against the schema document {@code schemaName}, combinators pruned. */
    static List<Raw> validate(String schemaName, Node value) {
        Schema schema = SCHEMAS.computeIfAbsent(schemaName,
                name -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + name)));
        List<Raw> raw = new ArrayList<>();
        for (Error e : schema.validate(withoutNullValues(Nodes.toJson(value)))) {
            raw.add(new Raw(e.getKeyword(), tokens(e.getInstanceLocation().toString()),
                    tokens(e.getEvaluationPath().toString()), e.getProperty()));
        }
        return prune(raw, Set.of());
    }

    /**
     * The value as v3 validates it: keys whose value is null are left out (v3 removes them before
     * validating and puts them back after, working around ajv issue 1287), so they are neither
     * checked nor count for {@code required}.
     */
    private static JsonNode withoutNullValues(JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), withoutNullValues(e.getValue()));
                }
            });
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> out.add(withoutNullValues(item)));
            return out;
        }
        return value;
    }

    static List<String> tokens(String path) {
        String p = path.startsWith("$") ? path.substring(1) : path;
        if (p.isEmpty() || p.equals("/")) {
            return List.of();
        }
        return Arrays.stream(p.substring(p.startsWith("/") ? 1 : 0).split("/"))
                .map(t -> t.replace("~1", "/").replace("~0", "~")).toList();
    }

    /**
     * Keeps, of each failed combinator (shallowest first), the errors of the one branch that fits the
     * value best; {@code handled} holds the combinators already decided (as evaluation prefixes).
     */
    private static List<Raw> prune(List<Raw> errors, Set<List<String>> handled) {
        List<String> combinator = null;
        for (Raw e : errors) {
            for (int i = 0; i < e.evaluation().size() - 1; i++) {
                String t = e.evaluation().get(i);
                if ((t.equals("anyOf") || t.equals("oneOf")) && isIndex(e.evaluation().get(i + 1))) {
                    List<String> prefix = e.evaluation().subList(0, i + 1);
                    if (!handled.contains(prefix)) {
                        if (combinator == null || prefix.size() < combinator.size()) {
                            combinator = List.copyOf(prefix);
                        }
                        break;
                    }
                }
            }
        }
        if (combinator == null) {
            return errors;
        }
        int depth = combinator.size();
        List<Raw> kept = new ArrayList<>();
        Map<Integer, List<Raw>> branches = new LinkedHashMap<>();
        for (Raw e : errors) {
            if (e.evaluation().size() > depth && e.evaluation().subList(0, depth).equals(combinator)
                    && isIndex(e.evaluation().get(depth))) {
                branches.computeIfAbsent(Integer.parseInt(e.evaluation().get(depth)), k -> new ArrayList<>()).add(e);
            } else {
                kept.add(e);
            }
        }
        List<String> instance = null;
        List<Integer> fitting = new ArrayList<>();
        for (Map.Entry<Integer, List<Raw>> branch : branches.entrySet()) {
            boolean typeMismatch = false;
            for (Raw e : branch.getValue()) {
                if (e.keyword().equals("type") && onlyRefs(e.evaluation(), depth + 1)) {
                    typeMismatch = true;
                    instance = e.instance();
                }
            }
            if (!typeMismatch) {
                fitting.add(branch.getKey());
            }
        }
        if (fitting.isEmpty()) {
            Raw any = branches.values().iterator().next().get(0);
            kept.add(any.typeErrorAt(depth, instance != null ? instance : any.instance()));
        } else {
            int best = fitting.stream().min(Comparator.comparingInt(i -> branches.get(i).size())).orElseThrow();
            kept.addAll(branches.get(best));
        }
        Set<List<String>> done = new HashSet<>(handled);
        done.add(combinator);
        return prune(kept, done);
    }

    /** True when the tokens from {@code from} up to the last are all {@code $ref}. */
    private static boolean onlyRefs(List<String> evaluation, int from) {
        for (int i = from; i < evaluation.size() - 1; i++) {
            if (!evaluation.get(i).equals("$ref")) {
                return false;
            }
        }
        return evaluation.size() > from;
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }
}
