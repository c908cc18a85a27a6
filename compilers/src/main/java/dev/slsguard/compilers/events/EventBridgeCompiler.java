package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.custom.CustomResources;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventBridgeEvent;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code eventBridge} events ({@code package/compile/events/event-bridge/index.js}). Natively (the
 * default) one {@code AWS::Events::Rule} {@code <Alnum(FunctionName-rule-n)>EventBridgeRule} and one
 * {@code AWS::Lambda::Permission} {@code <Fn>EventBridgeLambdaPermission<n>} per event, n the
 * event's 1-based position among all the function's events, and an {@code AWS::Events::EventBus}
 * for a bus given by name. With {@code provider.eventBridge} set but {@code useCloudFormation} not
 * true, the legacy integration: one {@code Custom::EventBridge} {@code <Fn>CustomEventBridge<n>} per
 * event, run by the framework's custom-resource function (see {@link CustomResources}); its role's
 * statements are derived by rules from the {@link EventBridgeEvent} facts.
 */
public final class EventBridgeCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public EventType eventType() {
        return EventType.EVENT_BRIDGE;
    }

    /**
     * v3's {@code options ? options.useCloudFormation : true} on {@code provider.eventBridge} (as
     * coerced): a present block without a true {@code useCloudFormation} (even {@code {}}) selects
     * the custom resource.
     */
    static boolean customResource(ServiceSettings settings) {
        JsonNode options = settings.providerValue("eventBridge");
        if (!Js.truthy(options)) {
            return false;
        }
        return !Js.truthy(options.isObject() ? options.get("useCloudFormation") : null);
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        Node config = event.config();
        if (!Js.truthy(NodeJson.toJson(config))) {
            return CompileResult.SKIPPED; // v3 skips a falsy eventBridge; the schema reports it
        }
        // any other value than a mapping is read as v3 reads it: every option undefined
        Optional<MapNode> options = config instanceof MapNode map ? Optional.of(map) : Optional.empty();
        boolean customResource = customResource(context.settings());
        List<Refusal> refusals = refusals(event, options, customResource);
        if (!refusals.isEmpty()) {
            return new CompileResult.Refused(refusals);
        }

        FunctionSettings function = event.function();
        int number = event.index() + 1;
        JsonNode name = option(options, "name");
        String ruleName = Js.truthy(name) ? Js.string(name)
                : Naming.eventBridgeRuleName(function.name(), number);
        JsonNode enabled = option(options, "enabled");
        boolean disabled = enabled != null && enabled.isBoolean() && !enabled.booleanValue();
        JsonNode eventBus = option(options, "eventBus");
        // v3 reads a bus ARN's name after its first '/' (the whole ARN when there is none)
        Optional<String> busName = eventBus != null && eventBus.isTextual()
                ? Optional.of(busName(eventBus.textValue())) : Optional.empty();

        Optional<String> busId = Optional.empty();
        Optional<String> permissionId = Optional.empty();
        String ruleId;
        JsonNode ruleArn = ruleArn(eventBus, busName, ruleName);
        if (customResource) {
            ruleId = Naming.customEventBridgeLogicalId(function.key(), number);
            context.mergeResource(ruleId, customEventBridge(function, options, ruleName, disabled), Optional.of(
                    function.key()), event.ref());
        } else {
            boolean existingBus = eventBus != null && (eventBus.isContainerNode()
                    || eventBus.isTextual() && eventBus.textValue().startsWith("arn"));
            if (!existingBus && busName.filter(n -> !n.isEmpty() && !n.equals("default")).isPresent()) {
                busId = Optional.of(Naming.eventBusLogicalId(busName.get()));
                ObjectNode bus = JSON.objectNode();
                bus.put("Type", "AWS::Events::EventBus");
                bus.putObject("Properties").put("Name", busName.get());
                context.mergeResource(busId.get(), bus, Optional.empty(), event.ref());
            }
            ruleId = Naming.eventBridgeRuleLogicalId(function.name(), number);
            JsonNode busNameValue = busName.<JsonNode>map(JSON::textNode).orElse(eventBus);
            context.mergeResource(ruleId, rule(function, options, busNameValue, busId, ruleName, disabled),
                    Optional.of(function.key()), event.ref());
            permissionId = Optional.of(Naming.eventBridgePermissionLogicalId(function.key(), number));
            context.mergeResource(permissionId.get(), permission(function, ruleArn), Optional.of(function.key()),
                    event.ref());
        }

        Setting settings = Setting.of(config, event.ref());
        context.addEventFact(new EventBridgeEvent(function.key(), function.index(), event.index(), number,
                customResource, Optional.ofNullable(eventBus).filter(Js::present).map(CfnValue::of), busName, busId, ruleName, ruleId,
                permissionId, !disabled, settings.get("pattern"), settings.get("schedule"),
                settings.get("retryPolicy"), settings.get("deadLetterQueueArn"), settings, event.ref()));
        context.addEventFact(event.source(EventSource.EVENT_BRIDGE_RULE, CfnValue.of(ruleArn), event.ref()));
        return CompileResult.COMPILED;
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        List<EventItem> compiled = context.compiledEvents(eventType());
        if (!compiled.isEmpty() && customResource(context.settings())) {
            CustomResources.add(context, CustomResources.Kind.EVENT_BRIDGE, eventType(), compiled.get(0).ref());
        }
        return List.of();
    }

    /**
     * What v3 refuses, in the order it checks: more than one input option; with the custom
     * resource, retryPolicy, deadLetterQueueArn and a bus given as an intrinsic (or any non-string).
     */
    private static List<Refusal> refusals(EventItem event, Optional<MapNode> options, boolean customResource) {
        List<Refusal> refusals = new ArrayList<>();
        RuleTargetInputs.moreThanOne(event, options, "EVENTBRIDGE_MULTIPLE_INPUT_PROPERTIES").ifPresent(refusals::add);
        if (!customResource) {
            return refusals;
        }
        String nativeFix = "; remove the provider.eventBridge block to compile the rule as native CloudFormation,"
                + " which supports it";
        field(options, "retryPolicy").filter(f -> Js.truthy(NodeJson.toJson(f.value()))).ifPresent(f ->
                refusals.add(CompileResult.refusal(event, "ERROR_INVALID_RETRY_POLICY_TO_EVENT_BUS_CUSTOM_RESOURCE",
                        Details.where(f), "eventBridge retryPolicy is not supported by the legacy Custom::EventBridge"
                                + " integration that provider.eventBridge selects: Serverless Framework v3 refuses to"
                                + " package this (ERROR_INVALID_RETRY_POLICY_TO_EVENT_BUS_CUSTOM_RESOURCE)"
                                + nativeFix)));
        field(options, "deadLetterQueueArn").filter(f -> Js.truthy(NodeJson.toJson(f.value()))).ifPresent(f ->
                refusals.add(CompileResult.refusal(event,
                        "ERROR_INVALID_DEAD_LETTER_CONFIG_TO_EVENT_BUS_CUSTOM_RESOURCE", Details.where(f),
                        "eventBridge deadLetterQueueArn is not supported by the legacy Custom::EventBridge"
                                + " integration that provider.eventBridge selects: Serverless Framework v3 refuses to"
                                + " package this (ERROR_INVALID_DEAD_LETTER_CONFIG_TO_EVENT_BUS_CUSTOM_RESOURCE)"
                                + nativeFix)));
        field(options, "eventBus").filter(f -> NodeJson.toJson(f.value()).isContainerNode()).ifPresent(f ->
                refusals.add(CompileResult.refusal(event, "ERROR_INVALID_REFERENCE_TO_EVENT_BUS_CUSTOM_RESOURCE",
                        f.keyRef(), "eventBridge eventBus given as " + given(f.value()) + " is not supported by the"
                                + " legacy Custom::EventBridge integration that provider.eventBridge selects, which"
                                + " takes a bus name or ARN: Serverless Framework v3 refuses to package this"
                                + " (ERROR_INVALID_REFERENCE_TO_EVENT_BUS_CUSTOM_RESOURCE); give the bus's name or"
                                + " ARN, or remove the provider.eventBridge block to compile the rule as native"
                                + " CloudFormation, which supports it")));
        return refusals;
    }

    /** How a non-string bus is named in a refusal: the intrinsic's name, else its kind. */
    private static String given(Node value) {
        return value instanceof MapNode map && map.size() == 1 ? map.keys().get(0) : Details.show(value);
    }

    /** The native rule: v3's property order, undefined values left out. */
    private static ObjectNode rule(FunctionSettings function, Optional<MapNode> options, JsonNode busName,
                                   Optional<String> busId, String ruleName, boolean disabled) {
        ObjectNode rule = JSON.objectNode();
        rule.put("Type", "AWS::Events::Rule");
        Optional<String> dependsOn = busId.or(() -> function.targetAlias().map(TargetAlias::logicalId));
        dependsOn.ifPresent(d -> rule.put("DependsOn", d));
        ObjectNode properties = rule.putObject("Properties");
        putIfPresent(properties, "Description", option(options, "description"));
        if (busName == null || !(busName.isTextual() && busName.textValue().equals("default"))) {
            putIfPresent(properties, "EventBusName", busName);
        }
        putIfPresent(properties, "EventPattern", option(options, "pattern"));
        properties.put("Name", ruleName);
        putIfPresent(properties, "ScheduleExpression", option(options, "schedule"));
        properties.put("State", disabled ? "DISABLED" : "ENABLED");

        ObjectNode target = properties.putArray("Targets").addObject();
        target.set("Arn", function.target());
        target.put("Id", Naming.eventBridgeTargetId(ruleName));
        JsonNode retryPolicy = option(options, "retryPolicy");
        if (Js.truthy(retryPolicy)) {
            ObjectNode policy = target.putObject("RetryPolicy");
            putIfPresent(policy, "MaximumEventAgeInSeconds", retryPolicy.get("maximumEventAge"));
            putIfPresent(policy, "MaximumRetryAttempts", retryPolicy.get("maximumRetryAttempts"));
        }
        JsonNode deadLetterQueue = option(options, "deadLetterQueueArn");
        if (Js.truthy(deadLetterQueue)) {
            target.putObject("DeadLetterConfig").set("Arn", deadLetterQueue);
        }
        JsonNode input = option(options, "input");
        JsonNode inputPath = option(options, "inputPath");
        JsonNode inputTransformer = option(options, "inputTransformer");
        if (Js.truthy(input)) {
            target.put("Input", Js.stringify(input));
        } else if (Js.truthy(inputPath)) {
            target.set("InputPath", inputPath);
        } else if (Js.truthy(inputTransformer)) {
            target.set("InputTransformer", upperFirstKeys(inputTransformer));
        }
        return rule;
    }

    /** The permission for EventBridge to invoke the function from this rule. */
    private static ObjectNode permission(FunctionSettings function, JsonNode ruleArn) {
        ObjectNode permission = JSON.objectNode();
        permission.put("Type", "AWS::Lambda::Permission");
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(a -> permission.put("DependsOn", a));
        ObjectNode properties = permission.putObject("Properties");
        properties.put("Action", "lambda:InvokeFunction");
        properties.set("FunctionName", function.target());
        properties.put("Principal", "events.amazonaws.com");
        properties.set("SourceArn", ruleArn);
        return permission;
    }

    /**
     * {@code arn:<partition>:events:<region>:<account>:rule/[<bus>/]<name>} as v3 joins it: the bus
     * as v3 reads it ({@code default} included), when there is one.
     */
    private static JsonNode ruleArn(JsonNode eventBus, Optional<String> busName, String ruleName) {
        List<JsonNode> path = new ArrayList<>();
        path.add(Cfn.text("rule"));
        JsonNode bus = busName.<JsonNode>map(JSON::textNode).orElse(eventBus);
        if (Js.truthy(bus)) {
            path.add(bus.deepCopy());
        }
        path.add(Cfn.text(ruleName));
        return Cfn.join(":", Cfn.text("arn"), Cfn.ref("AWS::Partition"), Cfn.text("events"), Cfn.ref("AWS::Region"),
                Cfn.ref("AWS::AccountId"), Cfn.join("/", path.toArray(JsonNode[]::new)));
    }

    /** The legacy {@code Custom::EventBridge} resource: the rule's settings as the custom resource takes them. */
    private static ObjectNode customEventBridge(FunctionSettings function, Optional<MapNode> options,
                                                String ruleName, boolean disabled) {
        ObjectNode resource = CustomResources.resource(CustomResources.Kind.EVENT_BRIDGE, "Custom::EventBridge",
                function);
        ObjectNode config = ((ObjectNode) resource.get("Properties")).putObject("EventBridgeConfig");
        config.put("RuleName", ruleName);
        config.put("State", disabled ? "DISABLED" : "ENABLED");
        putIfPresent(config, "EventBus", option(options, "eventBus"));
        putIfPresent(config, "Schedule", option(options, "schedule"));
        putIfPresent(config, "Pattern", option(options, "pattern"));
        putIfPresent(config, "Input", option(options, "input"));
        putIfPresent(config, "InputPath", option(options, "inputPath"));
        JsonNode inputTransformer = option(options, "inputTransformer");
        if (Js.present(inputTransformer)) {
            config.set("InputTransformer", Js.truthy(inputTransformer) ? upperFirstKeys(inputTransformer)
                    : inputTransformer);
        }
        return resource;
    }

    /** lodash {@code _.mapKeys} with the first character upper-cased, as v3 does to inputTransformer. */
    private static JsonNode upperFirstKeys(JsonNode value) {
        ObjectNode out = JSON.objectNode();
        if (value.isObject()) {
            value.properties().forEach(e -> out.set(upperFirst(e.getKey()), e.getValue()));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                out.set(Integer.toString(i), value.get(i));
            }
        } else if (value.isTextual()) {
            String text = value.textValue();
            for (int i = 0; i < text.length(); i++) {
                out.put(Integer.toString(i), String.valueOf(text.charAt(i)));
            }
        }
        return out;
    }

    private static String upperFirst(String key) {
        return key.isEmpty() ? key : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }

    /** v3's {@code EventBus.slice(EventBus.indexOf('/') + 1)} for a bus starting with {@code arn}. */
    private static String busName(String eventBus) {
        return eventBus.startsWith("arn") ? eventBus.substring(eventBus.indexOf('/') + 1) : eventBus;
    }

    private static Optional<MapNode.Field> field(Optional<MapNode> options, String key) {
        return options.flatMap(m -> m.field(key));
    }

    /** An option as JSON; a Java {@code null} (undefined) when absent. */
    private static JsonNode option(Optional<MapNode> options, String key) {
        return options.flatMap(m -> m.get(key)).map(NodeJson::toJson).orElse(null);
    }

    /** Sets a value v3's JSON keeps: undefined and null values are left out. */
    private static void putIfPresent(ObjectNode object, String key, JsonNode value) {
        if (Js.present(value)) {
            object.set(key, value);
        }
    }
}
