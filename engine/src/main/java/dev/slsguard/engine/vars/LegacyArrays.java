package dev.slsguard.engine.vars;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list form of {@code functions:} and {@code resources:} (typically one {@code ${file()}} per
 * item), which v3 merges into one mapping after resolving variables and before validating: items
 * are merged deeply in order, later values winning, empty items skipped, and an item that is not a
 * mapping refused. Every node keeps the location it was written at, so findings on a merged
 * resource point into the file that declared it.
 */
public final class LegacyArrays {

    private static final List<String> KEYS = List.of("functions", "resources");

    private LegacyArrays() {
    }

    /**
     * The document with {@code functions:} and {@code resources:} as mappings.
     *
     * @throws UserError at an item of such a list that is a string, number or boolean
     */
    public static ResolvedDocument merge(ResolvedDocument resolved) {
        MapNode root = resolved.root();
        boolean changed = false;
        List<MapNode.Field> fields = new ArrayList<>();
        for (MapNode.Field field : root.fields()) {
            if (KEYS.contains(field.key()) && field.value() instanceof ListNode list) {
                fields.add(new MapNode.Field(field.key(), field.keyRef(), mergeItems(field.key(), list)));
                changed = true;
            } else {
                fields.add(field);
            }
        }
        if (!changed) {
            return resolved;
        }
        return new ResolvedDocument(resolved.source(), new MapNode(root.ref(), fields), resolved.stage(),
                resolved.region(), resolved.unresolved(), resolved.included());
    }

    private static MapNode mergeItems(String key, ListNode list) {
        MapNode memo = new MapNode(list.ref(), List.of());
        for (Node item : list.items()) {
            if (item instanceof MapNode map) {
                memo = mergeMaps(memo, map);
            } else if (item instanceof ScalarNode scalar && !truthy(scalar)) {
                continue; // null, false, 0 and '' are skipped as v3 skips them
            } else {
                String shown = item instanceof ScalarNode scalar ? "'" + scalar.text() + "'" : "a list";
                throw new UserError(item.ref(), "each item of the " + key + " list must be a mapping (" + key
                        + " are merged from them); got " + shown);
            }
        }
        return memo;
    }

    private static boolean truthy(ScalarNode scalar) {
        Object v = scalar.value();
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
        }
        return true;
    }

    /** Lodash's deep merge of two mappings: nested mappings and lists merge, anything else is replaced. */
    private static MapNode mergeMaps(MapNode target, MapNode source) {
        Map<String, MapNode.Field> out = new LinkedHashMap<>();
        for (MapNode.Field f : target.fields()) {
            out.put(f.key(), f);
        }
        for (MapNode.Field f : source.fields()) {
            MapNode.Field existing = out.get(f.key());
            if (existing == null) {
                out.put(f.key(), f);
            } else {
                out.put(f.key(), new MapNode.Field(f.key(), existing.keyRef(), mergeValues(existing.value(), f.value())));
            }
        }
        return new MapNode(target.ref(), List.copyOf(out.values()));
    }

    private static Node mergeValues(Node target, Node source) {
        if (target instanceof MapNode t && source instanceof MapNode s) {
            return mergeMaps(t, s);
        }
        if (target instanceof ListNode t && source instanceof ListNode s) {
            List<Node> items = new ArrayList<>(t.items());
            for (int i = 0; i < s.items().size(); i++) {
                if (i < items.size()) {
                    items.set(i, mergeValues(items.get(i), s.items().get(i)));
                } else {
                    items.add(s.items().get(i));
                }
            }
            return new ListNode(t.ref(), items);
        }
        return source;
    }
}
