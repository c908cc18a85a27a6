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
}
