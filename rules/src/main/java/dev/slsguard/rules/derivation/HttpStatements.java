package dev.slsguard.rules.derivation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The resources of the statements derived for the REST API's CloudWatch-role custom resource. */
public final class HttpStatements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HttpStatements() {
    }

    /** {@code Join : [arn, Partition, "iam:", AccountId, "role/*"]}: every role of the account. */
    public static JsonNode accountRoles() {
        ObjectNode join = JSON.objectNode();
        ArrayNode args = join.putArray("Fn::Join");
        args.add(":");
        args.addArray().add("arn").add(ref("AWS::Partition")).add("iam:").add(ref("AWS::AccountId")).add("role/*");
        return join;
    }

    /** {@code Join : [arn, Partition, "apigateway:*::/account"]}: the API Gateway account settings. */
    public static JsonNode accountSettings() {
        ObjectNode join = JSON.objectNode();
        ArrayNode args = join.putArray("Fn::Join");
        args.add(":");
        args.addArray().add("arn").add(ref("AWS::Partition")).add("apigateway:*::/account");
        return join;
    }

    private static ObjectNode ref(String name) {
        return JSON.objectNode().put("Ref", name);
    }
}
