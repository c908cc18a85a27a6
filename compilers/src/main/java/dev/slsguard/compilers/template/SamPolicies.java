package dev.slsguard.compilers.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.core.AnalysedStatements;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.NotAnalysed;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Policies} of a SAM function without {@code Role}, as statements of the role SAM
 * creates for it ({@code <Function>Role}): a policy document ({@code Statement}) as written, an AWS
 * managed policy by name or ARN expanded like {@code ManagedPolicyArns}, a SAM policy template
 * expanded from {@link SamPolicyTemplates}. A template slsguard has no definition of, and a policy
 * given as an intrinsic, are reported as not analysed.
 */
final class SamPolicies {

    private static final String AWS_POLICY_ARN = "arn:aws:iam::aws:policy/";

    private SamPolicies() {
    }

    static void read(String role, String function, MapNode properties, int resource, List<IamStatement> out,
                     List<NotAnalysed> notAnalysed) {
        Optional<Node> policies = properties.get("Policies");
        if (policies.isEmpty()) {
            return;
        }
        String source = "Resources." + function + ".Properties.Policies";
        List<Node> items = policies.get() instanceof ListNode list ? list.items() : List.of(policies.get());
        int policy = 0;
        for (Node item : items) {
            int attachment = resource * 100 + policy;
            if (item instanceof ScalarNode scalar) {
                String name = scalar.text();
                String arn = name.startsWith("arn:") ? name : AWS_POLICY_ARN + name;
                AnalysedStatements.expand(role, JsonNodeFactory.instance.textNode(arn), IamStatement.MANAGED,
                        item.ref(), attachment, out);
            } else if (item instanceof MapNode map && map.has("Statement")) {
                AnalysedStatements.document(role, Optional.of(map), source, resource, policy, out);
            } else if (item instanceof MapNode map && map.size() == 1) {
                MapNode.Field only = map.fields().get(0);
                if (only.key().equals("Ref") || only.key().startsWith("Fn::")) {
                    JsonNode arn = NodeJson.toJson(map);
                    int before = out.size();
                    AnalysedStatements.expand(role, arn, IamStatement.MANAGED, item.ref(), attachment, out);
                    if (out.size() == before) {
                        notAnalysed.add(new NotAnalysed("the policy given with " + only.key() + " of SAM function "
                                + function, "it is only known when the stack is deployed, so its permissions are not"
                                + " checked", item.ref()));
                    }
                } else {
                    template(role, function, only, source, resource, policy, out, notAnalysed);
                }
            }
            policy++;
        }
    }

    private static void template(String role, String function, MapNode.Field template, String source, int resource,
                                 int policy, List<IamStatement> out, List<NotAnalysed> notAnalysed) {
        JsonNode parameters = NodeJson.toJson(template.value());
        Optional<List<ObjectNode>> statements = SamPolicyTemplates.builtIn().expand(template.key(),
                parameters == null ? JsonNodeFactory.instance.objectNode() : parameters);
        if (statements.isEmpty()) {
            notAnalysed.add(new NotAnalysed("SAM policy template " + template.key() + " of function " + function,
                    "slsguard has no definition of it, so the permissions it grants are not checked",
                    template.keyRef()));
            return;
        }
        int position = 0;
        for (ObjectNode statement : statements.get()) {
            out.add(TemplateCompiler.statement(role, statement, source + "." + template.key(), template.keyRef(),
                    TemplateCompiler.order(resource, policy, position++)));
        }
    }
}
