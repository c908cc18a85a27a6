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
import dev.slsguard.engine.model.CloudwatchEvent;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code cloudwatchEvent} events ({@code package/compile/events/cloud-watch-event.js}): one
 * {@code AWS::Events::Rule} {@code <Fn>EventsRuleCloudWatchEvent<n>} and one
 * {@code AWS::Lambda::Permission} {@code <Fn>LambdaPermissionEventsRuleCloudWatchEvent<n>} per
 * event, n counting the function's cloudwatchEvent events from 1.
 *
 * <p>v3 builds the rule as JSON text with the name, description and input path pasted in
 * unescaped, and strips {@code \n} / {@code \r} escapes from the pattern and input; the rule here is
 * built the same way so that the template is the one v3 writes, quirks included. Text v3 cannot
 * parse back (a quote in a name) makes v3 fail: the event is refused.
 */
public final class CloudWatchEventCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern ESCAPED_BREAK = Pattern.compile("\\\\n|\\\\r");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    @Override
    public EventType eventType() {
        return EventType.CLOUD_WATCH_EVENT;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        JsonNode config = NodeJson.toJson(event.config());
        if (!Js.truthy(config)) {
            return CompileResult.SKIPPED; // v3 skips a falsy cloudwatchEvent without counting it
        }
        FunctionSettings function = event.function();
        int number = numberInFunction(function, event.index());
        JsonNode pattern = config.get("event");
        if (pattern == null) {
            return CompileResult.SKIPPED; // v3 crashes (TypeError) on the missing pattern; the schema reports it
        }
        // the options arrive coerced by the schema stage ("false" is false, 7 is "7")
        JsonNode enabled = config.get("enabled");
        boolean disabled = enabled != null && enabled.isBoolean() && !enabled.booleanValue();
        JsonNode name = config.get("name");
        JsonNode inputPath = config.get("inputPath");
        JsonNode description = config.get("description");
        JsonNode input = config.get("input");
        JsonNode inputTransformer = config.get("inputTransformer");
        MapNode options = (MapNode) event.config();
        List<Refusal> refusals = new ArrayList<>();
        RuleTargetInputs.moreThanOne(event, Optional.of(options), "CLOUDWATCH_MULTIPLE_INPUT_PROPERTIES")
                .ifPresent(refusals::add);

        String ruleId = Naming.cloudWatchEventLogicalId(function.key(), number);
        String permissionId = Naming.cloudWatchEventPermissionLogicalId(function.key(), number);
        Optional<String> alias = function.targetAlias().map(TargetAlias::logicalId);
        String target = Js.stringify(function.target());

        // the text v3 pastes into the rule's JSON, by option
        Map<String, String> pasted = new LinkedHashMap<>();
        pasted.put("event", ESCAPED_BREAK.matcher(Js.stringify(pattern)).replaceAll(""));
        if (Js.truthy(description)) {
            pasted.put("description", Js.string(description));
        }
        if (Js.truthy(name)) {
            pasted.put("name", Js.string(name));
        }
        if (Js.truthy(input)) {
            String value = input.isTextual() ? input.textValue() : Js.stringify(input);
            pasted.put("input", ESCAPED_BREAK.matcher(value.replace("\"", "\\\"")).replaceAll(""));
        }
        if (Js.truthy(inputPath)) {
            pasted.put("inputPath", LINE_BREAK.matcher(Js.string(inputPath)).replaceAll(""));
        }

        StringBuilder rule = new StringBuilder("{\"Type\": \"AWS::Events::Rule\",");
        alias.ifPresent(a -> rule.append("\"DependsOn\": \"").append(a).append("\","));
        rule.append("\"Properties\": {\"EventPattern\": ").append(pasted.get("event"))
                .append(", \"State\": \"").append(disabled ? "DISABLED" : "ENABLED").append("\",");
        if (pasted.containsKey("description")) {
            rule.append("\"Description\": \"").append(pasted.get("description")).append("\",");
        }
        if (pasted.containsKey("name")) {
            rule.append("\"Name\": \"").append(pasted.get("name")).append("\",");
        }
        rule.append("\"Targets\": [{");
        if (pasted.containsKey("input")) {
            rule.append("\"Input\": \"").append(pasted.get("input")).append("\",");
        }
        if (pasted.containsKey("inputPath")) {
            rule.append("\"InputPath\": \"").append(pasted.get("inputPath")).append("\",");
        }
        if (Js.truthy(inputTransformer)) {
            ObjectNode formatted = JSON.objectNode();
            JsonNode template = inputTransformer.get("inputTemplate");
            if (template != null) {
                formatted.set("InputTemplate", template);
            }
            JsonNode paths = inputTransformer.get("inputPathsMap");
            if (Js.truthy(paths)) {
                formatted.set("InputPathsMap", paths);
            }
            rule.append("\"InputTransformer\": ").append(Js.stringify(formatted)).append(",");
        }
        rule.append("\"Arn\": ").append(target).append(", \"Id\": \"")
                .append(Naming.cloudWatchEventTargetId(function.key())).append("\"}]}}");

        Optional<JsonNode> parsed = JsonTemplate.parse(rule.toString());
        if (parsed.isEmpty()) {
            refusals.addAll(unparsable(event, options, pasted));
        }
        if (!refusals.isEmpty()) {
            return new CompileResult.Refused(refusals);
        }
        ObjectNode ruleResource = (ObjectNode) parsed.get();

        ObjectNode ruleArn = Cfn.getAtt(ruleId, "Arn");
        ObjectNode permission = Cfn.invokePermission(alias, function.target(), "events.amazonaws.com", ruleArn);

        Optional<String> owner = Optional.of(function.key());
        context.mergeResource(ruleId, ruleResource, owner, event.ref());
        context.mergeResource(permissionId, permission, owner, event.ref());

        JsonNode compiledPattern = ruleResource.path("Properties").path("EventPattern");
        Optional<String> ruleName = Optional.ofNullable(ruleResource.path("Properties").get("Name"))
                .filter(JsonNode::isTextual).map(JsonNode::textValue);
        context.addEventFact(new CloudwatchEvent(function.key(), event.index(), number, ruleId, permissionId,
                compiledPattern.deepCopy(), ruleName, !disabled, event.options(), event.ref()));
        context.addEventFact(event.source(EventSource.CLOUDWATCH_EVENT_RULE, CfnValue.of(ruleArn), event.ref()));
        return CompileResult.COMPILED;
    }

    /**
     * The options whose pasted text breaks v3's JSON (v3 stops with a SyntaxError), or the event
     * itself when no single option does.
     */
    private static List<Refusal> unparsable(EventItem event, MapNode options, Map<String, String> pasted) {
        List<Refusal> refusals = new ArrayList<>();
        for (MapNode.Field option : options.fields()) {
            String text = pasted.get(option.key());
            boolean breaks = text != null && (option.key().equals("event") ? JsonTemplate.parse(text).isEmpty()
                    : JsonTemplate.stringLiteral(text).isEmpty());
            if (breaks) {
                refusals.add(CompileResult.refusal(event, Refusal.V3_INVALID_JSON, Details.where(option),
                        "cloudwatchEvent " + (option.key().equals("event") ? "event pattern" : option.key())
                                + " holds a double quote, backslash or line break that Serverless Framework v3"
                                + " pastes unescaped into the rule's JSON, which then does not parse: packaging"
                                + " fails; remove the character"));
            }
        }
        if (refusals.isEmpty()) {
            refusals.add(CompileResult.refusal(event, Refusal.V3_INVALID_JSON, event.ref(), "the EventBridge rule"
                    + " Serverless Framework v3 writes for this cloudwatchEvent as JSON text does not parse:"
                    + " packaging fails"));
        }
        return refusals;
    }

    /** v3's per-function counter: the items up to this one that have a truthy cloudwatchEvent. */
    private static int numberInFunction(FunctionSettings function, int index) {
        Optional<Node> events = function.config().get("events");
        if (events.isEmpty() || !(events.get() instanceof ListNode list)) {
            return 1;
        }
        int number = 0;
        for (int i = 0; i <= index && i < list.items().size(); i++) {
            if (list.items().get(i) instanceof MapNode item
                    && Js.truthy(NodeJson.toJsonOrNull(item.get("cloudwatchEvent")))) {
                number++;
            }
        }
        return number;
    }
}
