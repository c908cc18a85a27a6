package dev.slsguard.compilers.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.ManagedPolicyArn;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements a function can use that v3 does not write into the execution role's inline policy,
 * as analysis facts (never template content; see {@link IamStatement#inline()}):
 * <ul>
 *   <li>per-function {@code iamRoleStatements} (the serverless-iam-roles-per-function plugin),
 *       {@code declared}, on the function's own role {@code <Function>IamRoleLambdaExecution};</li>
 *   <li>the statements of the AWS managed policies attached with
 *       {@code provider.iam.role.managedPolicies} (legacy {@code provider.iamManagedPolicies}),
 *       {@code managed}, at the ARN entry; the VPC policy v3 attaches itself is {@code core};</li>
 *   <li>under {@code resources:}: {@code Policies} of {@code AWS::IAM::Role}s and
 *       {@code AWS::IAM::Policy} / {@code AWS::IAM::ManagedPolicy} documents attached with
 *       {@code Roles} ({@code resource}, at the statement), and {@code ManagedPolicyArns} of
 *       those roles ({@code managed}).</li>
 * </ul>
 */
public final class AnalysedStatements {

    private static final String VPC_POLICY = "service-role/AWSLambdaVPCAccessExecutionRole";

    private AnalysedStatements() {
    }

    public static List<IamStatement> read(CompileContext context) {
        List<IamStatement> out = new ArrayList<>();
        ServiceSettings settings = context.settings();
        if (settings.executionRole() && !context.functions().isEmpty()) {
            executionRoleManaged(context, out);
        }
        for (FunctionSettings function : context.functions()) {
            functionStatements(function, out);
        }
        settings.root().at("resources", "Resources").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .ifPresent(resources -> out.addAll(resourceStatements(resources, "resources.Resources.")));
        return out;
    }

    /** The per-function role's logical id ({@code getNormalizedFunctionName + IamRoleLambdaExecution}). */
    public static String functionRole(String functionKey) {
        return Naming.normalizedFunctionName(functionKey) + Naming.ROLE_LOGICAL_ID;
    }

    private static void executionRoleManaged(CompileContext context, List<IamStatement> out) {
        ServiceSettings settings = context.settings();
        Optional<Node> managed = settings.roleConfig().get("managedPolicies");
        String source = "provider.iam.role.managedPolicies";
        if (managed.isEmpty() || !Js.truthy(settings.roleValue("managedPolicies"))) {
            managed = settings.provider().get("iamManagedPolicies");
            source = "provider.iamManagedPolicies";
        }
        int attachment = 0;
        if (managed.isPresent() && managed.get() instanceof ListNode list) {
            for (Node item : list.items()) {
                expand(Naming.ROLE_LOGICAL_ID, NodeJson.toJson(item), IamStatement.MANAGED, item.ref(),
                        attachment++, out);
            }
        }
        Optional<SourceRef> vpc = context.functions().stream()
                .flatMap(f -> f.config().field("vpc").map(MapNode.Field::keyRef).stream()).findFirst()
                .or(() -> settings.provider().field("vpc").filter(f -> Js.truthy(NodeJson.toJson(f.value())))
                        .map(MapNode.Field::keyRef));
        if (vpc.isPresent()) {
            List<ObjectNode> statements = ManagedPolicies.builtIn().statements(VPC_POLICY).orElse(List.of());
            for (int i = 0; i < statements.size(); i++) {
                out.add(StatementFacts.of(Naming.ROLE_LOGICAL_ID, statements.get(i), IamStatement.CORE,
                        IamStatement.MANAGED_POLICY_PREFIX + VPC_POLICY, Optional.empty(), vpc.get(),
                        StatementOrder.managed(attachment, i)));
            }
        }
    }

    /** The statements of the AWS managed policy at {@code arn} (nothing for an unknown one), attached to {@code role}. */
    public static void expand(String role, JsonNode arn, String origin, SourceRef ref, int attachment,
                               List<IamStatement> out) {
        Optional<String> path = ManagedPolicyArn.path(arn);
        if (path.isEmpty()) {
            return;
        }
        List<ObjectNode> statements = ManagedPolicies.builtIn().statements(path.get()).orElse(List.of());
        for (int i = 0; i < statements.size(); i++) {
            out.add(StatementFacts.of(role, statements.get(i), origin, IamStatement.MANAGED_POLICY_PREFIX + path.get(),
                    Optional.empty(), ref, StatementOrder.managed(attachment, i)));
        }
    }

    private static void functionStatements(FunctionSettings function, List<IamStatement> out) {
        Optional<Node> list = function.config().get("iamRoleStatements");
        if (list.isEmpty() || !(list.get() instanceof ListNode items)) {
            return;
        }
        String role = functionRole(function.key());
        String source = "functions." + function.key() + ".iamRoleStatements";
        int position = 0;
        for (Node item : items.items()) {
            if (item instanceof MapNode map && NodeJson.toJson(map) instanceof ObjectNode document) {
                out.add(StatementFacts.of(role, document, IamStatement.DECLARED, source, Optional.of(function.key()),
                        item.ref(), StatementOrder.declared(position++)));
            }
        }
    }

    /**
     * The statements of the IAM roles and policies among {@code resources} (a template's
     * {@code Resources}, or a service's {@code resources.Resources}): {@code resource} statements at
     * their map, {@code managed} ones at the ARN entry.
     *
     * @param sourcePrefix how the section is named in {@link IamStatement#source()}
     *                     ({@code resources.Resources.} or {@code Resources.})
     */
    public static List<IamStatement> resourceStatements(MapNode resources, String sourcePrefix) {
        List<IamStatement> out = new ArrayList<>();
        int index = 0;
        for (MapNode.Field field : resources.fields()) {
            int resource = index++;
            if (!(field.value() instanceof MapNode definition)) {
                continue;
            }
            String type = definition.get("Type").flatMap(AnalysedStatements::string).orElse("");
            Optional<MapNode> properties = definition.get("Properties").filter(MapNode.class::isInstance)
                    .map(MapNode.class::cast);
            if (properties.isEmpty()) {
                continue;
            }
            String id = field.key();
            String source = sourcePrefix + id;
            switch (type) {
                case "AWS::IAM::Role" -> {
                    if (properties.get().get("Policies").orElse(null) instanceof ListNode policies) {
                        int policy = 0;
                        for (Node p : policies.items()) {
                            if (p instanceof MapNode map) {
                                document(id, map.get("PolicyDocument"), source + ".Policies", resource, policy, out);
                            }
                            policy++;
                        }
                    }
                    if (properties.get().get("ManagedPolicyArns").orElse(null) instanceof ListNode arns) {
                        int attachment = resource * 100;
                        for (Node arn : arns.items()) {
                            expand(id, NodeJson.toJson(arn), IamStatement.MANAGED, arn.ref(), attachment++, out);
                        }
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
                    if (properties.get().get("Roles").orElse(null) instanceof ListNode roles) {
                        for (Node role : roles.items()) {
                            roleId(role).ifPresent(r -> document(r, properties.get().get("PolicyDocument"),
                                    source + ".PolicyDocument", resource, 0, out));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** {@code Ref: Role} (or the role's logical id written as a name) names the role it attaches to. */
    private static Optional<String> roleId(Node role) {
        if (role instanceof MapNode map && map.size() == 1) {
            return map.get("Ref").flatMap(AnalysedStatements::string);
        }
        return string(role);
    }

    /** The statements of the policy document {@code document} (a map with {@code Statement}), granted to {@code role}. */
    public static void document(String role, Optional<Node> document, String source, int resource, int policy,
                                 List<IamStatement> out) {
        if (document.isEmpty() || !(document.get() instanceof MapNode doc)) {
            return;
        }
        Optional<Node> statement = doc.get("Statement");
        List<Node> statements = new ArrayList<>();
        if (statement.isPresent() && statement.get() instanceof ListNode list) {
            statements.addAll(list.items());
        } else if (statement.isPresent() && statement.get() instanceof MapNode single) {
            statements.add(single);
        }
        int position = 0;
        for (Node s : statements) {
            if (s instanceof MapNode map && NodeJson.toJson(map) instanceof ObjectNode json) {
                out.add(StatementFacts.of(role, json, IamStatement.RESOURCE, source, Optional.empty(), map.ref(),
                        StatementOrder.resource(resource, policy, position++)));
            }
        }
    }

    private static Optional<String> string(Node node) {
        return node instanceof ScalarNode scalar ? scalar.string() : Optional.empty();
    }
}
