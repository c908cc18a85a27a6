package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.Setting;
import java.util.List;

/** Events items that are not a one-key mapping: how {@code EventDecl} marks them and what to tell the user. */
public final class EventItems {

    /**
     * {@code EventDecl.type} of an events item that is not a one-key mapping: the item's kind
     * ({@code string}, {@code object} for a mapping with no or several keys ...).
     */
    public static final List<String> MALFORMED = List.of("string", "integer", "number", "boolean", "null",
            "array", "object");

    private EventItems() {
    }

    /** True when {@code type} marks an events item that is not a one-key mapping. */
    public static boolean malformed(String type) {
        return MALFORMED.contains(type);
    }

    /**
     * What is wrong with an events item that is not a one-key mapping, and how to write it.
     *
     * @param knownWord the item is a string naming a v3 event type ({@code UnsupportedEvent.known})
     */
    public static String malformedMessage(Setting item, boolean knownWord) {
        String base = "an events item must be a mapping from one event type to its settings";
        if (item.isMap()) {
            if (item.size() == 0) {
                return base + "; this item is an empty mapping";
            }
            return base + "; this item has " + item.size() + " keys (" + String.join(", ", item.keys())
                    + "): indent the options under the event type";
        }
        if (item.isText()) {
            String text = item.textOr("");
            if (knownWord) {
                return base + "; this item is only the word " + text + ": write '- " + text + ": <settings>'";
            }
            return base + ", like '- sqs: <queue ARN>'; this item is the string " + item.shown();
        }
        return base + ", like '- sqs: <queue ARN>'; this item is " + item.shown();
    }
}
