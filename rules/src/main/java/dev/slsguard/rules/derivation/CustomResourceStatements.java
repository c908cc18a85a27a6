package dev.slsguard.rules.derivation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.CustomResourceFunction;
import dev.slsguard.engine.model.S3Event;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.rules.Report;
import java.util.List;
import java.util.Optional;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Consequences of the derivation rules for the framework's custom-resource functions: statements
 * on their shared role ({@code IamRoleCustomResourcesLambdaExecution}), written the way v3 writes
 * them there ({@code Effect, Resource, Action}, one resource, not a list). Order keys: the logs
 * statements first (v3 writes them when it creates the role), then each custom resource's
 * statements in plugin order, per function in function order, then those it adds once after
 * every function ({@link #AFTER_FUNCTIONS}).
 */
public final class CustomResourceStatements {

    /** The function index of a statement a custom resource adds once, after the per-function ones. */
    public static final int AFTER_FUNCTIONS = 99998;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CustomResourceStatements() {
    }

    /**
     * One {@code Allow} statement on the custom-resource function's role.
     *
     * @param functionIndex the user function it serves, or {@link #AFTER_FUNCTIONS}
     * @param kind          its position among the statements added for that function
     */
    public static void allow(RuleContext kcontext, CustomResourceFunction custom, JsonNode resource,
                             List<String> actions, Optional<String> function, SourceRef ref, int functionIndex,
                             int kind) {
        ObjectNode document = JSON.objectNode();
        document.put("Effect", "Allow");
        document.set("Resource", resource.deepCopy());
        ArrayNode action = document.putArray("Action");
        actions.forEach(action::add);
        Report.statement(kcontext, custom.role().orElseThrow(), document, function, ref,
                StatementOrder.event(custom.compilerOrder(), functionIndex, kind));
    }

    /**
     * With {@code provider.logs.frameworkLambda}: the role may create and write the service's
     * log groups ({@code /aws/lambda/<service>-<stage>*}).
     */
    public static void logs(RuleContext kcontext, CustomResourceFunction custom) {
        String arn = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
                + custom.logGroupPrefix();
        ObjectNode create = JSON.objectNode();
        create.put("Effect", "Allow");
        create.putArray("Action").add("logs:CreateLogStream").add("logs:CreateLogGroup").add("logs:TagResource");
        create.putArray("Resource").addObject().put("Fn::Sub", arn + "*:*");
        ObjectNode put = JSON.objectNode();
        put.put("Effect", "Allow");
        put.putArray("Action").add("logs:PutLogEvents");
        put.putArray("Resource").addObject().put("Fn::Sub", arn + "*:*:*");
        String role = custom.role().orElseThrow();
        Report.statement(kcontext, role, create, Optional.empty(), custom.ref(), StatementOrder.core(0));
        Report.statement(kcontext, role, put, Optional.empty(), custom.ref(), StatementOrder.core(1));
    }

    /** {@code Join : [arn, Partition, s3, "", "", <bucket>]}: the bucket whose notifications the custom resource sets. */
    public static JsonNode bucketArn(S3Event event) {
        ObjectNode join = JSON.objectNode();
        ArrayNode args = join.putArray("Fn::Join");
        args.add(":");
        ArrayNode parts = args.addArray();
        parts.add("arn").add(ref("AWS::Partition")).add("s3").add("").add("");
        parts.add(event.bucket().toJson().deepCopy());
        return join;
    }

    /** {@code Join : [arn, Partition, lambda, Region, AccountId, function, *]}: every function of the account. */
    public static JsonNode anyFunctionArn() {
        ObjectNode join = JSON.objectNode();
        ArrayNode args = join.putArray("Fn::Join");
        args.add(":");
        args.addArray().add("arn").add(ref("AWS::Partition")).add("lambda").add(ref("AWS::Region"))
                .add(ref("AWS::AccountId")).add("function").add("*");
        return join;
    }

    private static ObjectNode ref(String name) {
        return JSON.objectNode().put("Ref", name);
    }
}
