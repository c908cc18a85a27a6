package dev.slsguard.rules.least_privilege;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.rules.iam.ReferencedArns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Breaks a statement into the parts the least-privilege rules match, each located in the user's
 * tree ({@link dev.slsguard.engine.model.Service#config()}) through the statement's ref pointer; a
 * statement without a map there (a managed policy's: its ref is the ARN entry) puts every part at
 * its own ref.
 */
public final class StatementParts {

    private StatementParts() {
    }

    /** The {@link StatementKey}s, {@link ActionEntry}s and {@link ResourceEntry}s of {@code statement}, in order. */
    public static List<StatementPart> of(IamStatement statement, MapNode config) {
        return of(statement, config, List.of());
    }

    /**
     * As {@link #of(IamStatement, MapNode)}, with the template's {@code resources} (facts of type
     * {@link Resource}): a {@code !GetAtt} / {@code !Ref} entry of one of them is read as an ARN of its type.
     */
    public static List<StatementPart> of(IamStatement statement, MapNode config, Collection<?> resources) {
        Map<String, String> typeOf = new HashMap<>();
        resources.stream().filter(Resource.class::isInstance).map(Resource.class::cast)
                .forEach(r -> typeOf.put(r.logicalId(), r.type()));
        Optional<MapNode> map = statement(statement, config);
        List<StatementPart> out = new ArrayList<>();
        int position = 0;
        for (Iterator<String> keys = statement.document().fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            out.add(new StatementKey(statement, position++, key, keyRef(statement, map, key)));
        }
        List<JsonNode> actions = items(statement.document().get("Action"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            String text = actions.get(i).isTextual() ? actions.get(i).textValue().trim() : "";
            if (!text.isEmpty()) {
                out.add(new ActionEntry(statement, i, text, itemRef(statement, map, "Action", i), !seen.add(text)));
            }
        }
        for (int i = 0; i < statement.resources().size(); i++) {
            out.add(new ResourceEntry(statement, i, statement.resources().get(i),
                    itemRef(statement, map, "Resource", i), ReferencedArns.of(statement.resources().get(i), typeOf)));
        }
        return out;
    }

    /** The {@link ConditionEntry}s of {@code statement}: each key under each operator, in order. */
    public static List<ConditionEntry> conditions(IamStatement statement, MapNode config) {
        List<ConditionEntry> out = new ArrayList<>();
        JsonNode condition = statement.document().get("Condition");
        if (condition == null || !condition.isObject()) {
            return out;
        }
        Optional<MapNode> map = statement(statement, config);
        Optional<MapNode> conditionNode = map.flatMap(m -> m.get("Condition")).filter(MapNode.class::isInstance)
                .map(MapNode.class::cast);
        SourceRef fallback = keyRef(statement, map, "Condition");
        for (Iterator<String> operators = condition.fieldNames(); operators.hasNext(); ) {
            String operator = operators.next();
            JsonNode keys = condition.get(operator);
            Optional<MapNode> operatorNode = conditionNode.flatMap(c -> c.get(operator))
                    .filter(MapNode.class::isInstance).map(MapNode.class::cast);
            for (Iterator<String> it = keys.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                SourceRef where = operatorNode.flatMap(m -> m.field(key)).map(MapNode.Field::keyRef).orElse(fallback);
                out.add(new ConditionEntry(statement, out.size(), operator, key, where));
            }
        }
        return out;
    }

    /** The statement's mapping in the tree, when its pointer leads to one. */
    static Optional<MapNode> statement(IamStatement statement, MapNode config) {
        return at(config, statement.ref().pointer()).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    /** The node at a JSON pointer ({@code /provider/iam/role/statements/0}). */
    static Optional<Node> at(Node root, String pointer) {
        if (root == null || pointer == null || !pointer.isEmpty() && !pointer.startsWith("/")) {
            return Optional.empty();
        }
        Node current = root;
        for (String raw : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            Optional<Node> next = Optional.empty();
            if (current instanceof MapNode map) {
                next = map.get(token);
            } else if (current instanceof ListNode list && token.matches("\\d{1,9}")) {
                int index = Integer.parseInt(token);
                next = index < list.items().size() ? Optional.of(list.items().get(index)) : Optional.empty();
            }
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    private static List<JsonNode> items(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(out::add);
        } else if (value != null && !value.isNull()) {
            out.add(value);
        }
        return out;
    }

    private static SourceRef keyRef(IamStatement statement, Optional<MapNode> map, String key) {
        return map.flatMap(m -> m.field(key)).map(MapNode.Field::keyRef).orElse(statement.ref());
    }

    /** Item {@code index} of the list under {@code key} (a single value counts as the list), else the statement. */
    private static SourceRef itemRef(IamStatement statement, Optional<MapNode> map, String key, int index) {
        Optional<Node> value = map.flatMap(m -> m.get(key));
        if (value.isEmpty()) {
            return statement.ref();
        }
        if (value.get() instanceof ListNode list) {
            return index < list.items().size() ? list.items().get(index).ref() : list.ref();
        }
        return value.get().ref();
    }
}
