package dev.slsguard.rules.least_privilege;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement's entries with their values and locations, found through {@link StatementEntries}
 * (the statement's {@code ref} pointer into the user's tree), so findings point at the offending
 * {@code Action} / {@code Resource} item; statements without a statement map in the tree (managed
 * policies: their ref is the ARN entry) fall back to the statement's ref.
 */
public final class StatementTree {

    private StatementTree() {
    }

    /** The statement's map in {@code root}, when its ref points at one ({@link StatementEntries#statement}). */
    public static Optional<MapNode> statement(MapNode root, IamStatement statement) {
        return StatementEntries.statement(statement, root);
    }

    /** The entries of {@code key} ({@code Action}, {@code Resource}, {@code NotAction} ...), in order. */
    public static List<Entry> entries(MapNode root, IamStatement statement, String key) {
        List<Entry> out = new ArrayList<>();
        Optional<MapNode> map = statement(root, statement);
        if (map.isPresent()) {
            Optional<Node> value = map.get().get(key);
            if (value.isEmpty()) {
                return out;
            }
            if (value.get() instanceof ListNode list) {
                list.items().forEach(i -> out.add(new Entry(CfnValue.of(Nodes.toJson(i)), i.ref())));
            } else {
                out.add(new Entry(CfnValue.of(Nodes.toJson(value.get())), value.get().ref()));
            }
            return out;
        }
        JsonNode value = statement.document().get(key);
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> out.add(new Entry(CfnValue.of(v), statement.ref())));
        } else {
            out.add(new Entry(CfnValue.of(value), statement.ref()));
        }
        return out;
    }

    /** The key {@code key} of the statement (or the statement's ref without a map). */
    public static SourceRef key(MapNode root, IamStatement statement, String key) {
        return StatementEntries.key(statement, root, key);
    }
}
