package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.compilers.events.EventType;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.UnsupportedEvent;
import dev.slsguard.engine.schema.SchemaStage;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.YamlLoader;
import dev.slsguard.engine.vars.ResolvedDocument;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.engine.vars.VariableResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type Serverless Framework v3.40.0 registers for AWS compiles: a minimal valid event
 * of each passes the type's schema and compiles to resources, and none is left "not analysed
 * yet" (no {@code UnsupportedEvent}, {@code EventDecl.compiled}).
 */
class EveryEventTypeCompilesTest {

    /**
     * v3's event compilers in registration order ({@code lib/plugins/index.js}: schedule.js,
     * s3/index.js, api-gateway/index.js, websockets/index.js, sns.js, stream.js, kafka.js,
     * activemq.js, rabbitmq.js, msk/index.js, alb/index.js, alexa-skill.js, alexa-smart-home.js,
     * iot.js, iot-fleet-provisioning.js, cloud-watch-event.js, cloud-watch-log.js,
     * cognito-user-pool.js, event-bridge/index.js, sqs.js, cloud-front.js, http-api), by the
     * event key each defines.
     */
    private static final List<String> V3_EVENT_TYPES = List.of("schedule", "s3", "http", "websocket", "sns", "stream",
            "kafka", "activemq", "rabbitmq", "msk", "alb", "alexaSkill", "alexaSmartHome", "iot",
            "iotFleetProvisioning", "cloudwatchEvent", "cloudwatchLog", "cognitoUserPool", "eventBridge", "sqs",
            "cloudFront", "httpApi");

    /** A minimal valid event of each type: the value under its key. */
    private static final Map<EventType, String> MINIMAL = Map.ofEntries(
            Map.entry(EventType.SCHEDULE, "rate(1 hour)"),
            Map.entry(EventType.S3, "photos-bucket"),
            Map.entry(EventType.HTTP, "GET /hello"),
            Map.entry(EventType.WEBSOCKET, "{route: $default}"),
            Map.entry(EventType.SNS, "alerts"),
            Map.entry(EventType.STREAM, "arn:aws:kinesis:us-east-1:123456789012:stream/events"),
            Map.entry(EventType.KAFKA, "{topic: orders, bootstrapServers: ['b-1.example.com:9092'],"
                    + " accessConfigurations: {saslScram512Auth:"
                    + " 'arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka'}}"),
            Map.entry(EventType.ACTIVE_MQ, "{arn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1', queue: orders,"
                    + " basicAuthArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq'}"),
            Map.entry(EventType.RABBIT_MQ, "{arn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-2', queue: orders,"
                    + " basicAuthArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq'}"),
            Map.entry(EventType.MSK, "{arn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/1', topic: orders}"),
            Map.entry(EventType.ALB, "{listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:"
                    + "listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2', priority: 1, conditions: {path: /hello}}"),
            Map.entry(EventType.ALEXA_SKILL, "amzn1.ask.skill.1"),
            Map.entry(EventType.ALEXA_SMART_HOME, "amzn1.ask.skill.2"),
            Map.entry(EventType.IOT, "{sql: \"SELECT * FROM 'devices/+/telemetry'\"}"),
            Map.entry(EventType.IOT_FLEET_PROVISIONING, "{templateBody: {Resources: {}},"
                    + " provisioningRoleArn: 'arn:aws:iam::123456789012:role/provisioning'}"),
            Map.entry(EventType.CLOUD_WATCH_EVENT, "{event: {source: [aws.ec2]}}"),
            Map.entry(EventType.CLOUD_WATCH_LOG, "/aws/lambda/other"),
            Map.entry(EventType.COGNITO_USER_POOL, "{pool: Members, trigger: PreSignUp}"),
            Map.entry(EventType.EVENT_BRIDGE, "{pattern: {source: [aws.ec2]}}"),
            Map.entry(EventType.SQS, "arn:aws:sqs:us-east-1:123456789012:orders"),
            Map.entry(EventType.CLOUD_FRONT, "{eventType: viewer-request, origin: 's3://assets.s3.amazonaws.com'}"),
            Map.entry(EventType.HTTP_API, "GET /hello"));

    @TempDir
    Path dir;

    @Test
    void theRegistryNamesV3sEventTypesInItsOrder() {
        assertEquals(V3_EVENT_TYPES, EventType.keys());
        assertEquals(EnumSet.allOf(EventType.class), EnumSet.copyOf(MINIMAL.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void aMinimalEventCompiles(EventType type) throws IOException {
        assertTrue(type.compiled(), type.key() + " has no compiler: it would be reported as not analysed yet");
        ResolvedDocument checked = checked(service("- " + type.key() + ": " + MINIMAL.get(type)), type);
        Compilation compilation = new ServerlessCompiler().compile(checked);
        List<Object> facts = compilation.facts();
        EventDecl decl = facts.stream().filter(EventDecl.class::isInstance).map(EventDecl.class::cast).findFirst()
                .orElseThrow();
        assertEquals(type.key(), decl.type());
        assertTrue(decl.compiled(), type.key() + " is compiled");
        assertEquals(List.of(), facts.stream().filter(f -> f instanceof UnsupportedEvent || f instanceof Refusal)
                .toList(), type.key() + ": nothing left uncompiled or refused");

        Compilation withoutEvent = new ServerlessCompiler().compile(checked(service(""), type));
        Set<String> before = ids(withoutEvent);
        List<String> added = ids(compilation).stream().filter(id -> !before.contains(id)).toList();
        assertTrue(!added.isEmpty(), type.key() + " adds resources to the template");
    }

    /** The service loaded, resolved and schema-checked; a minimal event breaks no schema. */
    private ResolvedDocument checked(String yaml, EventType type) throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, yaml);
        SourceDocument document = YamlLoader.load(file, "serverless.yml", Limits.DEFAULT);
        ResolvedDocument resolved = VariableResolver.resolve(document, VariableOptions.none(), Limits.DEFAULT);
        SchemaStage.Result result = SchemaStage.check(resolved, new ServerlessCompiler().schemas());
        assertEquals(List.of(), result.violations().stream().map(v -> v.path() + ": " + v.message()).toList(),
                type.key() + ": the minimal event is valid");
        return result.document();
    }

    private static String service(String event) {
        return """
                service: every-type
                configValidationMode: error
                provider:
                  name: aws
                  runtime: nodejs20.x
                  region: us-east-1
                functions:
                  handler:
                    handler: handler.handle
                """ + (event.isEmpty() ? "" : "    events:\n      " + event + "\n");
    }

    private static Set<String> ids(Compilation compilation) {
        return compilation.facts().stream().filter(Resource.class::isInstance).map(r -> ((Resource) r).logicalId())
                .collect(java.util.stream.Collectors.toSet());
    }
}
