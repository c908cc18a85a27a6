package dev.slsguard.compilers;

import static dev.slsguard.engine.model.Invocation.NONE;
import static dev.slsguard.engine.model.Invocation.POLL;
import static dev.slsguard.engine.model.Invocation.SYNC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.HttpEvent;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SqsEvent;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.model.StreamEvent;
import dev.slsguard.engine.model.UnsupportedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts the bind and compile stages hand to the rules. */
class FactsTest {

    private static final String SERVICE = """
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: arn:aws:s3:::shop-assets/*
            functions:
              worker:
                handler: h.worker
                timeout: '30'
                events:
                  - sqs: arn:aws:sqs:us-east-1:123456789012:orders
                  - sqs:
                      batchSize: 5
                  - sqs:
                      arn:
                        Ref: QueueArnParameter
                  - http: GET /orders
                  - sqsQueue: arn:aws:sqs:us-east-1:123456789012:typo
                  - alexaSkill
                  - sqs: arn:aws:sqs:us-east-1:123456789012:x
                    batchSize: 5
              reader:
                handler: h.reader
                name: custom-reader
                events:
                  - stream:
                      type: dynamodb
                      arn:
                        Fn::GetAtt: [Table, StreamArn]
                      destinations:
                        onFailure: arn:aws:sqs:us-east-1:123456789012:dlq
                  - stream:
                      arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                      consumer: true
                      startingPosition: AT_TIMESTAMP
                  - stream:
                      type: kinesis
                      arn:
                        Fn::GetAtt: [Stream, Arn]
                  - stream:
                      arn:
                        Fn::GetAtt: [Untyped, Arn]
            resources:
              Resources:
                Table:
                  Type: AWS::DynamoDB::Table
                WorkerEventSourceMappingSQSOrders:
                  Properties:
                    BatchSize: 7
            """;

    @TempDir
    Path dir;

    private List<Object> facts() {
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, SERVICE));
        return compilation.facts();
    }

    private static <T> List<T> all(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static int line(String text) {
        String[] lines = SERVICE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text);
    }

    @Test
    void serviceAndFunctions() {
        List<Object> facts = facts();
        Service service = (Service) facts.get(0);
        assertEquals("shop", service.name());
        assertEquals("dev", service.stage());
        assertEquals("us-east-1", service.region());
        assertEquals("warn", service.configValidationMode());
        assertTrue(service.executionRole());
        assertEquals(1, service.ref().line());

        List<Function> functions = all(facts, Function.class);
        assertEquals(List.of("worker", "reader"), functions.stream().map(Function::key).toList());
        Function worker = functions.get(0);
        assertEquals("shop-dev-worker", worker.name());
        assertEquals("WorkerLambdaFunction", worker.logicalId());
        assertEquals(Optional.of("nodejs20.x"), worker.runtime());
        assertEquals(30, worker.timeout(), "'30' is coerced like v3's schema validation does");
        assertEquals(1024, worker.memorySize());
        assertEquals(line("worker:"), worker.ref().line());
        assertEquals("custom-reader", functions.get(1).name());
        assertEquals(1, functions.get(1).index());
    }

    @Test
    void everyEventItemIsDeclaredAndUncompiledOnesAreReported() {
        List<Object> facts = facts();
        List<EventDecl> declarations = all(facts, EventDecl.class);
        assertEquals(List.of("sqs", "sqs", "sqs", "http", "sqsQueue", "string", "object", "stream", "stream", "stream",
                "stream"), declarations.stream().map(EventDecl::type).toList());
        assertEquals(List.of(true, true, true, true, false, false, false, true, true, true, true),
                declarations.stream().map(EventDecl::compiled).toList());
        assertEquals(line("sqs: arn:aws:sqs:us-east-1:123456789012:orders"), declarations.get(0).ref().line());
        assertEquals(List.of(19, 19, 19, 2, -1, -1, -1, 5, 5, 5, 5),
                declarations.stream().map(EventDecl::pluginOrder).toList(), "unknown and malformed items: -1");
        assertEquals(List.of(POLL, POLL, POLL, SYNC, NONE, NONE, NONE, POLL, POLL, POLL, POLL),
                declarations.stream().map(EventDecl::invocation).toList());

        List<UnsupportedEvent> unsupported = all(facts, UnsupportedEvent.class);
        assertEquals(List.of("sqsQueue", "alexaSkill", "object"),
                unsupported.stream().map(UnsupportedEvent::type).toList());
        assertEquals(List.of(false, true, false), unsupported.stream().map(UnsupportedEvent::known).toList());
        assertEquals(List.of(Optional.of("sqs"), Optional.empty(), Optional.empty()),
                unsupported.stream().map(UnsupportedEvent::suggestion).toList());
        assertEquals(List.of(4, 5, 6), unsupported.stream().map(UnsupportedEvent::index).toList());
    }

    @Test
    void malformedEventsAreDeclaredButNotCompiled() {
        List<Object> facts = facts();
        List<SqsEvent> sqs = all(facts, SqsEvent.class);
        assertEquals(1, sqs.size(), "missing arn and a Ref arn (v3 fails on both) are not compiled");
        SqsEvent orders = sqs.get(0);
        assertEquals("orders", orders.queueName());
        assertEquals("WorkerEventSourceMappingSQSOrders", orders.mappingId());
        assertEquals(new CfnValue.Literal("arn:aws:sqs:us-east-1:123456789012:orders"), orders.arn());
        assertEquals(0, orders.index());
    }

    @Test
    void streamEventsAndEventSources() {
        List<Object> facts = facts();
        List<StreamEvent> streams = all(facts, StreamEvent.class);
        assertEquals(List.of("dynamodb", "kinesis", "kinesis"), streams.stream().map(StreamEvent::streamType).toList(),
                "an intrinsic ARN without type is not compiled (v3 fails on it)");
        StreamEvent table = streams.get(0);
        assertEquals("Table", table.streamName());
        assertEquals(new CfnValue.GetAtt("Table", "StreamArn"), table.arn());
        assertEquals(Optional.of("sqs"), table.onFailureType());
        StreamEvent clicks = streams.get(1);
        assertTrue(clicks.usesConsumer());
        assertEquals(Optional.of("ReaderclicksConsumerStreamConsumer"), clicks.consumerId());
        assertEquals(Optional.of("AT_TIMESTAMP"), clicks.startingPosition().text());
        assertEquals(40, clicks.startingPosition().ref().line());
        assertFalse(clicks.hasStartingPositionTimestamp());
        assertFalse(streams.get(2).consumerSet());
        assertEquals(Optional.empty(), streams.get(2).consumerArn());

        List<EventSource> sources = all(facts, EventSource.class);
        List<String> kinds = new ArrayList<>();
        sources.forEach(s -> kinds.add(s.eventType() + ":" + s.kind() + "@" + s.functionIndex() + "/" + s.eventIndex()));
        assertEquals(List.of("stream:dynamodb-stream@1/0", "stream:on-failure-sqs@1/0",
                "stream:kinesis-consumer-stream@1/1", "stream:kinesis-consumer@1/1",
                "stream:kinesis-stream@1/2", "sqs:sqs-queue@0/0"), kinds,
                "v3's plugin order: stream before sqs");
        assertEquals(new CfnValue.Ref("ReaderclicksConsumerStreamConsumer"), sources.get(3).arn());
        assertEquals(line("onFailure: arn:aws:sqs"), sources.get(1).ref().line());
    }

    @Test
    void resourcesAsTheTemplateWillHoldThem() {
        List<Resource> resources = all(facts(), Resource.class);
        List<String> ids = resources.stream().map(Resource::logicalId).toList();
        assertEquals(List.of("ServerlessDeploymentBucket", "ServerlessDeploymentBucketPolicy", "WorkerLogGroup",
                "ReaderLogGroup", "IamRoleLambdaExecution", "WorkerLambdaFunction", "ReaderLambdaFunction"),
                ids.subList(0, 7));
        Resource mapping = resources.stream().filter(r -> r.logicalId().equals("WorkerEventSourceMappingSQSOrders"))
                .findFirst().orElseThrow();
        assertEquals(7, mapping.definition().at("/Properties/BatchSize").asInt(), "the user's override is merged");
        assertEquals(Optional.of("worker"), mapping.function());
        Resource table = resources.get(resources.size() - 1);
        assertEquals("Table", table.logicalId());
        assertEquals("AWS::DynamoDB::Table", table.type());
        assertEquals(line("Table:"), table.origin().line());
        assertEquals(Optional.empty(), table.function());
    }

    @Test
    void coreAndDeclaredStatements() {
        List<IamStatement> statements = all(facts(), IamStatement.class);
        assertEquals(3, statements.size());
        assertEquals(List.of(StatementOrder.core(0), StatementOrder.core(1), StatementOrder.declared(0)),
                statements.stream().map(IamStatement::orderKey).toList());
        IamStatement declared = statements.get(2);
        assertEquals(IamStatement.DECLARED, declared.origin());
        assertEquals("provider.iam.role.statements", declared.source());
        assertEquals(List.of("s3:GetObject"), declared.actions());
        assertEquals(List.of(new CfnValue.Literal("arn:aws:s3:::shop-assets/*")), declared.resources());
        assertEquals("[\"s3:GetObject\"]", declared.document().get("Action").toString(),
                "v3's schema validation turns a single action into a list");
        assertEquals(line("- Effect: Allow"), declared.ref().line());
        assertEquals("IamRoleLambdaExecution", declared.role());
        assertEquals(IamStatement.CORE, statements.get(0).origin());
        assertEquals(List.of("logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"),
                statements.get(0).actions());
    }

    @Test
    void factsComeInADocumentedOrder() {
        List<String> order = new ArrayList<>();
        for (Object fact : facts()) {
            String name = fact instanceof StreamEvent || fact instanceof SqsEvent || fact instanceof EventSource
                    || fact instanceof HttpEvent
                    ? "events in compile order" : fact.getClass().getSimpleName();
            if (order.isEmpty() || !order.get(order.size() - 1).equals(name)) {
                order.add(name);
            }
        }
        assertEquals(List.of("Service", "Function", "EventDecl", "UnsupportedEvent", "events in compile order",
                "Refusal", "Resource", "MergedTemplate", "IamStatement"), order);
    }

    @Test
    void refusalsOfEventsV3CannotPackage() {
        List<Refusal> refusals = all(facts(), Refusal.class);
        assertEquals(1, refusals.size(), "the sqs event without arn is malformed, not refused: " + refusals);
        Refusal refusal = refusals.get(0);
        assertEquals(Refusal.V3_INTRINSIC_ARN, refusal.code());
        assertEquals("worker", refusal.function());
        assertEquals(2, refusal.index());
        assertEquals("sqs", refusal.type());
        assertEquals(line("Ref: QueueArnParameter") - 1, refusal.where().line(), "at the arn key");
        assertTrue(refusal.detail().startsWith("sqs arn given as Ref makes Serverless Framework v3 fail"),
                refusal.detail());
    }
}
