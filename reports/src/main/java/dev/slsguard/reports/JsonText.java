package dev.slsguard.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.json.JsJson;

/**
 * Writes a JSON tree the way {@code JSON.stringify(value, null, 2)} does (the format Serverless
 * Framework writes its templates in): two-space indent, {@code "key": value}, {@code []} and
 * {@code {}} for empty containers, {@code \n} line ends, keys in {@code Object.keys} order.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The tree as indented text followed by one newline. */
    public static String write(JsonNode node) {
        return JsJson.pretty(node) + "\n";
    }

    /** The text {@link #write} gives, as UTF-8 bytes, without the text as a string on the way. */
    public static byte[] bytes(JsonNode node) {
        return JsJson.prettyLineBytes(node);
    }
}
