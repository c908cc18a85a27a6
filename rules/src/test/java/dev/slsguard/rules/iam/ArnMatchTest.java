package dev.slsguard.rules.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnMatchTest {

    private final IamCatalog catalog = IamCatalog.builtIn();

    private ResourceType type(String action, String name) {
        return catalog.action(action).orElseThrow().resourceTypes().stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void objectPatternIsAnObjectNotABucket() {
        ResourceType object = type("s3:GetObject", "object");
        ResourceType bucket = type("s3:ListBucket", "bucket");
        assertTrue(object.accepts("arn:aws:s3:::uploads/*"));
        assertFalse(bucket.accepts("arn:aws:s3:::uploads/*"));
        assertTrue(bucket.accepts("arn:aws:s3:::uploads"));
        assertFalse(object.accepts("arn:aws:s3:::uploads"));
        assertTrue(object.accepts("arn:aws:s3:::uploads/reports/2024/a:b.csv"));
        assertTrue(catalog.action("s3:GetObject").orElseThrow().accepts("arn:aws:s3:::uploads/*"));
        assertFalse(catalog.action("s3:ListBucket").orElseThrow().accepts("arn:aws:s3:::uploads/*"));
    }

    @Test
    void otherServicesDoNotMatch() {
        assertFalse(catalog.action("s3:GetObject").orElseThrow()
                .accepts("arn:aws:dynamodb:us-east-1:123456789012:table/orders"));
        assertTrue(catalog.action("dynamodb:GetItem").orElseThrow()
                .accepts("arn:aws:dynamodb:us-east-1:123456789012:table/orders"));
        assertFalse(catalog.action("dynamodb:GetItem").orElseThrow()
                .accepts("arn:aws:sqs:us-east-1:123456789012:orders"));
    }

    @Test
    void globsInTheUsersArn() {
        IamAction getItem = catalog.action("dynamodb:GetItem").orElseThrow();
        assertTrue(getItem.accepts("arn:aws:dynamodb:*:*:table/*"));
        assertTrue(getItem.accepts("arn:aws:dynamodb:us-east-?:*:table/orders"));
        assertTrue(getItem.accepts("arn:*:*"));
        assertTrue(getItem.accepts("*"));
        assertTrue(catalog.action("s3:GetObject").orElseThrow().accepts("arn:aws:s3:::*"));
    }

    @Test
    void partitionPlaceholderOfFnSubIsAWildcard() {
        // arn:${AWS::Partition}:s3:::uploads/* with the Sub placeholder read as a wildcard
        assertTrue(catalog.action("s3:GetObject").orElseThrow().accepts("arn:*:s3:::uploads/*"));
        assertTrue(catalog.action("secretsmanager:GetSecretValue").orElseThrow()
                .accepts("arn:*:secretsmanager:*:*:secret:db-*"));
    }

    @Test
    void qualifiedFunctionArnsAreFunctions() {
        IamAction invoke = catalog.action("lambda:InvokeFunction").orElseThrow();
        assertTrue(invoke.accepts("arn:aws:lambda:us-east-1:123456789012:function:worker"));
        assertTrue(invoke.accepts("arn:aws:lambda:us-east-1:123456789012:function:worker:*"));
        assertFalse(invoke.accepts("arn:aws:lambda:us-east-1:123456789012:layer:worker"));
    }

    @Test
    void logGroupNamesMayContainSlashes() {
        IamAction putLogEvents = catalog.action("logs:PutLogEvents").orElseThrow();
        assertTrue(putLogEvents.accepts(
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/worker:log-stream:*"));
        assertTrue(putLogEvents.accepts("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/worker:*"));
        assertTrue(putLogEvents.accepts("arn:aws:logs:*:*:log-group:/custom/app/*"));
        assertFalse(putLogEvents.accepts("arn:aws:logs:us-east-1:123456789012:destination:/aws/worker"));
    }

    @Test
    void rolePathsMayContainSlashes() {
        assertTrue(catalog.action("iam:PassRole").orElseThrow()
                .accepts("arn:aws:iam::123456789012:role/service/worker"));
    }

    @Test
    void coveredMeansEveryResourceOfTheType() {
        ResourceType object = type("s3:GetObject", "object");
        ResourceType bucket = type("s3:ListBucket", "bucket");
        ResourceType table = type("dynamodb:GetItem", "table");
        ResourceType secret = type("secretsmanager:GetSecretValue", "Secret");
        assertTrue(object.coveredBy("arn:aws:s3:::*"));
        assertTrue(object.coveredBy("arn:aws:s3:::*/*"));
        assertTrue(bucket.coveredBy("arn:aws:s3:::*"));
        assertTrue(table.coveredBy("arn:aws:dynamodb:*:*:table/*"));
        assertTrue(table.coveredBy("arn:aws:dynamodb:us-east-1:123456789012:table/*"));
        assertTrue(table.coveredBy("arn:*:*"));
        assertTrue(secret.coveredBy("arn:aws:secretsmanager:us-east-1:123456789012:secret:*"));
        assertFalse(object.coveredBy("arn:aws:s3:::uploads/*"));
        assertFalse(table.coveredBy("arn:aws:dynamodb:*:*:table/orders"));
        assertFalse(table.coveredBy("arn:aws:dynamodb:*:*:table/orders*"));
        assertFalse(secret.coveredBy("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*"));
    }

    @Test
    void globMatching() {
        assertTrue(Globs.matches("s3:Get*", "s3:GetObject"));
        assertTrue(Globs.matches("*", ""));
        assertTrue(Globs.matches("a?c*", "abcdef"));
        assertFalse(Globs.matches("a?c", "ac"));
        assertFalse(Globs.matches("s3:Get*", "s3:PutObject"));
    }
}
