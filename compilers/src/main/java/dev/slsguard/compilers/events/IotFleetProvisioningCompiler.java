package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IotFleetProvisioningEvent;
import java.util.Optional;

/**
 * {@code iotFleetProvisioning} events ({@code package/compile/events/iot-fleet-provisioning.js}):
 * the function's {@code AWS::IoT::ProvisioningTemplate} {@code <Fn>IotProvisioningTemplate}, with
 * the function as pre-provisioning hook and the template body as JSON text, and the
 * {@code AWS::Lambda::Permission} {@code <Fn>LambdaPermissionIotProvisioningTemplate} for
 * {@code iot.amazonaws.com} (v3 gives it no source). One such event per function: v3 refuses a
 * second one.
 */
public final class IotFleetProvisioningCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public EventType eventType() {
        return EventType.IOT_FLEET_PROVISIONING;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        JsonNode value = NodeJson.toJson(event.config());
        if (!Js.truthy(value)) {
            return CompileResult.SKIPPED; // v3 compiles nothing for an empty value; the schema validation reports it
        }
        FunctionSettings function = event.function();
        boolean earlier = context.eventFacts().stream().filter(IotFleetProvisioningEvent.class::isInstance)
                .anyMatch(e -> ((IotFleetProvisioningEvent) e).function().equals(function.key()));
        if (earlier) {
            return CompileResult.refused(event, "MULTIPLE_IOT_PROVISIONING_TEMPLATE_HOOK", event.ref(), "function "
                    + function.key() + " has more than one iotFleetProvisioning event, and Serverless Framework v3"
                    + " refuses to package it: a function is the pre-provisioning hook of one template; keep one"
                    + " event, or give the other template its own function");
        }
        String templateId = Naming.iotProvisioningTemplateLogicalId(function.key());
        String permissionId = Naming.iotProvisioningPermissionLogicalId(function.key());
        Optional<String> alias = function.targetAlias().map(TargetAlias::logicalId);
        JsonNode enabled = value.get("enabled");
        JsonNode roleArn = value.get("provisioningRoleArn");
        JsonNode body = value.get("templateBody");
        JsonNode name = value.get("templateName");

        ObjectNode template = JSON.objectNode();
        template.put("Type", "AWS::IoT::ProvisioningTemplate");
        ObjectNode properties = template.putObject("Properties");
        properties.set("Enabled", enabled != null ? enabled : JSON.booleanNode(true));
        properties.putObject("PreProvisioningHook").set("TargetArn", function.target());
        if (roleArn != null) {
            properties.set("ProvisioningRoleArn", roleArn);
        }
        if (body != null) {
            properties.put("TemplateBody", Js.stringify(body));
        }
        if (Js.truthy(name)) {
            properties.set("TemplateName", name);
        }
        ArrayNode dependsOn = template.putArray("DependsOn").add(permissionId);
        alias.ifPresent(dependsOn::add);

        ObjectNode permission = JSON.objectNode();
        permission.put("Type", "AWS::Lambda::Permission");
        alias.ifPresent(a -> permission.put("DependsOn", a));
        ObjectNode permissionProperties = permission.putObject("Properties");
        permissionProperties.set("FunctionName", function.target());
        permissionProperties.put("Action", "lambda:InvokeFunction");
        permissionProperties.put("Principal", "iot.amazonaws.com");

        context.putResource(templateId, template, Optional.of(function.key()), event.ref());
        context.putResource(permissionId, permission, Optional.of(function.key()), event.ref());
        boolean isEnabled = !(enabled != null && enabled.isBoolean() && !enabled.booleanValue());
        context.addEventFact(new IotFleetProvisioningEvent(function.key(), event.index(), templateId, permissionId,
                CfnValue.of(roleArn), isEnabled, event.options(), event.ref()));
        return CompileResult.COMPILED;
    }
}
