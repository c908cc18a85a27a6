package dev.slsguard.compilers.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's own statements ({@code provider.iam.role.statements}, else legacy
 * {@code provider.iamRoleStatements}) as v3 writes them into the execution role: as the schema stage
 * coerced them ({@code core/provider.schema.json}: {@code Action: s3:GetObject} becomes a
 * one-element list; a one-element {@code Resource} list holding an ARN or a logical id a string).
 */
public final class DeclaredStatements {

    private DeclaredStatements() {
    }

    /**
     * @param list   the statements list
     * @param source the key that declared it ({@code provider.iam.role.statements})
     */
    public static List<IamStatement> read(Node list, String source) {
        List<IamStatement> out = new ArrayList<>();
        if (!(list instanceof ListNode items)) {
            return out;
        }
        for (Node item : items.items()) {
            if (item instanceof MapNode map) {
                ObjectNode document = (ObjectNode) NodeJson.toJson(map); // coerced by the schema stage
                out.add(StatementFacts.of(document, IamStatement.DECLARED, source, Optional.empty(), item.ref(),
                        StatementOrder.declared(out.size())));
            }
        }
        return out;
    }
}
