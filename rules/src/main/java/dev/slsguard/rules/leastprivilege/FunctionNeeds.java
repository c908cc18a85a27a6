package dev.slsguard.rules.leastprivilege;

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

    private FunctionNeeds() {
    }

    /** Computes the needs of every function from the session's statements and event sources. */
    public static FunctionNeeds of(Collection<?> statements, Collection<?> sources) {
        FunctionNeeds needs = new FunctionNeeds();
        Map<String, Set<String>> sourceArns = new HashMap<>();
        for (Object o : sources) {
            if (o instanceof EventSource source) {
                sourceArns.computeIfAbsent(source.function(), k -> new LinkedHashSet<>())
                        .add(source.arn().toJson().toString());
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
            if (s.function().isPresent()) {
                for (CfnValue r : s.resources()) {
                    for (String a : s.actions()) {
                        needs.add(s.function().get(), new Need(a, r, s));
                    }
                }
                continue;
            }
            for (Map.Entry<String, Set<String>> e : sourceArns.entrySet()) {
                for (CfnValue r : s.resources()) {
                    if (e.getValue().contains(r.toJson().toString())) {
                        for (String a : s.actions()) {
                            needs.add(e.getKey(), new Need(a, r, s));
                        }
                    }
                }
            }
        }
        return needs;
    }

    private void add(String function, Need need) {
        List<Need> list = byFunction.computeIfAbsent(function, k -> new ArrayList<>());
        boolean known = list.stream().anyMatch(n -> n.action().equals(need.action())
                && n.resource().toJson().equals(need.resource().toJson()));
        if (!known) {
            list.add(need);
        }
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
