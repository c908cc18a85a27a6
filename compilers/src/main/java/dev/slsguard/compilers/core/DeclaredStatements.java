package dev.slsguard.compilers.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.support.Coerce;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.compilers.support.StatementCoercion;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user's own statements ({@code provider.iam.role.statements}, else legacy
 * {@code provider.iamRoleStatements}) as v3 writes them into the execution role: verbatim, except
 * for the type coercion its schema validation applies first ({@code Action: s3:GetObject} becomes
 * a one-element list; a one-element {@code Resource} list holding an ARN or a logical id becomes a
 * string).
 */
public final class DeclaredStatements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern ARN = Pattern.compile("^arn:.*", Pattern.DOTALL);
    private static final Pattern LOGICAL_ID = Pattern.compile("^[#A-Za-z0-9\\-_./]+[*]?$");

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
                ObjectNode document = coerce((ObjectNode) NodeJson.toJson(map));
                out.add(StatementFacts.of(document, IamStatement.DECLARED, source, Optional.empty(), item.ref(),
                        StatementOrder.declared(out.size())));
            }
        }
        return out;
    }

    /** Applies v3's schema coercion to one statement; key order is kept. */
    static ObjectNode coerce(ObjectNode statement) {
        return StatementCoercion.coerce(statement, DeclaredStatements::resource);
    }

    /**
     * {@code anyOf [const '*', awsArn, awsLogicalResourceId, array of those]}, evaluated the way
     * AJV coerces while it tries each branch.
     */
    private static JsonNode resource(JsonNode value) {
        if (value.isTextual() && value.textValue().equals("*")) {
            return value;
        }
        JsonNode current = value;
        // awsArnString (type string): a scalar or a one-element list of a scalar is coerced in place
        JsonNode asString = Coerce.string(current);
        if (asString != null && asString.isTextual()) {
            current = asString;
            if (ARN.matcher(current.textValue()).matches()) {
                return current;
            }
        }
        if (current.isObject()) {
            return current;
        }
        if (current.isTextual() && LOGICAL_ID.matcher(current.textValue()).matches()) {
            return current;
        }
        if (current.isValueNode()) {
            return JSON.arrayNode().add(current);
        }
        return current;
    }
}
