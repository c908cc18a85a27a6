package dev.slsguard.rules.derivation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slsguard.engine.model.CognitoUserPoolEvent;
import java.util.Collection;

/**
 * What the derivation rules of {@code cognitoUserPool} events on existing pools need beyond single
 * facts: which KMS key a function's first trigger grants, and whether v3 already put a statement
 * with the same resource text on the custom-resources role (it then skips the new one).
 */
public final class CognitoPoolStatements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CognitoPoolStatements() {
    }

    /**
     * Whether the function's first existing-pool trigger is a custom sender with a key: v3 grants
     * {@code kms:CreateGrant} on that key, and only for that trigger.
     */
    public static boolean grantsKey(CognitoUserPoolEvent first) {
        return first.customSender() && first.kmsKeyId().isPresent();
    }

    /**
     * Whether an earlier function's first existing-pool trigger already granted the same key,
     * given as the same text (v3 compares resources with {@code ===}: intrinsics never match).
     */
    public static boolean keyGrantedBefore(CognitoUserPoolEvent first, Collection<?> existingTriggers) {
        if (first.kmsKeyId().flatMap(k -> k.literal()).isEmpty()) {
            return false;
        }
        String key = first.kmsKeyId().get().literal().get();
        return existingTriggers.stream().map(CognitoUserPoolEvent.class::cast)
                .filter(e -> e.functionIndex() < first.functionIndex())
                .filter(e -> existingTriggers.stream().map(CognitoUserPoolEvent.class::cast)
                        .noneMatch(o -> o.functionIndex() == e.functionIndex() && o.index() < e.index()))
                .anyMatch(e -> grantsKey(e) && e.kmsKeyId().flatMap(k -> k.literal()).filter(key::equals).isPresent());
    }

    /** {@code Fn::Sub arn:${AWS::Partition}:lambda:*:*:function:<name>}: the function whose permissions the custom resource manages. */
    public static JsonNode functionArn(String functionName) {
        return JSON.objectNode().put("Fn::Sub", "arn:${AWS::Partition}:lambda:*:*:function:" + functionName);
    }

    /** {@code Fn::Sub arn:${AWS::Partition}:iam::*:role/*}: every role of the account. */
    public static JsonNode anyRole() {
        return JSON.objectNode().put("Fn::Sub", "arn:${AWS::Partition}:iam::*:role/*");
    }

    /** The literal {@code *}. */
    public static JsonNode any() {
        return JSON.textNode("*");
    }
}
