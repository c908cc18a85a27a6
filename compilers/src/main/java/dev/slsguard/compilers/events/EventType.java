package dev.slsguard.compilers.events;

import static dev.slsguard.engine.model.Invocation.ASYNC;
import static dev.slsguard.engine.model.Invocation.POLL;
import static dev.slsguard.engine.model.Invocation.SYNC;

import dev.slsguard.engine.model.Invocation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one registry of Serverless Framework v3's event types: each key in v3's plugin registration
 * order ({@code lib/plugins/index.js}; the ordinal is that order, which decides the order of
 * compiled resources and of event statements), how it invokes the function, and the compiler that
 * compiles it when slsguard does. Facts carry the order and invocation, so nothing else lists them.
 *
 * <p>Invocation follows AWS's documentation: Cognito, Alexa and the IoT fleet provisioning hook
 * wait for the function's answer (sync); IoT rules, EventBridge and CloudWatch deliver async.
 */
public enum EventType {
    SCHEDULE("schedule", ASYNC, ScheduleCompiler::new),
    S3("s3", ASYNC, S3Compiler::new),
    HTTP("http", SYNC, HttpCompiler::new),
    WEBSOCKET("websocket", SYNC),
    SNS("sns", ASYNC, SnsCompiler::new),
    STREAM("stream", POLL, StreamCompiler::new),
    KAFKA("kafka", POLL),
    ACTIVEMQ("activemq", POLL),
    RABBITMQ("rabbitmq", POLL),
    MSK("msk", POLL),
    ALB("alb", SYNC),
    ALEXA_SKILL("alexaSkill", SYNC),
    ALEXA_SMART_HOME("alexaSmartHome", SYNC),
    IOT("iot", ASYNC),
    IOT_FLEET_PROVISIONING("iotFleetProvisioning", SYNC),
    CLOUDWATCH_EVENT("cloudwatchEvent", ASYNC, CloudWatchEventCompiler::new),
    CLOUDWATCH_LOG("cloudwatchLog", ASYNC, CloudWatchLogCompiler::new),
    COGNITO_USER_POOL("cognitoUserPool", SYNC),
    EVENT_BRIDGE("eventBridge", ASYNC),
    SQS("sqs", POLL, SqsCompiler::new),
    CLOUD_FRONT("cloudFront", SYNC),
    HTTP_API("httpApi", SYNC, HttpApiCompiler::new);

    private final String key;
    private final Invocation invocation;
    private final Optional<Supplier<EventCompiler>> compiler;

    EventType(String key, Invocation invocation) {
        this.key = key;
        this.invocation = invocation;
        this.compiler = Optional.empty();
    }

    EventType(String key, Invocation invocation, Supplier<EventCompiler> compiler) {
        this.key = key;
        this.invocation = invocation;
        this.compiler = Optional.of(compiler);
    }

    /** The key under an events item ({@code sqs}, {@code httpApi} ...). */
    public String key() {
        return key;
    }

    /** v3's plugin registration order (schedule 0 ... httpApi 21). */
    public int pluginOrder() {
        return ordinal();
    }

    /** How an event of this type invokes the function. */
    public Invocation invocation() {
        return invocation;
    }

    /** Whether slsguard compiles this type yet. */
    public boolean compiled() {
        return compiler.isPresent();
    }

    /** A new compiler for this type, when slsguard compiles it. */
    public Optional<EventCompiler> newCompiler() {
        return compiler.map(Supplier::get);
    }

    /**
     * The class-path resource of this type's JSON Schema, {@code <key>.schema.json} beside the
     * compilers, when there is one.
     */
    public Optional<String> schema() {
        String resource = "dev/slsguard/compilers/events/" + key + ".schema.json";
        return EventType.class.getClassLoader().getResource(resource) != null ? Optional.of(resource)
                : Optional.empty();
    }

    /** The type of an event key, when v3 knows it. */
    public static Optional<EventType> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /** Every key, in plugin order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(EventType::key).toList();
    }

    /** A compiler for every type slsguard compiles, in plugin order. */
    public static List<EventCompiler> compilers() {
        return Arrays.stream(values()).flatMap(t -> t.newCompiler().stream()).toList();
    }
}
