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
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.IotEvent;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.source.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code iot} events ({@code package/compile/events/iot.js}): per event an
 * {@code AWS::IoT::TopicRule} {@code <Fn>IotTopicRule<n>} whose action invokes the function, and
 * the {@code AWS::Lambda::Permission} {@code <Fn>LambdaPermissionIotTopicRule<n>} for
 * {@code iot.amazonaws.com} with the rule's ARN as source. v3 removes line breaks from the texts.
 */
public final class IotCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public EventType eventType() {
        return EventType.IOT;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        JsonNode value = NodeJson.toJson(event.config());
        if (!Js.truthy(value)) {
            return CompileResult.SKIPPED; // v3 compiles nothing for an empty value; the schema validation reports it
        }
        if (!(event.config() instanceof MapNode options) || !options.has("sql")) {
            return CompileResult.refused(event, Refusal.V3_UNREADABLE_OPTION, event.ref(), "iot event without sql"
                    + " makes Serverless Framework v3 fail to package the service (it crashes reading the rule's"
                    + " query); write it as a mapping with sql: \"SELECT * FROM '<topic>'\"");
        }
        List<Refusal> unreadable = new ArrayList<>();
        Optional<String> sql = text(event, options, "sql", true, unreadable);
        Optional<String> name = text(event, options, "name", false, unreadable);
        Optional<String> sqlVersion = text(event, options, "sqlVersion", false, unreadable);
        Optional<String> description = text(event, options, "description", false, unreadable);
        if (!unreadable.isEmpty()) {
            return new CompileResult.Refused(unreadable);
        }

        FunctionSettings function = event.function();
        int number = 1 + (int) context.eventFacts().stream().filter(IotEvent.class::isInstance)
                .filter(e -> ((IotEvent) e).function().equals(function.key())).count();
        String ruleId = Naming.iotTopicRuleLogicalId(function.key(), number);
        String permissionId = Naming.iotPermissionLogicalId(function.key(), number);
        Optional<String> alias = function.targetAlias().map(TargetAlias::logicalId);
        JsonNode enabledValue = value.get("enabled");
        boolean disabled = enabledValue != null && enabledValue.isBoolean() && !enabledValue.booleanValue();

        ObjectNode rule = JSON.objectNode();
        rule.put("Type", "AWS::IoT::TopicRule");
        alias.ifPresent(a -> rule.put("DependsOn", a));
        ObjectNode properties = rule.putObject("Properties");
        ObjectNode payload = properties.putObject("TopicRulePayload");
        payload.put("RuleDisabled", disabled);
        payload.put("Sql", sql.orElseThrow());
        payload.putArray("Actions").addObject().putObject("Lambda").set("FunctionArn", function.target());
        description.ifPresent(d -> payload.put("Description", d));
        sqlVersion.ifPresent(v -> payload.put("AwsIotSqlVersion", v));
        name.ifPresent(n -> properties.put("RuleName", n));

        ObjectNode permission = Cfn.invokePermission(alias, function.target(), "iot.amazonaws.com",
                Cfn.regionalArn("iot", Cfn.text(":rule/"), Cfn.ref(ruleId)));
        context.mergeResource(ruleId, rule, Optional.of(function.key()), event.ref());
        context.mergeResource(permissionId, permission, Optional.of(function.key()), event.ref());
        context.addEventFact(new IotEvent(function.key(), event.index(), sql.get(), name, !disabled, ruleId,
                permissionId, event.options(), event.ref(), options.get("sql").orElseThrow().ref()));
        return CompileResult.COMPILED;
    }

    /**
     * A text option without line breaks; empty when absent or falsy (v3 leaves it out). Any other
     * value (a mapping or list; the schema validation coerces numbers to text) makes v3 crash
     * removing the line breaks: a refusal.
     */
    private static Optional<String> text(EventItem event, MapNode options, String key, boolean required,
                                         List<Refusal> unreadable) {
        Optional<MapNode.Field> field = options.field(key);
        JsonNode value = field.map(f -> NodeJson.toJson(f.value())).orElse(null);
        if (!required && !Js.truthy(value)) {
            return Optional.empty();
        }
        if (value == null || !value.isTextual()) {
            unreadable.add(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION,
                    field.map(Details::where).orElse(event.ref()), "iot " + key + " "
                            + field.map(f -> Details.show(f.value())).orElse("missing") + " makes Serverless"
                            + " Framework v3 fail to package the service (it removes line breaks from it as text);"
                            + " write it as text"));
            return Optional.empty();
        }
        return Optional.of(value.textValue().replaceAll("\r?\n", ""));
    }
}
