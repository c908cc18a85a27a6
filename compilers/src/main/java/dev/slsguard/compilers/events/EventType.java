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
 * compiled resources and of event statements), how it invokes the function, and (found by name)
 * the compiler that compiles it when slsguard does, with the JSON Schema beside it. Facts carry
 * the order and invocation, so nothing else lists them.
 *
 * <p>Invocation follows AWS's documentation: Cognito, Alexa and the IoT fleet provisioning hook
 * wait for the function's answer (sync); IoT rules, EventBridge and CloudWatch deliver async.
 */
public enum EventType {
    SCHEDULE("schedule", ASYNC),
    S3("s3", ASYNC),
    HTTP("http", SYNC),
    WEBSOCKET("websocket", SYNC),
    SNS("sns", ASYNC),
    STREAM("stream", POLL),
    KAFKA("kafka", POLL),
    ACTIVE_MQ("activemq", POLL),
    RABBIT_MQ("rabbitmq", POLL),
    MSK("msk", POLL),
    ALB("alb", SYNC),
    ALEXA_SKILL("alexaSkill", SYNC),
    ALEXA_SMART_HOME("alexaSmartHome", SYNC),
    IOT("iot", ASYNC),
    IOT_FLEET_PROVISIONING("iotFleetProvisioning", SYNC),
    CLOUD_WATCH_EVENT("cloudwatchEvent", ASYNC),
    CLOUD_WATCH_LOG("cloudwatchLog", ASYNC),
    COGNITO_USER_POOL("cognitoUserPool", SYNC),
    EVENT_BRIDGE("eventBridge", ASYNC),
    SQS("sqs", POLL),
    CLOUD_FRONT("cloudFront", SYNC),
    HTTP_API("httpApi", SYNC);

    private final String key;
    private final Invocation invocation;
    private final Optional<Supplier<EventCompiler>> compiler;

    EventType(String key, Invocation invocation) {
        this.key = key;
        this.invocation = invocation;
        this.compiler = compilerClass(name());
    }

    /**
     * The compiler of a type is found by its name, so that adding one edits no list: the constant
     * {@code CLOUD_WATCH_EVENT} is compiled by {@code CloudWatchEventCompiler} in this package, when
     * that class exists (a public no-argument constructor).
     */
    private static Optional<Supplier<EventCompiler>> compilerClass(String constant) {
        StringBuilder name = new StringBuilder(EventType.class.getPackageName()).append('.');
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        name.append("Compiler");
        try {
            Class<? extends EventCompiler> type = Class.forName(name.toString(), false, EventType.class.getClassLoader())
                    .asSubclass(EventCompiler.class);
            java.lang.reflect.Constructor<? extends EventCompiler> constructor = type.getConstructor();
            return Optional.of(() -> {
                try {
                    return constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot create " + type.getName(), e);
                }
            });
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(name + " needs a public constructor without arguments", e);
        }
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
