package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SqsEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeCasesTest {

    @TempDir
    Path dir;

    private Compilation compile(String yaml) {
        return new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void serviceWithoutFunctionsHasOnlyTheCoreTemplate() {
        Compilation compilation = compile("service: empty\nprovider:\n  name: aws\n");
        Service service = (Service) compilation.facts().get(0);
        assertFalse(service.executionRole());
        assertEquals(0, compilation.facts().stream().filter(IamStatement.class::isInstance).count());
        ObjectNode template = TemplateMerger.merge(compilation.draft(), List.of());
        assertEquals(List.of("ServerlessDeploymentBucket", "ServerlessDeploymentBucketPolicy"),
                keys(template.get("Resources")));
        assertEquals("sls-empty-dev-ServerlessDeploymentBucketName",
                template.at("/Outputs/ServerlessDeploymentBucketName/Export/Name").asText());
    }

    @Test
    void missingServiceNameIsAUserError() {
        UserError error = assertThrows(UserError.class, () -> compile("provider:\n  name: aws\n"));
        assertEquals("serverless.yml", error.location().file());
    }

    @Test
    void twoEventsOnOneQueueMergeIntoOneMappingLikeV3() {
        Compilation compilation = compile("""
                service: dup
                functions:
                  worker:
                    handler: h.h
                    events:
                      - sqs:
                          arn: arn:aws:sqs:us-east-1:1:jobs
                          batchSize: 5
                          functionResponseType: ReportBatchItemFailures
                      - sqs: arn:aws:sqs:us-east-1:1:jobs
                """);
        assertEquals(2, compilation.facts().stream().filter(SqsEvent.class::isInstance).count());
        assertEquals(2, compilation.facts().stream().filter(EventSource.class::isInstance).count(),
                "v3 grants the queue once per event");
        ObjectNode template = TemplateMerger.merge(compilation.draft(), List.of());
        JsonNode mapping = template.at("/Resources/WorkerEventSourceMappingSQSJobs/Properties");
        assertEquals(10, mapping.get("BatchSize").asInt(), "the later event's values win");
        assertEquals("ReportBatchItemFailures", mapping.at("/FunctionResponseTypes/0").asText(),
                "what only the earlier event set survives the merge");
    }

    @Test
    void everyFunctionWithItsOwnRoleMeansNoExecutionRole() {
        Compilation compilation = compile("""
                service: roles
                provider:
                  iam:
                    role:
                      statements:
                        - {Effect: Allow, Action: ['s3:*'], Resource: '*'}
                functions:
                  a:
                    handler: h.a
                    role: RoleA
                    events:
                      - sqs: arn:aws:sqs:us-east-1:1:a
                  b:
                    handler: h.b
                    role:
                      Fn::GetAtt: [RoleB, Arn]
                """);
        assertFalse(((Service) compilation.facts().get(0)).executionRole());
        assertEquals(0, compilation.facts().stream().filter(IamStatement.class::isInstance).count(),
                "declared statements have no role to go to");
        ObjectNode template = TemplateMerger.merge(compilation.draft(), List.of());
        assertFalse(template.get("Resources").has("IamRoleLambdaExecution"));
        assertEquals("[\"ALogGroup\",\"RoleA\"]", template.at("/Resources/ALambdaFunction/DependsOn").toString());
        assertEquals("[\"BLogGroup\",\"RoleB\"]", template.at("/Resources/BLambdaFunction/DependsOn").toString());
        assertEquals("[\"RoleA\"]", template.at("/Resources/AEventSourceMappingSQSA/DependsOn").toString());
    }

    @Test
    void compilesDeterministically() {
        String yaml = """
                service: same
                functions:
                  a:
                    handler: h.a
                    provisionedConcurrency: 1
                    events:
                      - stream:
                          arn: arn:aws:kinesis:us-east-1:1:stream/s
                          consumer: true
                """;
        String first = TemplateMerger.merge(compile(yaml).draft(), List.of()).toString();
        String second = TemplateMerger.merge(compile(yaml).draft(), List.of()).toString();
        assertEquals(first, second);
        assertFalse(first.matches(".*\\d{13}.*"), "no timestamp in artifact keys");
    }
}
