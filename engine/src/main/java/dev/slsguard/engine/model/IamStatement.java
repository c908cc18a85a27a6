package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One IAM policy statement a role grants: derived by a rule, declared by the user, part of the
 * core template (logs), expanded from a managed policy, or written in a role or policy under
 * {@code resources:}. Only {@link #inline()} statements go into the template; the others are
 * analysis facts (the template keeps the managed policy ARN or the user's resource as written).
 *
 * @param role      logical id of the role resource ({@code IamRoleLambdaExecution})
 * @param effect    {@code Allow} or {@code Deny}
 * @param actions   the actions (empty for a statement written with {@code NotAction})
 * @param resources the resources (empty for {@code NotResource})
 * @param document  the statement exactly as it goes into the template
 * @param origin    {@link #DERIVED}, {@link #DECLARED}, {@link #CORE}, {@link #MANAGED} or
 *                  {@link #RESOURCE}
 * @param source    for derived statements the deriving rule's id, for declared ones the key that
 *                  declared them ({@code provider.iam.role.statements},
 *                  {@code functions.worker.iamRoleStatements}), for statements of a managed policy
 *                  {@link #MANAGED_POLICY_PREFIX} and the policy's path
 *                  ({@code managed-policy:AmazonS3FullAccess}), for {@code resources:} the
 *                  resource's logical id and key ({@code resources.Resources.MyRole.Policies})
 * @param function  the function whose needs it serves, when it serves one (for per-function
 *                  {@code iamRoleStatements}: that function)
 * @param ref       the line that caused it: the event for derived statements, the statement map for
 *                  declared ones and those under {@code resources:}, the ARN entry for managed
 *                  policies
 * @param orderKey  position in the role's statement list; see {@link StatementOrder}
 */
public record IamStatement(String role, String effect, List<String> actions, List<CfnValue> resources,
                           ObjectNode document, String origin, String source, Optional<String> function,
                           SourceRef ref, String orderKey) {

    public static final String DERIVED = "derived";
    public static final String DECLARED = "declared";
    public static final String CORE = "core";
    /**
     * A statement of an AWS managed policy the user attached ({@code provider.iam.role.managedPolicies},
     * legacy {@code provider.iamManagedPolicies}, {@code ManagedPolicyArns} of a role under
     * {@code resources:}); the managed policy v3 attaches itself for VPC functions is {@link #CORE}.
     */
    public static final String MANAGED = "managed";
    /**
     * A statement written under {@code resources:}: {@code Policies} of an {@code AWS::IAM::Role},
     * or an {@code AWS::IAM::Policy} / {@code AWS::IAM::ManagedPolicy} attached to a role with
     * {@code Roles}.
     */
    public static final String RESOURCE = "resource";
    /** Prefix of {@link #source()} for statements expanded from a managed policy document. */
    public static final String MANAGED_POLICY_PREFIX = "managed-policy:";

    public IamStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /**
     * True for statements that belong in the role's inline policy in the template (core, declared
     * and derived ones that were not expanded from a managed policy); false for analysis-only facts.
     */
    public boolean inline() {
        return (CORE.equals(origin) || DECLARED.equals(origin) || DERIVED.equals(origin))
                && !source.startsWith(MANAGED_POLICY_PREFIX);
    }

    /** True for statements v3 writes itself (derived and core): least-privilege rules leave them alone. */
    public boolean automatic() {
        return DERIVED.equals(origin) || CORE.equals(origin);
    }
}
