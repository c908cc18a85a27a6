package dev.slsguard.compilers.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.Naming;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@link IamStatement} facts for the execution role from a statement document. */
public final class StatementFacts {

    private StatementFacts() {
    }

    public static IamStatement of(ObjectNode document, String origin, String source, Optional<String> function,
                                  SourceRef ref, String orderKey) {
        return of(Naming.ROLE_LOGICAL_ID, document, origin, source, function, ref, orderKey);
    }

    /** A statement of the role {@code role}. */
    public static IamStatement of(String role, ObjectNode document, String origin, String source,
                                  Optional<String> function, SourceRef ref, String orderKey) {
        JsonNode effect = document.get("Effect");
        return new IamStatement(role, effect != null && effect.isTextual() ? effect.textValue() : "",
                actions(document.get("Action")), resources(document.get("Resource")), document, origin, source,
                function, ref, orderKey);
    }

    /** {@code Action} as a list: a string, or the strings of an array (empty for NotAction). */
    static List<String> actions(JsonNode action) {
        List<String> out = new ArrayList<>();
        if (action == null) {
            return out;
        }
        if (action.isTextual()) {
            out.add(action.textValue());
        } else if (action.isArray()) {
            action.forEach(a -> {
                if (a.isTextual()) {
                    out.add(a.textValue());
                }
            });
        }
        return out;
    }

    /** {@code Resource} as a list of values (empty for NotResource). */
    static List<CfnValue> resources(JsonNode resource) {
        List<CfnValue> out = new ArrayList<>();
        if (resource == null || resource.isNull()) {
            return out;
        }
        if (resource.isArray()) {
            resource.forEach(r -> out.add(CfnValue.of(r)));
        } else {
            out.add(CfnValue.of(resource));
        }
        return out;
    }
}
