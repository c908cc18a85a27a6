package dev.slsguard.compilers.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.merge.JsNumbers;
import java.util.Optional;

/**
 * v3's compilers that build resources as JSON text ({@code schedule}, {@code cloudwatchLog}):
 * a value written into a string literal of the text with a template literal, and
 * {@code JSON.parse} of the whole. Quotes, backslashes and line breaks in such a value change it
 * or make {@code JSON.parse} fail, exactly as here.
 */
public final class JsonTemplate {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonTemplate() {
    }

    /** {@code JSON.parse('"' + raw + '"')}: empty when v3's parse fails. */
    public static Optional<String> stringLiteral(String raw) {
        return parse("\"" + raw + "\"").filter(JsonNode::isTextual).map(JsonNode::textValue);
    }

    /** {@code JSON.parse(text)} with JavaScript's numbers; empty when it fails. */
    public static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(JsNumbers.normalize(node));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** {@code `${value}`}: JavaScript's {@code String(value)} of a JSON value. */
    public static String interpolate(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "undefined";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return Js.numberToString(value);
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonNode item = value.get(i);
                out.append(item.isNull() ? "" : interpolate(item));
            }
            return out.toString();
        }
        return "[object Object]";
    }
}
