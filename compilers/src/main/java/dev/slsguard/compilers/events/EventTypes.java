package dev.slsguard.compilers.events;

import java.util.List;

/**
 * The event keys Serverless Framework v3 knows, in its plugin registration order
 * ({@code lib/plugins/index.js}). That order decides the order of compiled resources and of the
 * statements event compilers append to the execution role; it is the {@code compilerOrder} of
 * {@link dev.slsguard.engine.model.StatementOrder#event}.
 */
public final class EventTypes {

    /** Every event key v3 compiles, in plugin order. */
    public static final List<String> KNOWN = List.of(
            "schedule", "s3", "http", "websocket", "sns", "stream", "kafka", "activemq", "rabbitmq", "msk",
            "alb", "alexaSkill", "alexaSmartHome", "iot", "iotFleetProvisioning", "cloudwatchEvent",
            "cloudwatchLog", "cognitoUserPool", "eventBridge", "sqs", "cloudFront", "httpApi");

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }

    /** The plugin order of a known event key. */
    public static int pluginOrder(String type) {
        int order = KNOWN.indexOf(type);
        if (order < 0) {
            throw new IllegalArgumentException("not a v3 event type: " + type);
        }
        return order;
    }
}
