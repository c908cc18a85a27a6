package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * Where the parts of a statement were written: the {@code Action} / {@code Resource} entry, or a key
 * such as {@code Condition}, found in the user's tree ({@link dev.slsguard.engine.model.Service#config()})
 * through the statement's {@link IamStatement#ref()} pointer. Falls back to the statement's own
 * location when the statement has no nodes there (statements expanded from a managed policy).
 */
public final class StatementEntries {

    public static final String ACTION = "Action";
    public static final String NOT_ACTION = "NotAction";
    public static final String RESOURCE = "Resource";
    public static final String NOT_RESOURCE = "NotResource";
    public static final String PRINCIPAL = "Principal";
    public static final String CONDITION = "Condition";

    private StatementEntries() {
    }

    /** The statement's mapping in the tree, when its pointer leads to one. */
    public static Optional<MapNode> statement(IamStatement statement, MapNode config) {
        return at(config, statement.ref().pointer()).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    /** The node at a JSON pointer ({@code /provider/iam/role/statements/0}). */
    public static Optional<Node> at(Node root, String pointer) {
        if (root == null || pointer == null) {
            return Optional.empty();
        }
        if (pointer.isEmpty()) {
            return Optional.of(root);
        }
        if (!pointer.startsWith("/")) {
            return Optional.empty();
        }
        Node current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof MapNode map) {
                Optional<Node> next = map.get(token);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                current = next.get();
            } else if (current instanceof ListNode list) {
                int index;
                try {
                    index = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (index < 0 || index >= list.items().size()) {
                    return Optional.empty();
                }
                current = list.items().get(index);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The key {@code Action}, {@code Resource}, {@code Condition} ...; else the statement. */
    public static SourceRef key(IamStatement statement, MapNode config, String key) {
        return statement(statement, config).flatMap(m -> m.field(key)).map(MapNode.Field::keyRef)
                .orElse(statement.ref());
    }

    /** The value of a key (the whole list, the Condition mapping ...); else the statement. */
    public static SourceRef value(IamStatement statement, MapNode config, String key) {
        return statement(statement, config).flatMap(m -> m.get(key)).map(Node::ref).orElse(statement.ref());
    }

    /** The {@code Action} entry at {@code index} (a single string counts as index 0). */
    public static SourceRef action(IamStatement statement, MapNode config, int index) {
        return entry(statement, config, ACTION, index);
    }

    /** The first {@code Action} entry written as {@code action} (case-insensitive). */
    public static SourceRef action(IamStatement statement, MapNode config, String action) {
        return entry(statement, config, ACTION, action);
    }

    /** The {@code Resource} entry at {@code index} (a single value counts as index 0). */
    public static SourceRef resource(IamStatement statement, MapNode config, int index) {
        return entry(statement, config, RESOURCE, index);
    }

    /** The first {@code Resource} entry written as the string {@code resource}. */
    public static SourceRef resource(IamStatement statement, MapNode config, String resource) {
        return entry(statement, config, RESOURCE, resource);
    }

    /** Entry {@code index} of the list under {@code key} ({@code NotAction}, {@code NotResource} ...). */
    public static SourceRef entry(IamStatement statement, MapNode config, String key, int index) {
        Optional<Node> value = statement(statement, config).flatMap(m -> m.get(key));
        if (value.isEmpty()) {
            return statement.ref();
        }
        Node node = value.get();
        if (node instanceof ListNode list) {
            return index >= 0 && index < list.items().size() ? list.items().get(index).ref() : list.ref();
        }
        return node.ref();
    }

    /** The first entry of the list under {@code key} whose string is {@code text} (case-insensitive). */
    public static SourceRef entry(IamStatement statement, MapNode config, String key, String text) {
        Optional<Node> value = statement(statement, config).flatMap(m -> m.get(key));
        if (value.isEmpty()) {
            return statement.ref();
        }
        Node node = value.get();
        List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && scalar.string().filter(text::equalsIgnoreCase).isPresent()) {
                return item.ref();
            }
        }
        return node.ref();
    }
}
