package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.json.JsJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.IamStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each function's own events need: the derived statements serving it, and for a statement v3
 * derives once for the whole service (sqs) the resources that are the function's own event sources.
 */
public final class FunctionNeeds {

    private final Map<String, List<Need>> byFunction = new HashMap<>();
    private final Map<String, Map<String, List<Need>>> byResource = new HashMap<>();

    private FunctionNeeds() {
    }

    /** Computes the needs of every function from the session's statements and event sources. */
    public static FunctionNeeds of(Collection<?> statements, Collection<?> sources) {
        FunctionNeeds needs = new FunctionNeeds();
        Map<String, Set<String>> functionsBySource = new HashMap<>();
        for (Object o : sources) {
            if (o instanceof EventSource source) {
                functionsBySource.computeIfAbsent(key(source.arn()), k -> new LinkedHashSet<>())
                        .add(source.function());
            }
        }
        List<IamStatement> derived = new ArrayList<>();
        for (Object o : statements) {
            if (o instanceof IamStatement s && IamStatement.DERIVED.equals(s.origin()) && "Allow".equals(s.effect())) {
                derived.add(s);
            }
        }
        derived.sort(java.util.Comparator.comparing(IamStatement::orderKey));
        for (IamStatement s : derived) {
            for (CfnValue r : s.resources()) {
                String key = key(r);
                Set<String> functions = s.function().map(Set::of)
                        .orElseGet(() -> functionsBySource.getOrDefault(key, Set.of()));
                for (String function : functions) {
                    for (String a : s.actions()) {
                        needs.add(function, key, new Need(a, r, s));
                    }
                }
            }
        }
        return needs;
    }

    private void add(String function, String resourceKey, Need need) {
        List<Need> onResource = byResource.computeIfAbsent(resourceKey, k -> new LinkedHashMap<>())
                .computeIfAbsent(function, k -> new ArrayList<>());
        if (onResource.stream().noneMatch(n -> n.action().equals(need.action()))) {
            onResource.add(need);
            byFunction.computeIfAbsent(function, k -> new ArrayList<>()).add(need);
        }
    }

    /**
     * The key of a resource in {@link #on}: its JSON text (compact, as {@code JSON.stringify} writes it;
     * written without the object mapper, as it is for every statement's every resource).
     */
    public static String key(CfnValue resource) {
        return JsJson.stringify(resource.toJson());
    }

    /** The needs on one resource ({@link #key}) by function, in derivation order. */
    public Map<String, List<Need>> on(String resourceKey) {
        return byResource.getOrDefault(resourceKey, Map.of());
    }

    /** The needs of {@code function}, in derivation order. */
    public List<Need> of(String function) {
        return byFunction.getOrDefault(function, List.of());
    }

    /** The needs as {@code actions on resource} groups, in order: what a per-function role would grant. */
    public static String describe(List<Need> needs) {
        if (needs.isEmpty()) {
            return "nothing beyond its logs";
        }
        Map<String, List<String>> byResource = new LinkedHashMap<>();
        for (Need n : needs) {
            byResource.computeIfAbsent(Resources.describe(n.resource()), k -> new ArrayList<>()).add(n.action());
        }
        List<String> parts = new ArrayList<>();
        byResource.forEach((r, actions) -> parts.add(String.join(", ", actions) + " on " + r));
        return String.join("; ", parts);
    }
}
