package dev.slsguard.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code cloudwatchEvent} event schema of Serverless Framework v3 ({@code cloud-watch-event.js}):
 * a mapping with the event pattern and the options below, no others. Beyond v3: {@code event} is
 * required (v3 fails without it) and {@code name} must be a whole EventBridge rule name (v3's
 * pattern is not anchored). Also finds text v3 pastes unescaped into the rule's JSON.
 */
public final class CloudwatchEventSchema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("event", "input", "inputPath", "inputTransformer",
            "description", "name", "enabled");

    /** The options that set what the target receives; v3 allows one at a time. */
    public static final List<String> INPUTS = List.of("input", "inputPath", "inputTransformer");

    private static final List<String> TRANSFORMER_OPTIONS = List.of("inputPathsMap", "inputTemplate");
    private static final Pattern RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CloudwatchEventSchema() {
    }

    /** Every schema violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node config, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("cloudwatchEvent");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "cloudwatchEvent event must be a mapping with event (the"
                    + " event pattern) and options; got " + Options.show(config));
            return checks.violations();
        }
        if (!map.has("event")) {
            checks.add(Violation.SHAPE, eventRef, "cloudwatchEvent event needs event: the pattern of the events"
                    + " that invoke the function, like {source: [aws.ec2]}; Serverless Framework v3 fails without it");
        }
        for (MapNode.Field field : map.fields()) {
            switch (field.key()) {
                case "event" -> mapping(checks, "event", field, "an event pattern mapping, like {source: [aws.ec2]}");
                case "input" -> input(checks, field);
                case "inputPath" -> string(checks, "inputPath", field, 1, 256);
                case "inputTransformer" -> inputTransformer(checks, field);
                case "description" -> string(checks, "description", field, 0, 512);
                case "name" -> name(checks, field);
                case "enabled" -> checks.bool("enabled", field);
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    /**
     * Values of the event pattern that are neither a list of match values nor a nested mapping
     * ({@code source: aws.ec2} instead of {@code source: [aws.ec2]}): EventBridge rejects such a
     * pattern when the rule is created.
     */
    public static List<Violation> scalarPatternValues(Node config) {
        if (config instanceof MapNode map && map.get("event").orElse(null) instanceof MapNode pattern) {
            return MatchPatterns.scalarLeaves(pattern, "cloudwatchEvent pattern field",
                    "EventBridge rejects the pattern and CloudFormation fails to create the rule");
        }
        return List.of();
    }

    /** Where the event's {@code name} is written, else the event. */
    public static SourceRef nameRef(Node config, SourceRef eventRef) {
        if (config instanceof MapNode map) {
            return map.get("name").map(Node::ref).orElse(eventRef);
        }
        return eventRef;
    }

    /** The input options set to a truthy value, in document order. */
    public static List<MapNode.Field> inputs(Node config) {
        List<MapNode.Field> fields = new ArrayList<>();
        if (config instanceof MapNode map) {
            for (MapNode.Field field : map.fields()) {
                if (INPUTS.contains(field.key()) && truthy(field.value())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /**
     * v3's CLOUDWATCH_MULTIPLE_INPUT_PROPERTIES: more than one of input, inputPath and
     * inputTransformer set; reported at the second one.
     */
    public static List<Violation> multipleInputs(Node config) {
        List<MapNode.Field> inputs = inputs(config);
        if (inputs.size() < 2) {
            return List.of();
        }
        List<String> keys = inputs.stream().map(MapNode.Field::key).toList();
        return List.of(new Violation(Violation.SHAPE, inputs.get(1).keyRef(), "cloudwatchEvent sets "
                + String.join(" and ", keys) + ", but the rule's target takes only one of input, inputPath and"
                + " inputTransformer: Serverless Framework v3 refuses to package this"
                + " (CLOUDWATCH_MULTIPLE_INPUT_PROPERTIES); keep one"));
    }

    /**
     * Text that v3 pastes into the rule's JSON without escaping: name, description and inputPath
     * as written, the input with its quotes escaped, the pattern and input with {@code \n} and
     * {@code \r} escapes removed. {@link Violation#SHAPE}: v3 cannot parse the result and fails;
     * {@link Violation#VALUE}: the template gets different text than the one written.
     */
    public static List<Violation> pastedText(Node config) {
        List<Violation> violations = new ArrayList<>();
        if (!(config instanceof MapNode map)) {
            return violations;
        }
        for (MapNode.Field field : map.fields()) {
            Node value = field.value();
            if (Options.unresolved(value)) {
                continue;
            }
            switch (field.key()) {
                case "name", "description", "inputPath" -> {
                    if (value instanceof ScalarNode && truthy(value)) {
                        String text = Options.string(value).orElse("");
                        String pasted = field.key().equals("inputPath") ? text.replaceAll("\r?\n", "") : text;
                        check(violations, field, text, parseString(pasted), "cloudwatchEvent " + field.key());
                    }
                }
                case "input" -> {
                    if (truthy(value) && !(value instanceof ListNode)) {
                        String text = value instanceof ScalarNode ? Options.string(value).orElse("")
                                : stringify(value);
                        String pasted = text.replace("\"", "\\\"").replaceAll("\\\\n|\\\\r", "");
                        check(violations, field, text, parseString(pasted), "cloudwatchEvent input");
                    }
                }
                case "event" -> {
                    if (value instanceof MapNode) {
                        String text = stringify(value);
                        String pasted = text.replaceAll("\\\\n|\\\\r", "");
                        Optional<String> parsed = parseJson(pasted);
                        check(violations, field, text, parsed, "cloudwatchEvent event pattern");
                    }
                }
                default -> {
                }
            }
        }
        return violations;
    }

    private static void check(List<Violation> violations, MapNode.Field field, String written,
                              Optional<String> packaged, String what) {
        SourceRef where = OptionChecks.where(field);
        if (packaged.isEmpty()) {
            violations.add(new Violation(Violation.SHAPE, where, what + " holds a double quote, backslash or line"
                    + " break that Serverless Framework v3 pastes unescaped into the rule's JSON, which then does not"
                    + " parse: packaging fails; remove the character"));
        } else if (!packaged.get().equals(written)) {
            violations.add(new Violation(Violation.VALUE, where, what + " is changed by Serverless Framework v3:"
                    + " it pastes the text into the rule's JSON unescaped and drops \\n and \\r escapes, so the rule"
                    + " gets " + shorten(packaged.get()) + " instead of what is written; remove backslashes and line"
                    + " breaks"));
        }
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

    private static String stringify(Node node) {
        return stringify(Nodes.toJson(node));
    }

    private static String stringify(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean truthy(Node value) {
        if (value instanceof ScalarNode scalar) {
            Object v = scalar.value();
            if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
                return false;
            }
            return Options.number(value).map(n -> n.signum() != 0).orElse(true);
        }
        return true;
    }

    private static void mapping(OptionChecks checks, String path, MapNode.Field field, String what) {
        if (Options.unresolved(field.value())) {
            return;
        }
        if (!(field.value() instanceof MapNode)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "cloudwatchEvent " + path + " must be " + what
                    + "; got " + Options.show(field.value()));
        }
    }

    private static void input(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value) || value instanceof MapNode) {
            return;
        }
        Optional<String> text = value instanceof ScalarNode ? Options.string(value) : Optional.empty();
        if (text.isEmpty() || text.get().length() > 8192) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "cloudwatchEvent input must be a mapping (sent as"
                    + " JSON) or a string of at most 8192 characters; got " + describe(value));
        }
    }

    private static void string(OptionChecks checks, String path, MapNode.Field field, int min, int max) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        Optional<String> text = Options.coercesToString(value) ? Options.string(value)
                : Optional.empty();
        if (text.isEmpty() || text.get().length() < min || text.get().length() > max) {
            String size = max == Integer.MAX_VALUE ? "non-empty string"
                    : "string of " + (min > 0 ? min + " to " : "at most ") + max + " characters";
            checks.add(Violation.VALUE, OptionChecks.where(field), "cloudwatchEvent " + path + " must be a " + size
                    + "; got " + describe(value));
        }
    }

    private static void name(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        Optional<String> text = Options.coercesToString(value) ? Options.string(value)
                : Optional.empty();
        if (text.isEmpty() || text.get().isEmpty() || text.get().length() > 64
                || !RULE_NAME.matcher(text.get()).matches()) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "cloudwatchEvent name must be an EventBridge rule"
                    + " name: 1 to 64 letters, digits, '.', '-' or '_'; got " + describe(value));
        }
    }

    private static void inputTransformer(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "cloudwatchEvent inputTransformer must be a"
                    + " mapping with inputTemplate and optional inputPathsMap; got " + Options.show(value));
            return;
        }
        checks.unknownKeys("inputTransformer", map, TRANSFORMER_OPTIONS);
        Optional<MapNode.Field> template = map.field("inputTemplate");
        if (template.isEmpty()) {
            checks.add(Violation.VALUE, field.keyRef(), "cloudwatchEvent inputTransformer needs inputTemplate: the"
                    + " text sent to the function, with <placeholders> from inputPathsMap");
        } else {
            string(checks, "inputTransformer.inputTemplate", template.get(), 1, 8192);
        }
        map.field("inputPathsMap").ifPresent(paths -> {
            if (Options.unresolved(paths.value())) {
                return;
            }
            if (!(paths.value() instanceof MapNode pathMap)) {
                checks.add(Violation.VALUE, OptionChecks.where(paths), "cloudwatchEvent inputTransformer.inputPathsMap"
                        + " must be a mapping from placeholder to JSON path, like {time: $.time}; got "
                        + Options.show(paths.value()));
                return;
            }
            for (MapNode.Field path : pathMap.fields()) {
                string(checks, "inputTransformer.inputPathsMap." + path.key(), path, 1, Integer.MAX_VALUE);
            }
        });
    }

    private static String describe(Node value) {
        if (value instanceof ScalarNode s && s.value() instanceof String text && text.length() > 80) {
            return "a string of " + text.length() + " characters";
        }
        return Options.show(value);
    }
}
