package dev.slsguard.rules.validation;

import dev.slsguard.rules.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.model.CloudwatchEvent;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks of {@code cloudwatchEvent} events beyond v3's schema (cloudwatchEvent.schema.json): the
 * text v3 changes when it pastes it into the rule's JSON, pattern fields EventBridge rejects, and
 * rule names used twice across the service.
 */
public final class CloudwatchEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CloudwatchEvents() {
    }

    /**
     * The event that first gave the rule name of {@code event} (functions in order, then events),
     * when it is another event: EventBridge rule names are unique per bus, so the later rule
     * cannot be created.
     */
    public static List<CloudwatchEvent> earlierWithSameName(CloudwatchEvent event, Collection<?> events,
                                                            Collection<?> functions) {
        if (event.name().isEmpty()) {
            return List.of();
        }
        Comparator<CloudwatchEvent> order = Comparator.comparingLong(e -> order(e, functions));
        return events.stream().filter(CloudwatchEvent.class::isInstance).map(CloudwatchEvent.class::cast)
                .filter(e -> e.name().equals(event.name())).min(order)
                .filter(first -> order(first, functions) < order(event, functions)).stream().toList();
    }

    private static long order(CloudwatchEvent event, Collection<?> functions) {
        int function = functions.stream().filter(Function.class::isInstance).map(Function.class::cast)
                .filter(f -> f.key().equals(event.function())).mapToInt(Function::index).findFirst().orElse(0);
        return (long) function * 100_000 + event.index();
    }

    /** Where the event's {@code name} is written, else the event. */
    public static SourceRef nameRef(Setting options, SourceRef eventRef) {
        Setting name = options.get("name");
        return name.present() ? name.ref() : eventRef;
    }

    /**
     * Values of the event pattern that are neither a list of match values nor a nested mapping
     * ({@code source: aws.ec2} instead of {@code source: [aws.ec2]}): EventBridge rejects such a
     * pattern when the rule is created.
     */
    public static List<Violation> scalarPatternValues(Setting options) {
        Setting pattern = options.get("event");
        if (pattern.isMap()) {
            return MatchPatterns.scalarLeaves(pattern, "cloudwatchEvent pattern field",
                    "EventBridge rejects the pattern and CloudFormation fails to create the rule");
        }
        return List.of();
    }

    /**
     * Text that v3 changes on its way into the rule: it pastes name, description and inputPath into
     * the rule's JSON as written, the input with its quotes escaped, and removes {@code \n} and
     * {@code \r} escapes from the pattern and the input. Text that then does not parse at all is
     * the compiler's refusal (V3_INVALID_JSON), not reported here.
     */
    public static List<Violation> changedText(Setting options) {
        List<Violation> violations = new ArrayList<>();
        for (Setting value : options.members()) {
            if (value.unresolved()) {
                continue;
            }
            switch (value.name()) {
                case "name", "description", "inputPath" -> {
                    if (value.isScalar() && value.truthy()) {
                        String text = value.textOr("");
                        String pasted = value.name().equals("inputPath") ? text.replaceAll("\r?\n", "") : text;
                        check(violations, value, text, parseString(pasted), "cloudwatchEvent " + value.name());
                    }
                }
                case "input" -> {
                    if (value.truthy() && !value.isList()) {
                        String text = value.isScalar() ? value.textOr("") : stringify(value);
                        String pasted = text.replace("\"", "\\\"").replaceAll("\\\\n|\\\\r", "");
                        check(violations, value, text, parseString(pasted), "cloudwatchEvent input");
                    }
                }
                case "event" -> {
                    if (value.isMap()) {
                        String text = stringify(value);
                        String pasted = text.replaceAll("\\\\n|\\\\r", "");
                        check(violations, value, text, parseJson(pasted), "cloudwatchEvent event pattern");
                    }
                }
                default -> {
                }
            }
        }
        return violations;
    }

    private static void check(List<Violation> violations, Setting field, String written,
                              Optional<String> packaged, String what) {
        if (packaged.isPresent() && !packaged.get().equals(written)) {
            violations.add(new Violation(Violation.VALUE, where(field), what + " is changed by"
                    + " Serverless Framework v3: it pastes the text into the rule's JSON unescaped and drops \\n and"
                    + " \\r escapes, so the rule gets " + shorten(packaged.get()) + " instead of what is written;"
                    + " remove backslashes and line breaks"));
        }
    }

    /** A scalar at its value, a mapping or list at its key. */
    private static SourceRef where(Setting field) {
        return field.isScalar() ? field.ref() : field.keyRef();
    }

    private static String shorten(String text) {
        String shown = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return "'" + (shown.length() > 80 ? shown.substring(0, 77) + "..." : shown) + "'";
    }

    /** JSON.parse of {@code "<text>"}: the string v3 ends up with, or empty when it does not parse. */
    private static Optional<String> parseString(String text) {
        try {
            JsonNode node = MAPPER.readTree("\"" + text + "\"");
            return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** JSON.parse of a pattern, written back: the pattern v3 ends up with, or empty when it does not parse. */
    private static Optional<String> parseJson(String text) {
        try {
            return Optional.of(stringify(MAPPER.readTree(text)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String stringify(Setting value) {
        return stringify(value.toJson());
    }

    private static String stringify(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
