package dev.slsguard.rules;

import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.text.Spelling;
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

    /** What is wrong with an events item that is not a one-key mapping, and how to write it. */
    public static String malformedMessage(Node item) {
        String base = "an events item must be a mapping from one event type to its settings";
        if (item instanceof MapNode map) {
            if (map.size() == 0) {
                return base + "; this item is an empty mapping";
            }
            return base + "; this item has " + map.size() + " keys (" + String.join(", ", map.keys())
                    + "): indent the options under the event type";
        }
        if (Options.isString(item)) {
            String text = Options.string(item).orElse("");
            if (KNOWN.contains(text)) {
                return base + "; this item is only the word " + text + ": write '- " + text + ": <settings>'";
            }
            return base + ", like '- sqs: <queue ARN>'; this item is the string " + Options.show(item);
        }
        return base + ", like '- sqs: <queue ARN>'; this item is " + Options.show(item);
    }
}
