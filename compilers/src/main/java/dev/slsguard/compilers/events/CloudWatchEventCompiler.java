package dev.slsguard.compilers.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Coerce;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.merge.JsNumbers;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.CloudwatchEvent;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
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
 * parse back (a quote in a name) makes the event uncompilable, as v3 fails on it.
 */
public final class CloudWatchEventCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern ESCAPED_BREAK = Pattern.compile("\\\\n|\\\\r");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    @Override
    public String eventType() {
        return "cloudwatchEvent";
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
            return CompileResult.SKIPPED; // v3 stops with a TypeError on the missing pattern
        }
        JsonNode enabled = Coerce.bool(config.get("enabled"));
        boolean disabled = enabled != null && enabled.isBoolean() && !enabled.booleanValue();
        JsonNode name = Coerce.string(config.get("name"));
        JsonNode inputPath = Coerce.string(config.get("inputPath"));
        JsonNode description = Coerce.string(config.get("description"));
        JsonNode input = config.get("input");
        if (input != null && input.isValueNode()) {
            input = Coerce.string(input);
        }
        JsonNode inputTransformer = config.get("inputTransformer");
        int inputs = (Js.truthy(input) ? 1 : 0) + (Js.truthy(inputPath) ? 1 : 0)
                + (Js.truthy(inputTransformer) ? 1 : 0);
        if (inputs > 1) {
            return CompileResult.SKIPPED; // CLOUDWATCH_MULTIPLE_INPUT_PROPERTIES
        }

        String ruleId = Naming.cloudWatchEventLogicalId(function.key(), number);
        String permissionId = Naming.cloudWatchEventPermissionLogicalId(function.key(), number);
        Optional<String> alias = function.targetAlias().map(TargetAlias::logicalId);
        String target = Js.stringify(function.target());

        StringBuilder rule = new StringBuilder("{\"Type\": \"AWS::Events::Rule\",");
        alias.ifPresent(a -> rule.append("\"DependsOn\": \"").append(a).append("\","));
        rule.append("\"Properties\": {\"EventPattern\": ")
                .append(ESCAPED_BREAK.matcher(Js.stringify(pattern)).replaceAll(""))
                .append(", \"State\": \"").append(disabled ? "DISABLED" : "ENABLED").append("\",");
        if (Js.truthy(description)) {
            rule.append("\"Description\": \"").append(Js.string(description)).append("\",");
        }
        if (Js.truthy(name)) {
            rule.append("\"Name\": \"").append(Js.string(name)).append("\",");
        }
        rule.append("\"Targets\": [{");
        if (Js.truthy(input)) {
            String value = input.isTextual() ? input.textValue() : Js.stringify(input);
            value = value.replace("\"", "\\\"");
            rule.append("\"Input\": \"").append(ESCAPED_BREAK.matcher(value).replaceAll("")).append("\",");
        }
        if (Js.truthy(inputPath)) {
            rule.append("\"InputPath\": \"").append(LINE_BREAK.matcher(Js.string(inputPath)).replaceAll(""))
                    .append("\",");
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

        ObjectNode ruleResource;
        try {
            ruleResource = (ObjectNode) JsNumbers.normalize(MAPPER.readTree(rule.toString()));
        } catch (JsonProcessingException e) {
            return CompileResult.SKIPPED; // v3 stops with a SyntaxError: text it pasted in broke the JSON
        }

        ObjectNode ruleArn = Cfn.getAtt(ruleId, "Arn");
        ObjectNode permission = Cfn.invokePermission(alias, function.target(), "events.amazonaws.com", ruleArn);

        Optional<String> owner = Optional.of(function.key());
        context.mergeResource(ruleId, ruleResource, owner, event.ref());
        context.mergeResource(permissionId, permission, owner, event.ref());

        JsonNode compiledPattern = ruleResource.path("Properties").path("EventPattern");
        Optional<String> ruleName = Optional.ofNullable(ruleResource.path("Properties").get("Name"))
                .filter(JsonNode::isTextual).map(JsonNode::textValue);
        context.addEventFact(new CloudwatchEvent(function.key(), event.index(), number, ruleId, permissionId,
                compiledPattern.deepCopy(), ruleName, !disabled, event.config(), event.ref()));
        context.addEventFact(new EventSource(function.key(), function.index(), event.index(), eventType(),
                EventSource.CLOUDWATCH_EVENT_RULE, CfnValue.of(ruleArn), event.ref()));
        return CompileResult.COMPILED;
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
