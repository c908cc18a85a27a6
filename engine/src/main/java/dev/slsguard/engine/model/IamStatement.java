package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One IAM policy statement a role grants: derived by a rule, declared by the user, or part of the
 * core template (logs).
 *
 * @param role      logical id of the role resource ({@code IamRoleLambdaExecution})
 * @param effect    {@code Allow} or {@code Deny}
 * @param actions   the actions (empty for a statement written with {@code NotAction})
 * @param resources the resources (empty for {@code NotResource})
 * @param document  the statement exactly as it goes into the template
 * @param origin    {@code derived}, {@code declared} or {@code core}
 * @param source    for derived statements the deriving rule's id, for declared ones the key that
 *                  declared them ({@code provider.iam.role.statements})
 * @param function  the function whose needs it serves, when it serves one
 * @param ref       the line that caused it: the event for derived statements, the statement for
 *                  declared ones
 * @param orderKey  position in the role's statement list; see {@link StatementOrder}
 */
public record IamStatement(String role, String effect, List<String> actions, List<CfnValue> resources,
                           ObjectNode document, String origin, String source, Optional<String> function,
                           SourceRef ref, String orderKey) {

    public static final String DERIVED = "derived";
    public static final String DECLARED = "declared";
    public static final String CORE = "core";

    public IamStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }
}
