package dev.slsguard.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code schedule} event schema of Serverless Framework v3 ({@code schedule.js}): a rate or
 * cron expression, or a mapping with {@code rate} (a list of expressions or intrinsics) and the
 * options below; and the conditions under which v3 refuses to package a schedule event.
 */
public final class ScheduleSchema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("rate", "enabled", "name", "description", "input",
            "inputPath", "inputTransformer", "method", "timezone");
    /** v3 error: {@code name} with more than one rate expression. */
    public static final String NAME_WITH_RATES = "name-with-rates";
    /** v3 error: {@code inputTransformer} or {@code inputPath} with {@code method: scheduler}. */
    public static final String SCHEDULER_UNSUPPORTED = "scheduler-unsupported";
    /** v3 error: {@code timezone} without {@code method: scheduler}. */
    public static final String TIMEZONE_WITHOUT_SCHEDULER = "timezone-without-scheduler";
    /** v3 error: text v3 cannot write into its rule (quotes, backslashes, line breaks; input.body not JSON). */
    public static final String UNWRITABLE = "unwritable";

    private static final Pattern EXPRESSION = Pattern.compile(
            "^rate\\((?:1 (?:minute|hour|day)|(?:1\\d+|[2-9]\\d*) (?:minute|hour|day)s)\\)$"
                    + "|^cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)$");
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");
    private static final Pattern TIMEZONE = Pattern.compile("[\\w\\-/]+");
    private static final List<String> METHODS = List.of("eventBus", "scheduler");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScheduleSchema() {
    }

    /** Every schema violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node config, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("schedule");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (Options.isString(config)) {
            expression(checks, "event", config, config.ref());
            return checks.violations();
        }
        if (!(config instanceof MapNode map) || Options.isIntrinsic(config)) {
            checks.add(Violation.SHAPE, config instanceof ScalarNode ? config.ref() : eventRef, "schedule event must be"
                    + " a rate or cron expression, like rate(10 minutes), or a mapping with rate and options; got "
                    + Options.show(config));
            return checks.violations();
        }
        if (map.get("rate").isEmpty()) {
            checks.add(Violation.SHAPE, eventRef, "schedule event needs rate: a list of rate or cron expressions,"
                    + " like rate: [rate(10 minutes)]");
        }
        for (MapNode.Field field : map.fields()) {
            Node value = field.value();
            if (Options.unresolved(value)) {
                continue;
            }
            SourceRef where = OptionChecks.where(field);
            switch (field.key()) {
                case "rate" -> rate(checks, field);
                case "enabled" -> checks.bool("enabled", field);
                case "name" -> {
                    Optional<String> text = Options.string(value);
                    if (text.isEmpty() || text.get().isEmpty() || text.get().length() > 64
                            || !NAME.matcher(text.get()).find()) {
                        checks.add(Violation.VALUE, where, "schedule name must be 1 to 64 characters with letters,"
                                + " digits, '.', '-' or '_'; got " + Options.show(value));
                    }
                }
                case "description" -> maxLength(checks, "description", field, 512);
                case "input" -> input(checks, field);
                case "inputPath" -> maxLength(checks, "inputPath", field, 256);
                case "inputTransformer" -> inputTransformer(checks, field);
                case "method" -> checks.oneOf("method", field, METHODS);
                case "timezone" -> {
                    Optional<String> text = Options.string(value);
                    if (text.isEmpty() || !TIMEZONE.matcher(text.get()).find()) {
                        checks.add(Violation.VALUE, where, "schedule timezone must be an IANA time zone name such"
                                + " as Europe/Paris; got " + Options.show(value));
                    }
                }
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    /** The conditions under which v3 stops packaging at this event (kinds other than the schema's). */
    public static List<Violation> v3Errors(Node config) {
        List<Violation> out = new ArrayList<>();
        if (!(config instanceof MapNode map) || Options.isIntrinsic(config)) {
            return out;
        }
        boolean scheduler = map.get("method").flatMap(ScheduleSchema::text).filter("scheduler"::equals).isPresent();
        Optional<MapNode.Field> name = map.field("name").filter(f -> truthy(f.value()));
        int rates = map.get("rate").map(r -> r instanceof ListNode list ? list.items().size() : 1).orElse(0);
        if (name.isPresent() && rates > 1) {
            out.add(new Violation(NAME_WITH_RATES, OptionChecks.where(name.get()), "schedule name "
                    + Options.show(name.get().value()) + " cannot be used with " + rates + " rate expressions:"
                    + " each expression becomes its own rule, and rule names must be unique; remove name or"
                    + " split the expressions into separate schedule events"));
        }
        if (scheduler) {
            for (String key : List.of("inputTransformer", "inputPath")) {
                map.field(key).filter(f -> truthy(f.value())).ifPresent(f -> out.add(new Violation(
                        SCHEDULER_UNSUPPORTED, OptionChecks.where(f), "schedule " + key + " is not supported with"
                        + " method: scheduler (EventBridge Scheduler passes only input); use input, or remove"
                        + " method: scheduler to create an EventBridge rule")));
            }
        } else {
            map.field("timezone").filter(f -> truthy(f.value())).ifPresent(f -> out.add(new Violation(
                    TIMEZONE_WITHOUT_SCHEDULER, OptionChecks.where(f), "schedule timezone works only with method:"
                    + " scheduler (EventBridge rules run in UTC); add method: scheduler or remove timezone")));
        }
        map.get("input").filter(MapNode.class::isInstance).flatMap(i -> ((MapNode) i).field("body"))
                .filter(f -> Options.isString(f.value()) && !Options.unresolved(f.value()))
                .filter(f -> parses(Options.string(f.value()).orElse("")).isEmpty())
                .ifPresent(f -> out.add(new Violation(UNWRITABLE, OptionChecks.where(f), "schedule input.body"
                        + " must be JSON text (v3 parses it); got " + Options.show(f.value()))));
        if (!scheduler) {
            for (String key : List.of("name", "description", "inputPath", "input")) {
                map.field(key).filter(f -> f.value() instanceof ScalarNode && truthy(f.value())
                        && !Options.unresolved(f.value())).ifPresent(f -> {
                            String text = Options.string(f.value()).orElse("");
                            String written = key.equals("input") ? text.replace("\"", "\\\"") : text;
                            if (parses("\"" + written + "\"").isEmpty()) {
                                out.add(unwritable(key, f));
                            }
                        });
            }
            map.field("input").filter(f -> f.value() instanceof MapNode || f.value() instanceof ListNode)
                    .filter(f -> hasQuote(f.value())).ifPresent(f -> out.add(new Violation(UNWRITABLE, f.keyRef(),
                            "schedule input holds a double quote in a key or value, which v3 cannot write into"
                            + " the EventBridge rule (packaging fails); remove the quote or use"
                            + " method: scheduler")));
        }
        return out;
    }

    private static boolean hasQuote(JsonNode json) {
        if (json.isTextual()) {
            return json.textValue().contains("\"");
        }
        for (var it = json.fields(); it.hasNext();) {
            var e = it.next();
            if (e.getKey().contains("\"") || hasQuote(e.getValue())) {
                return true;
            }
        }
        for (JsonNode item : json) {
            if (json.isArray() && hasQuote(item)) {
                return true;
            }
        }
        return false;
    }

    private static Violation unwritable(String key, MapNode.Field field) {
        return new Violation(UNWRITABLE, OptionChecks.where(field), "schedule " + key + " "
                + Options.show(field.value()) + " holds a " + (key.equals("input") ? "backslash or line break"
                : "double quote, backslash or line break") + ", which v3 writes into the EventBridge rule"
                + " unescaped, so packaging fails; remove it");
    }

    private static void expression(OptionChecks checks, String what, Node value, SourceRef where) {
        if (Options.unresolved(value) || Options.isIntrinsic(value) && !what.equals("event")) {
            return;
        }
        Optional<String> text = value instanceof ScalarNode ? Options.string(value) : Optional.empty();
        if (text.isEmpty() || !EXPRESSION.matcher(text.get()).find()) {
            String hint = "";
            if (text.filter(t -> t.matches("rate\\(1 (minute|hour|day)s\\)")).isPresent()) {
                hint = " (a rate of 1 takes the singular unit)";
            } else if (text.filter(t -> t.matches("rate\\(\\d+ (minute|hour|day)\\)")).isPresent()) {
                hint = " (a rate above 1 takes the plural unit)";
            }
            checks.add(Violation.SHAPE, where, "schedule " + what + " must be rate(<n> minute|minutes|hour|hours|day|days)"
                    + " or cron(<6 fields>), like rate(5 minutes) or cron(0 8 * * ? *); got " + Options.show(value)
                    + hint);
        }
    }

    private static void rate(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (value instanceof ListNode list) {
            if (list.items().isEmpty()) {
                checks.add(Violation.SHAPE, field.keyRef(), "schedule rate must list at least one rate or cron"
                        + " expression");
            }
            list.items().forEach(item -> expression(checks, "rate", item, item.ref()));
        } else if (value instanceof ScalarNode) {
            expression(checks, "rate", value, value.ref());
        } else {
            checks.add(Violation.SHAPE, field.keyRef(), "schedule rate must be a list of rate or cron expressions"
                    + " (intrinsics go inside the list); got " + Options.show(value));
        }
    }

    private static void maxLength(OptionChecks checks, String key, MapNode.Field field, int max) {
        Optional<String> text = Options.string(field.value());
        if (text.isEmpty() || text.get().length() > max) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "schedule " + key + " must be text of at most "
                    + max + " characters; got " + (text.isPresent() ? text.get().length() + " characters"
                    : Options.show(field.value())));
        }
    }

    private static void input(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (value instanceof ScalarNode) {
            maxLength(checks, "input", field, 8192);
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, field.keyRef(), "schedule input must be text or a mapping; got "
                    + Options.show(value));
            return;
        }
        Optional<Node> body = map.get("body");
        if (body.isEmpty()) {
            return;
        }
        if (map.size() > 1) {
            checks.add(Violation.VALUE, field.keyRef(), "schedule input with body must have no other keys (v3"
                    + " reads body as the whole input); move " + String.join(", ", map.keys().stream()
                    .filter(k -> !k.equals("body")).toList()) + " into the body JSON");
        }
        Optional<String> text = Options.string(body.get());
        if (text.isEmpty() || text.get().length() > 8192) {
            checks.add(Violation.VALUE, body.get() instanceof ScalarNode ? body.get().ref() : field.keyRef(),
                    "schedule input.body must be JSON text of at most 8192 characters; got "
                            + Options.show(body.get()));
        }
    }

    private static void inputTransformer(OptionChecks checks, MapNode.Field field) {
        if (!(field.value() instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "schedule inputTransformer must be a mapping"
                    + " with inputTemplate and optional inputPathsMap; got " + Options.show(field.value()));
            return;
        }
        Optional<MapNode.Field> template = map.field("inputTemplate");
        if (template.isEmpty()) {
            checks.add(Violation.VALUE, field.keyRef(), "schedule inputTransformer needs inputTemplate, the text"
                    + " sent to the function with <placeholders> from inputPathsMap");
        } else if (!Options.unresolved(template.get().value())) {
            Optional<String> text = Options.string(template.get().value());
            if (text.isEmpty() || text.get().isEmpty() || text.get().length() > 8192) {
                checks.add(Violation.VALUE, OptionChecks.where(template.get()), "schedule"
                        + " inputTransformer.inputTemplate must be text of 1 to 8192 characters; got "
                        + Options.show(template.get().value()));
            }
        }
        map.field("inputPathsMap").filter(f -> !(f.value() instanceof MapNode) && !Options.unresolved(f.value()))
                .ifPresent(f -> checks.add(Violation.VALUE, OptionChecks.where(f), "schedule"
                        + " inputTransformer.inputPathsMap must be a mapping from names to JSON paths; got "
                        + Options.show(f.value())));
        checks.unknownKeys("inputTransformer", map, List.of("inputTemplate", "inputPathsMap"));
    }

    private static Optional<String> text(Node node) {
        return Options.isString(node) ? Options.string(node) : Optional.empty();
    }

    /** JavaScript truthiness of a configuration value. */
    private static boolean truthy(Node node) {
        if (node instanceof ScalarNode scalar) {
            Object value = scalar.value();
            if (value == null || Boolean.FALSE.equals(value)) {
                return false;
            }
            if (value instanceof String s) {
                return !s.isEmpty();
            }
            return Options.number(node).map(n -> n.signum() != 0).orElse(true);
        }
        return true;
    }

    private static Optional<JsonNode> parses(String json) {
        try {
            return Optional.ofNullable(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Whether a key or text of the input, with {@code body} read as JSON like v3 does, holds a quote. */
    private static boolean hasQuote(Node node) {
        if (node instanceof MapNode map) {
            Optional<Node> body = map.get("body");
            if (body.isPresent() && Options.isString(body.get())) {
                Optional<JsonNode> parsed = parses(Options.string(body.get()).orElse(""));
                if (parsed.isPresent() && hasQuote(parsed.get())) {
                    return true;
                }
                return map.fields().stream().anyMatch(f -> f.key().contains("\"")
                        || !f.key().equals("body") && hasQuote(f.value()));
            }
            return map.fields().stream().anyMatch(f -> f.key().contains("\"") || hasQuote(f.value()));
        }
        if (node instanceof ListNode list) {
            return list.items().stream().anyMatch(ScheduleSchema::hasQuote);
        }
        return node instanceof ScalarNode s && s.value() instanceof String text && text.contains("\"");
    }
}
