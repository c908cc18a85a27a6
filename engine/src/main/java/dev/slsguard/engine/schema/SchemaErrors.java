package dev.slsguard.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
        Schema schema = schema("classpath:" + schemaName);
        List<Raw> raw = new ArrayList<>();
        for (Error e : schema.validate(json(value))) {
            raw.add(new Raw(e.getKeyword(), tokens(e.getInstanceLocation().toString()),
                    tokens(e.getEvaluationPath().toString()), e.getProperty()));
        }
        return prune(raw, Set.of());
    }

    /** Whether {@code value} satisfies the sub-schema {@code schema} (for ajv's branch-by-branch coercion). */
    static boolean valid(SchemaDocuments.Located schema, Node value) {
        return schema(schema.iri()).validate(json(value)).isEmpty();
    }

    /** The value as v3 validates it: keys whose value is null are taken out first (they are never judged). */
    private static JsonNode json(Node value) {
        JsonNode json = Nodes.toJson(value);
        dropNullFields(json);
        return json;
    }

    private static void dropNullFields(JsonNode json) {
        if (json instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    dropNullFields(e.getValue());
                }
            });
            object.remove(nulls);
        } else if (json instanceof ArrayNode array) {
            array.forEach(SchemaErrors::dropNullFields);
        }
    }

    /** Compiles the schema document {@code schemaName} (with what it refers to) ahead of its first use. */
    static void compile(String schemaName) {
        schema("classpath:" + schemaName);
        SchemaDocuments.root(schemaName);
    }

    /** A schema ready to validate: its validators are built before other threads can see it. */
    private static Schema schema(String iri) {
        return SCHEMAS.computeIfAbsent(iri, i -> {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(i));
            schema.initializeValidators();
            return schema;
        });
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
            // the branch that got furthest into the value (its deepest error), then the fewest errors
            int best = fitting.stream().min(Comparator.comparingInt((Integer i) -> -deepest(branches.get(i)))
                    .thenComparingInt(i -> branches.get(i).size())).orElseThrow();
            kept.addAll(branches.get(best));
        }
        Set<List<String>> done = new HashSet<>(handled);
        done.add(combinator);
        return prune(kept, done);
    }

    private static int deepest(List<Raw> errors) {
        return errors.stream().mapToInt(e -> e.instance().size()).max().orElse(0);
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
