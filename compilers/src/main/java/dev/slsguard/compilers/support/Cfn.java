package dev.slsguard.compilers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CloudFormation values the compilers write more than once: intrinsic functions, ARNs joined from
 * pseudo parameters, the Lambda invoke permission and the bare Lambda role. Each writes its keys in
 * the order v3 does.
 */
public final class Cfn {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Cfn() {
    }

    /** {@code {"Ref": logicalId}}. */
    public static ObjectNode ref(String logicalId) {
        return JSON.objectNode().put("Ref", logicalId);
    }

    /** {@code {"Fn::GetAtt": [logicalId, attribute]}}. */
    public static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode node = JSON.objectNode();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }

    /** {@code {"Fn::Join": [separator, parts]}}. */
    public static ObjectNode join(String separator, JsonNode... parts) {
        ObjectNode node = JSON.objectNode();
        ArrayNode args = node.putArray("Fn::Join");
        args.add(separator);
        ArrayNode list = args.addArray();
        for (JsonNode part : parts) {
            list.add(part);
        }
        return node;
    }

    /** {@code {"Fn::Sub": template}}. */
    public static ObjectNode sub(String template) {
        return JSON.objectNode().put("Fn::Sub", template);
    }

    /** A literal part of a {@link #join}. */
    public static JsonNode text(String value) {
        return JSON.textNode(value);
    }

    /** {@code arn:<partition><rest>} as a join: {@code "arn:", {"Ref": "AWS::Partition"}, rest...}. */
    public static ObjectNode partitionArn(JsonNode... rest) {
        List<JsonNode> parts = new ArrayList<>(List.of(text("arn:"), ref("AWS::Partition")));
        parts.addAll(List.of(rest));
        return join("", parts.toArray(JsonNode[]::new));
    }

    /** {@code arn:<partition>:<service>:<region>:<account><resource>}, the resource starting with its separator. */
    public static ObjectNode regionalArn(String service, JsonNode... resource) {
        List<JsonNode> rest = new ArrayList<>(List.of(text(":" + service + ":"), ref("AWS::Region"), text(":"),
                ref("AWS::AccountId")));
        rest.addAll(List.of(resource));
        return partitionArn(rest.toArray(JsonNode[]::new));
    }

    /**
     * API Gateway's URI that invokes a function:
     * {@code arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations}.
     */
    public static ObjectNode lambdaInvocationUri(JsonNode... functionArn) {
        List<JsonNode> rest = new ArrayList<>(List.of(text(":apigateway:"), ref("AWS::Region"),
                text(":lambda:path/2015-03-31/functions/")));
        rest.addAll(List.of(functionArn));
        rest.add(text("/invocations"));
        return partitionArn(rest.toArray(JsonNode[]::new));
    }

    /**
     * An {@code AWS::Lambda::Permission} letting {@code principal} invoke {@code functionName} from
     * {@code sourceArn}, with {@code DependsOn} (when given) before {@code Properties}; where v3
     * writes it after them, the caller adds it.
     */
    public static ObjectNode invokePermission(Optional<? extends JsonNode> dependsOn, JsonNode functionName,
                                              JsonNode principal, JsonNode sourceArn) {
        ObjectNode permission = JSON.objectNode();
        permission.put("Type", "AWS::Lambda::Permission");
        dependsOn.ifPresent(d -> permission.set("DependsOn", d));
        ObjectNode properties = permission.putObject("Properties");
        properties.set("FunctionName", functionName);
        properties.put("Action", "lambda:InvokeFunction");
        properties.set("Principal", principal);
        properties.set("SourceArn", sourceArn);
        return permission;
    }

    /** The same for a service principal and a {@code DependsOn} that names one resource. */
    public static ObjectNode invokePermission(Optional<String> dependsOn, JsonNode functionName, String principal,
                                              JsonNode sourceArn) {
        return invokePermission(dependsOn.map(JSON::textNode), functionName, text(principal), sourceArn);
    }

    /**
     * An {@code AWS::IAM::Role} Lambda can assume, with one inline policy whose statement list is
     * empty: the merge stage fills it, after the rules ran.
     */
    public static ObjectNode lambdaRole(JsonNode policyName) {
        ObjectNode role = JSON.objectNode();
        role.put("Type", "AWS::IAM::Role");
        ObjectNode properties = role.putObject("Properties");
        ObjectNode trust = properties.putObject("AssumeRolePolicyDocument");
        trust.put("Version", "2012-10-17");
        ObjectNode trustStatement = trust.putArray("Statement").addObject();
        trustStatement.put("Effect", "Allow");
        trustStatement.putObject("Principal").putArray("Service").add("lambda.amazonaws.com");
        trustStatement.putArray("Action").add("sts:AssumeRole");
        ObjectNode policy = properties.putArray("Policies").addObject();
        policy.set("PolicyName", policyName);
        ObjectNode document = policy.putObject("PolicyDocument");
        document.put("Version", "2012-10-17");
        document.putArray("Statement");
        return role;
    }
}
