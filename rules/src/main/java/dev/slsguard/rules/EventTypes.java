package dev.slsguard.rules;

import java.util.List;

/** The event types Serverless Framework v3 knows, and the markers for malformed events items. */
public final class EventTypes {

    /** v3's event keys, in its plugin registration order. */
    public static final List<String> KNOWN = List.of("schedule", "s3", "http", "websocket", "sns", "stream",
            "kafka", "activemq", "rabbitmq", "msk", "alb", "alexaSkill", "alexaSmartHome", "iot",
            "iotFleetProvisioning", "cloudwatchEvent", "cloudwatchLog", "cognitoUserPool", "eventBridge", "sqs",
            "cloudFront", "httpApi");

    /**
     * {@code EventDecl.type} of an events item that is not a one-key mapping: the item's kind
     * ({@code string}, {@code object} for a mapping with no or several keys ...).
     */
    public static final List<String> MALFORMED = List.of("string", "integer", "number", "boolean", "null",
            "array", "object");

    private EventTypes() {
    }

    /** True when {@code type} marks an events item that is not a one-key mapping. */
    public static boolean malformed(String type) {
        return MALFORMED.contains(type);
    }

    /** {@code " (did you mean sqs?)"} for a misspelt event key, or nothing. */
    public static String hint(String type) {
        return Spelling.hint(type, KNOWN);
    }
}
