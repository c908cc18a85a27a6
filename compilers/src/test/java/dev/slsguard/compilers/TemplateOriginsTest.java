package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.engine.model.MergedTemplate;
import dev.slsguard.engine.model.SourceRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source map the compilers leave with the template ({@link MergedTemplate#origins()}): each
 * property of the core resources at the setting that determines it, generated names at what they
 * are generated from, events' resources at their event, statements at their own line.
 */
class TemplateOriginsTest {

    private static final String SERVICE = """
            service: shop-with-a-rather-long-service-name
            provider:
              name: aws
              runtime: nodejs20.x
              memorySize: 512
              logRetentionInDays: 14
              environment:
                STAGE: dev
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: arn:aws:s3:::shop-assets/*
            functions:
              worker:
                handler: h.worker
                memorySize: 1536MB
                environment:
                  TABLE: orders
                events:
                  - sqs: arn:aws:sqs:us-east-1:123456789012:orders
                  - sqs:
                      arn: arn:aws:sqs:us-east-1:123456789012:jobs
                      batchSize: 7
              reporter:
                handler: h.reporter
                name: shop-reporter
            """;

    @TempDir
    Path dir;

    private MergedTemplate template() {
        return new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, SERVICE)).facts().stream()
                .filter(MergedTemplate.class::isInstance).map(MergedTemplate.class::cast).findFirst().orElseThrow();
    }

    /** The line that contains {@code text} ({@code "- sqs:\n"}: the line that ends with it). */
    private static int line(String text) {
        List<String> lines = SERVICE.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (text.endsWith("\n") ? lines.get(i).endsWith(text.strip()) : lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + text);
    }

    private static int lineOf(MergedTemplate template, String pointer) {
        SourceRef ref = template.origins().locatePointer(pointer);
        assertEquals("serverless.yml", ref.file());
        return ref.line();
    }

    @Test
    void functionPropertiesPointAtTheirSettings() {
        MergedTemplate template = template();
        assertEquals(line("memorySize: 1536MB"), lineOf(template, "/Resources/WorkerLambdaFunction/Properties/MemorySize"));
        assertEquals(line("memorySize: 512"), lineOf(template, "/Resources/ReporterLambdaFunction/Properties/MemorySize"),
                "inherited from the provider");
        assertEquals(line("runtime: nodejs20.x"), lineOf(template, "/Resources/WorkerLambdaFunction/Properties/Runtime"));
        assertEquals(line("TABLE: orders"),
                lineOf(template, "/Resources/WorkerLambdaFunction/Properties/Environment/Variables/TABLE"));
        assertEquals(line("STAGE: dev"),
                lineOf(template, "/Resources/WorkerLambdaFunction/Properties/Environment/Variables/STAGE"));
        assertEquals(line("handler: h.worker"), lineOf(template, "/Resources/WorkerLambdaFunction/Properties/Handler"));
        assertEquals(line("worker:"), lineOf(template, "/Resources/WorkerLambdaFunction/Properties/Code/S3Key"),
                "no setting of its own: the function");
    }

    @Test
    void generatedNamesPointAtWhatTheyAreGeneratedFrom() {
        MergedTemplate template = template();
        assertEquals(line("worker:"), lineOf(template, "/Resources/WorkerLambdaFunction/Properties/FunctionName"));
        assertEquals(line("name: shop-reporter"),
                lineOf(template, "/Resources/ReporterLambdaFunction/Properties/FunctionName"));
        assertEquals(line("worker:"), lineOf(template, "/Resources/WorkerLogGroup/Properties/LogGroupName"));
        assertEquals(line("name: shop-reporter"), lineOf(template, "/Resources/ReporterLogGroup/Properties/LogGroupName"));
        assertEquals(line("logRetentionInDays: 14"), lineOf(template, "/Resources/WorkerLogGroup/Properties/RetentionInDays"));
        assertEquals(line("service: shop"),
                lineOf(template, "/Resources/IamRoleLambdaExecution/Properties/RoleName/Fn::Join/1/0"));
    }

    @Test
    void eventResourcesAndStatementsPointAtTheirOwnLines() {
        MergedTemplate template = template();
        assertEquals(line("- sqs: arn"),
                lineOf(template, "/Resources/WorkerEventSourceMappingSQSOrders/Properties/EventSourceArn"));
        // a value the compiler copied from the event: at its own line
        assertEquals(line("batchSize: 7"),
                lineOf(template, "/Resources/WorkerEventSourceMappingSQSJobs/Properties/BatchSize"));
        assertEquals(line("arn: arn:aws:sqs:us-east-1:123456789012:jobs"),
                lineOf(template, "/Resources/WorkerEventSourceMappingSQSJobs/Properties/EventSourceArn"));
        assertEquals(line("- sqs:\n"), lineOf(template, "/Resources/WorkerEventSourceMappingSQSJobs/Properties/Enabled"),
                "a value not written (v3's default): the event");
        // the core logs statements (0, 1) at the service, the declared one (2) at its own item, its values at theirs
        assertEquals(line("- Effect: Allow"), lineOf(template,
                "/Resources/IamRoleLambdaExecution/Properties/Policies/0/PolicyDocument/Statement/2"));
        assertEquals(line("Resource: arn:aws:s3:::shop-assets/*"), lineOf(template,
                "/Resources/IamRoleLambdaExecution/Properties/Policies/0/PolicyDocument/Statement/2/Resource"));
        assertEquals(line("service: shop"), lineOf(template,
                "/Resources/IamRoleLambdaExecution/Properties/Policies/0/PolicyDocument/Statement/0"));
    }
}
