package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.JsonTemplate;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.ScheduleEvent;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code schedule} events ({@code package/compile/events/schedule.js}). Per rate expression,
 * numbered across the function's schedule events: an {@code AWS::Events::Rule}
 * {@code <Fn>EventsRuleSchedule<n>} with its {@code AWS::Lambda::Permission}, or with
 * {@code method: scheduler} an {@code AWS::Scheduler::Schedule} {@code <Fn>SchedulerSchedule<n>}
 * that invokes the function with the function's role. The role's trust for the scheduler and its
 * {@code lambda:InvokeFunction} statement are derived by rules from the {@code scheduler-target}
 * event sources.
 */
public final class ScheduleCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public EventType eventType() {
        return EventType.SCHEDULE;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        FunctionSettings function = event.function();
        Optional<Settings> read = read(event, context);
        if (read.isEmpty()) {
            return CompileResult.SKIPPED; // neither an expression nor a mapping with rate: the schema reports it
        }
        Settings settings = read.get();
        List<Refusal> refusals = refusals(event, settings);
        if (!refusals.isEmpty()) {
            return new CompileResult.Refused(refusals);
        }
        Optional<String> alias = function.targetAlias().map(TargetAlias::logicalId);
        int number = (int) context.eventFacts().stream().filter(ScheduleEvent.class::isInstance)
                .map(ScheduleEvent.class::cast).filter(e -> e.function().equals(function.key()))
                .mapToLong(e -> e.resourceIds().size()).sum();

        List<String> resourceIds = new ArrayList<>();
        List<String> permissionIds = new ArrayList<>();
        Map<String, ObjectNode> resources = new LinkedHashMap<>(); // v3's order: rule, its permission, next rule
        for (JsonNode expression : settings.expressions()) {
            number++;
            if (settings.scheduler()) {
                String id = Naming.schedulerScheduleLogicalId(function.key(), number);
                resources.put(id, schedule(settings, expression, function, alias));
                resourceIds.add(id);
                continue;
            }
            Optional<ObjectNode> rule = rule(settings, expression, function, alias);
            if (rule.isEmpty()) {
                // an expression, a non-text option or a function key that breaks v3's JSON: the schema reports it
                return CompileResult.SKIPPED;
            }
            String ruleId = Naming.scheduleRuleLogicalId(function.key(), number);
            String permissionId = Naming.schedulePermissionLogicalId(function.key(), number);
            resources.put(ruleId, rule.get());
            resources.put(permissionId, Cfn.invokePermission(alias, function.target(), "events.amazonaws.com",
                    Cfn.getAtt(ruleId, "Arn")));
            resourceIds.add(ruleId);
            permissionIds.add(permissionId);
        }
        resources.forEach((id, definition) -> context.putResource(id, definition, Optional.of(function.key()),
                event.ref()));

        context.addEventFact(new ScheduleEvent(function.key(), event.index(),
                settings.scheduler() ? ScheduleEvent.SCHEDULER : ScheduleEvent.EVENT_BUS,
                settings.expressions().stream().map(CfnValue::of).toList(), resourceIds, permissionIds,
                !settings.disabled(), Optional.ofNullable(settings.name()).filter(JsonNode::isTextual)
                        .map(JsonNode::textValue),
                Optional.ofNullable(settings.timezone()).filter(JsonNode::isTextual).map(JsonNode::textValue),
                event.options(), event.ref()));
        if (settings.scheduler() && !resourceIds.isEmpty()) {
            ObjectNode arn = Cfn.sub(Naming.functionArnTemplate(function.name()));
            context.addEventFact(event.source(EventSource.SCHEDULER_TARGET, CfnValue.of(arn), event.ref()));
        }
        return CompileResult.COMPILED;
    }

    /**
     * The event's settings as v3 reads them, its input already prepared; empty for a malformed
     * event (neither an expression nor a mapping with a rate list).
     */
    private static Optional<Settings> read(EventItem event, CompileContext context) {
        if (event.config() instanceof ScalarNode scalar && scalar.isString()) {
            return Optional.of(new Settings(new MapNode(scalar.ref(), List.of()), List.of(JSON.textNode(scalar.text())),
                    false, false, null, null, null, null, null, null, null));
        }
        if (!(event.config() instanceof MapNode map)) {
            return Optional.empty();
        }
        JsonNode rate = NodeJson.toJsonOrNull(map.get("rate"));
        if (rate == null || !rate.isArray()) {
            return Optional.empty(); // no rate, or a mapping (a scalar arrives in a list, as v3 coerces it): v3 fails
        }
        List<JsonNode> expressions = new ArrayList<>();
        rate.forEach(expressions::add);
        JsonNode enabled = NodeJson.toJsonOrNull(map.get("enabled"));
        boolean disabled = enabled != null && enabled.isBoolean() && !enabled.booleanValue();
        JsonNode name = NodeJson.toJsonOrNull(map.get("name"));
        JsonNode description = NodeJson.toJsonOrNull(map.get("description"));
        JsonNode inputPath = NodeJson.toJsonOrNull(map.get("inputPath"));
        JsonNode timezone = NodeJson.toJsonOrNull(map.get("timezone"));
        JsonNode method = NodeJson.toJsonOrNull(map.get("method"));
        boolean scheduler = Js.truthy(method) && method.isTextual()
                && method.textValue().equals(ScheduleEvent.SCHEDULER);

        JsonNode input = NodeJson.toJsonOrNull(map.get("input"));
        if (Js.truthy(input) && (input.isObject() || input.isArray())) {
            if (input.isObject() && input.get("body") != null && input.get("body").isTextual()) {
                Optional<JsonNode> body = JsonTemplate.parse(input.get("body").textValue());
                if (body.isPresent()) { // else refused: v3's JSON.parse of input.body fails
                    input = input.deepCopy();
                    ((ObjectNode) input).set("body", body.get());
                }
            }
            input = JSON.textNode(Js.stringify(input));
        }
        if (Js.truthy(input) && input.isTextual() && !scheduler) {
            input = JSON.textNode(input.textValue().replace("\"", "\\\""));
        }
        JsonNode transformer = NodeJson.toJsonOrNull(map.get("inputTransformer"));
        ObjectNode inputTransformer = null;
        if (Js.truthy(transformer)) {
            inputTransformer = JSON.objectNode();
            JsonNode template = transformer.get("inputTemplate");
            if (template != null) {
                inputTransformer.set("InputTemplate", template);
            }
            JsonNode pathsMap = transformer.get("inputPathsMap");
            if (Js.truthy(pathsMap)) {
                inputTransformer.set("InputPathsMap", pathsMap);
            }
        }
        JsonNode role = context.resource(event.function().logicalId()).map(Resource::definition)
                .map(d -> d.path("Properties").get("Role")).orElse(null);
        return Optional.of(new Settings(map, expressions, scheduler, disabled, name, description, input, inputPath,
                inputTransformer, timezone, role));
    }

    /** Where v3 stops on the event: its error codes, and text its {@code JSON.parse} fails on. */
    private static List<Refusal> refusals(EventItem event, Settings s) {
        List<Refusal> refusals = new ArrayList<>();
        MapNode options = s.options();
        if (s.expressions().size() > 1 && Js.truthy(s.name())) {
            MapNode.Field name = options.field("name").orElseThrow();
            refusals.add(CompileResult.refusal(event, "SCHEDULE_NAME_NOT_ALLOWED_MULTIPLE_RATES", Details.where(name),
                    "schedule name " + Details.show(name.value()) + " cannot be used with " + s.expressions().size()
                            + " rate expressions: each expression becomes its own rule, and rule names must be"
                            + " unique; remove name or split the expressions into separate schedule events"));
        }
        Optional<MapNode.Field> badBody = options.get("input").filter(MapNode.class::isInstance)
                .flatMap(i -> ((MapNode) i).field("body"))
                .filter(f -> f.value() instanceof ScalarNode body && body.isString()
                        && JsonTemplate.parse(body.text()).isEmpty());
        badBody.ifPresent(f -> refusals.add(CompileResult.refusal(event, Refusal.V3_INVALID_JSON, Details.where(f),
                "schedule input.body must be JSON text (v3 parses it); got " + Details.show(f.value()))));
        if (s.scheduler()) {
            Map<String, Boolean> unsupported = new LinkedHashMap<>();
            unsupported.put("inputTransformer", s.inputTransformer() != null);
            unsupported.put("inputPath", Js.truthy(s.inputPath()));
            unsupported.forEach((key, set) -> {
                if (set) {
                    refusals.add(CompileResult.refusal(event, "SCHEDULE_PARAMETER_NOT_SUPPORTED",
                            Details.where(options.field(key).orElseThrow()), "schedule " + key + " is not supported"
                                    + " with method: scheduler (EventBridge Scheduler passes only input); use input,"
                                    + " or remove method: scheduler to create an EventBridge rule"));
                }
            });
            return refusals;
        }
        if (Js.truthy(s.timezone())) {
            refusals.add(CompileResult.refusal(event, "SCHEDULE_PARAMETER_NOT_SUPPORTED",
                    Details.where(options.field("timezone").orElseThrow()), "schedule timezone works only with"
                            + " method: scheduler (EventBridge rules run in UTC); add method: scheduler or remove"
                            + " timezone"));
        }
        if (badBody.isEmpty()) {
            refusals.addAll(unwritable(event, s));
        }
        return refusals;
    }

    /** The options whose text breaks the JSON of v3's EventBridge rule (v3 stops with a SyntaxError). */
    private static List<Refusal> unwritable(EventItem event, Settings s) {
        Map<String, JsonNode> written = new LinkedHashMap<>();
        written.put("name", s.name());
        written.put("description", s.description());
        written.put("inputPath", s.inputPath());
        written.put("input", s.input());
        List<Refusal> refusals = new ArrayList<>();
        written.forEach((key, value) -> {
            Optional<MapNode.Field> option = s.options().field(key);
            if (option.isEmpty() || !Js.truthy(value) || JsonTemplate.stringLiteral(Js.string(value)).isPresent()) {
                return;
            }
            if (option.get().value() instanceof ScalarNode) {
                refusals.add(CompileResult.refusal(event, Refusal.V3_INVALID_JSON, option.get().value().ref(),
                        "schedule " + key + " " + Details.show(option.get().value()) + " holds a "
                                + (key.equals("input") ? "" : "double quote, ") + "backslash or line break, which v3"
                                + " writes into the EventBridge rule unescaped, so packaging fails; remove it"));
            } else if (key.equals("input")) {
                refusals.add(CompileResult.refusal(event, Refusal.V3_INVALID_JSON, option.get().keyRef(),
                        "schedule input holds a double quote in a key or value, which v3 cannot write into the"
                                + " EventBridge rule (packaging fails); remove the quote or use method: scheduler"));
            }
        });
        return refusals;
    }

    /** The {@code AWS::Scheduler::Schedule} of one rate expression. */
    private static ObjectNode schedule(Settings s, JsonNode expression, FunctionSettings function,
                                       Optional<String> alias) {
        ObjectNode schedule = JSON.objectNode();
        schedule.put("Type", "AWS::Scheduler::Schedule");
        alias.ifPresent(a -> schedule.put("DependsOn", a));
        ObjectNode properties = schedule.putObject("Properties");
        properties.set("ScheduleExpression", expression);
        properties.put("State", s.disabled() ? "DISABLED" : "ENABLED");
        ObjectNode target = properties.putObject("Target");
        target.set("Arn", function.target());
        setIfDefined(target, "RoleArn", s.role());
        setIfDefined(target, "Input", s.input());
        properties.putObject("FlexibleTimeWindow").put("Mode", "OFF");
        setIfDefined(properties, "Name", s.name());
        setIfDefined(properties, "Description", s.description());
        setIfDefined(properties, "ScheduleExpressionTimezone", s.timezone());
        return schedule;
    }

    /**
     * The {@code AWS::Events::Rule} of one rate expression, as v3's JSON text gives it after
     * {@code JSON.parse}; empty when that text does not parse.
     */
    private static Optional<ObjectNode> rule(Settings s, JsonNode expression, FunctionSettings function,
                                             Optional<String> alias) {
        ObjectNode rule = JSON.objectNode();
        rule.put("Type", "AWS::Events::Rule");
        alias.ifPresent(a -> rule.put("DependsOn", a));
        ObjectNode properties = rule.putObject("Properties");
        if (expression.isTextual()) {
            Optional<String> text = JsonTemplate.stringLiteral(expression.textValue());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            properties.put("ScheduleExpression", text.get());
        } else {
            properties.set("ScheduleExpression", expression);
        }
        properties.put("State", s.disabled() ? "DISABLED" : "ENABLED");
        if (!literal(properties, "Name", s.name()) || !literal(properties, "Description", s.description())) {
            return Optional.empty();
        }
        ObjectNode target = properties.putArray("Targets").addObject();
        if (!literal(target, "Input", s.input()) || !literal(target, "InputPath", s.inputPath())) {
            return Optional.empty();
        }
        if (s.inputTransformer() != null) {
            target.set("InputTransformer", s.inputTransformer());
        }
        target.set("Arn", function.target());
        Optional<String> id = JsonTemplate.stringLiteral(Naming.scheduleTargetId(function.key()));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        target.put("Id", id.get());
        return Optional.of(rule);
    }

    /** {@code ${value ? `"Key": "${value}",` : ''}}: false when the text does not parse. */
    private static boolean literal(ObjectNode into, String key, JsonNode value) {
        if (!Js.truthy(value)) {
            return true;
        }
        Optional<String> text = JsonTemplate.stringLiteral(Js.string(value));
        text.ifPresent(t -> into.put(key, t));
        return text.isPresent();
    }

    /** A property v3 sets to a value that may be {@code undefined} (then JSON drops it). */
    private static void setIfDefined(ObjectNode into, String key, JsonNode value) {
        if (value != null) {
            into.set(key, value);
        }
    }

    /**
     * One schedule event's settings; a Java {@code null} is JavaScript's {@code undefined}.
     *
     * @param options the event's mapping (empty for the expression form)
     * @param input   the input as v3 writes it: objects already stringified, quotes escaped for
     *                the eventBus method
     */
    private record Settings(MapNode options, List<JsonNode> expressions, boolean scheduler, boolean disabled,
                            JsonNode name, JsonNode description, JsonNode input, JsonNode inputPath,
                            ObjectNode inputTransformer, JsonNode timezone, JsonNode role) {
    }
}
