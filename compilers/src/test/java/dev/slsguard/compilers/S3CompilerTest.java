package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.events.S3Compiler;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.CustomResourceFunction;
import dev.slsguard.engine.model.S3Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The s3 compiler and the custom-resource machinery against v3: the s3 parity cases compiled
 * without rules equal v3's template once the roles' derived statements are left out (the rules
 * module checks those), and the facts carry what the rules need.
 */
class S3CompilerTest {

    private static final String CUSTOM_ROLE = "IamRoleCustomResourcesLambdaExecution";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"09-s3-new-buckets", "10-s3-existing-buckets", "96-s3-buckets-vars"})
    void templateEqualsV3sWithoutDerivedStatements(String name) throws IOException {
        ParityTest.ParityCase c = ParityTest.load(name);
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml()));
        ObjectNode actual = TemplateMerger.merge(compilation.draft(), ParityTest.statements(compilation.facts()));
        ObjectNode expected = c.expected().deepCopy();
        JsonNode customRole = expected.at("/Resources/" + CUSTOM_ROLE + "/Properties/Policies/0/PolicyDocument");
        if (customRole instanceof ObjectNode document) {
            document.putArray("Statement");
        }
        assertEquals(ParityTest.normalized(expected), ParityTest.normalized(actual));
        ParityTest.assertSameKeyOrder(TemplateNormalizer.normalize(expected), TemplateNormalizer.normalize(actual), "");
    }

    @Test
    void existingBucketsGiveTypedFactsAndTheCustomResourceFunction() throws IOException {
        ParityTest.ParityCase c = ParityTest.load("10-s3-existing-buckets");
        List<Object> facts = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml())).facts();
        List<S3Event> events = facts.stream().filter(S3Event.class::isInstance).map(S3Event.class::cast).toList();
        assertEquals(4, events.size());
        assertTrue(events.stream().allMatch(S3Event::existing));
        assertEquals("ImporterCustomS31", events.get(0).resourceId());
        assertEquals(Optional.of("corp-data-lake-landing"), events.get(0).bucketName());
        assertEquals("s3:ObjectRemoved:Delete", events.get(1).event());
        assertEquals(Optional.empty(), events.get(3).bucketName(), "a Ref bucket has no literal name");
        List<CustomResourceFunction> custom = facts.stream().filter(CustomResourceFunction.class::isInstance)
                .map(CustomResourceFunction.class::cast).toList();
        assertEquals(1, custom.size());
        assertEquals(CustomResourceFunction.S3, custom.get(0).kind());
        assertEquals(Optional.of(CUSTOM_ROLE), custom.get(0).role());
        assertEquals("legacy-buckets-dev-custom-resource-existing-s3", custom.get(0).functionName());
        assertEquals(1, custom.get(0).compilerOrder());
        assertFalse(custom.get(0).frameworkLogs());
    }

    @Test
    void newBucketsNameTheirBucketPermissionAndDefinition() throws IOException {
        ParityTest.ParityCase c = ParityTest.load("09-s3-new-buckets");
        List<S3Event> events = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml())).facts()
                .stream().filter(S3Event.class::isInstance).map(S3Event.class::cast).toList();
        S3Event uploads = events.get(1);
        assertEquals(Optional.of("media-pipeline-uploads-123456789012"), uploads.bucketName());
        assertEquals(Optional.of("uploads"), uploads.definition());
        assertEquals("S3BucketUploads", uploads.resourceId());
        assertEquals(Optional.of("ThumbnailLambdaPermissionUploadsS3"), uploads.permissionId());
        assertEquals(43, uploads.bucketRef().line());
    }

    @Test
    void deploymentRoleReplacesTheCustomResourcesRole() {
        String yaml = """
                service: roles
                provider:
                  name: aws
                  runtime: nodejs18.x
                  iam:
                    deploymentRole: arn:aws:iam::123456789012:role/deployer
                  logs:
                    frameworkLambda: true
                functions:
                  f:
                    handler: handler.f
                    events:
                      - s3: {bucket: landing, existing: true}
                """;
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        ObjectNode template = TemplateMerger.merge(compilation.draft(), ParityTest.statements(compilation.facts()));
        JsonNode resources = template.get("Resources");
        assertFalse(resources.has(CUSTOM_ROLE));
        JsonNode function = resources.get("CustomDashresourceDashexistingDashs3LambdaFunction");
        assertEquals("arn:aws:iam::123456789012:role/deployer", function.at("/Properties/Role").asText());
        assertEquals("[\"CustomDashresourceDashexistingDashs3LogGroup\"]", function.get("DependsOn").toString());
        assertEquals("/aws/lambda/roles-dev-custom-resource-existing-s3",
                resources.at("/CustomDashresourceDashexistingDashs3LogGroup/Properties/LogGroupName").asText());
        CustomResourceFunction custom = compilation.facts().stream().filter(CustomResourceFunction.class::isInstance)
                .map(CustomResourceFunction.class::cast).findFirst().orElseThrow();
        assertEquals(Optional.empty(), custom.role());
    }

    @Test
    void eventsV3RefusesCompileToNothing() {
        String yaml = """
                service: refused
                provider:
                  name: aws
                functions:
                  f:
                    handler: handler.f
                    events:
                      - s3: {bucket: {Ref: Name}}
                      - s3: Not_A_Bucket
                      - s3: {bucket: one-bucket, existing: true}
                      - s3: {bucket: two-bucket, existing: true}
                """;
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        List<S3Event> events = compilation.facts().stream().filter(S3Event.class::isInstance)
                .map(S3Event.class::cast).toList();
        assertEquals(1, events.size());
        assertEquals(2, events.get(0).index());
        assertTrue(compilation.draft().resources().stream().noneMatch(r -> r.type().equals("AWS::S3::Bucket")
                && !r.logicalId().equals("ServerlessDeploymentBucket")));
    }

    @Test
    void bucketNameHoldingAnUnresolvedVariableIsCompiledAsWritten() {
        String yaml = """
                service: placeholders
                provider:
                  name: aws
                functions:
                  f:
                    handler: handler.f
                    events:
                      - s3: ${ssm:/media/bucket}
                """;
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        S3Event event = compilation.facts().stream().filter(S3Event.class::isInstance).map(S3Event.class::cast)
                .findFirst().orElseThrow();
        assertEquals(Optional.of("${ssm:/media/bucket}"), event.bucketName());
        assertTrue(compilation.draft().resources().stream().anyMatch(r -> r.logicalId().equals(event.resourceId())));
    }

    @Test
    void customResourceFunctionNamesAreShortenedLikeV3() {
        assertEquals("svc-dev-custom-resource-existing-s3",
                Naming.customResourceFunctionName("svc", "dev", "custom-resource-existing-s3"));
        assertEquals("a-very-long-service-name-for-thece799b78b2c6475d9d8547c7f40ede9f",
                Naming.customResourceFunctionName("a-very-long-service-name-for-the-custom-resource",
                        "production-eu", "custom-resource-existing-s3"));
        assertEquals("CustomDashresourceDashexistingDashs3LambdaFunction",
                Naming.customResourceFunctionLogicalId("custom-resource-existing-s3"));
    }

    @Test
    void bucketNamesFollowV3sPattern() {
        assertTrue(S3Event.validBucketName("media-pipeline.raw-1"));
        assertFalse(S3Event.validBucketName("My_Invalid_Bucket"));
        assertFalse(S3Event.validBucketName("192.168.1.10"));
        assertFalse(S3Event.validBucketName("trailing-"));
        assertFalse(S3Event.validBucketName("bucket\n"));
    }

    @Test
    void startCaseLikeLodash() {
        assertEquals("Prefix", S3Compiler.startCase("prefix"));
        assertEquals("Foo Bar", S3Compiler.startCase("fooBar"));
        assertEquals("Foo Bar", S3Compiler.startCase("foo_bar"));
    }
}
