package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.Optional;

/**
 * {@code alexaSmartHome} events ({@code package/compile/events/alexa-smart-home.js}): one
 * {@code AWS::Lambda::Permission} per event, {@code <Fn>LambdaPermissionAlexaSmartHome<n>}, for
 * {@code alexa-connectedhome.amazon.com}, with the skill id as {@code EventSourceToken}. Unlike
 * {@code alexaSkill}, v3 cannot package one without a skill id: it crashes reading the missing
 * token, in every configValidationMode.
 */
public final class AlexaSmartHomeCompiler implements EventCompiler {

    private static final String PRINCIPAL = "alexa-connectedhome.amazon.com";

    @Override
    public EventType eventType() {
        return EventType.ALEXA_SMART_HOME;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        JsonNode value = NodeJson.toJson(event.config());
        if (!Js.truthy(value)) {
            return CompileResult.SKIPPED; // v3 compiles nothing for an empty value; the schema validation reports it
        }
        JsonNode appId;
        boolean enabled = true;
        SourceRef where = event.config().ref();
        if (value.isObject()) {
            appId = value.get("appId");
            enabled = AlexaPermissions.enabled(value);
            where = ((MapNode) event.config()).field("appId").map(Details::where).orElse(event.ref());
        } else {
            appId = value.isTextual() ? value : null;
        }
        if (appId == null || !appId.isTextual()) {
            return CompileResult.refused(event, Refusal.V3_UNREADABLE_OPTION, where, "alexaSmartHome event without"
                    + " a skill id as text makes Serverless Framework v3 fail to package the service (it crashes"
                    + " reading the missing EventSourceToken); give appId: amzn1.ask.skill.<id>");
        }
        int number = AlexaPermissions.number(context, event);
        AlexaPermissions.add(context, event, PRINCIPAL,
                Naming.alexaSmartHomePermissionLogicalId(event.function().key(), number),
                Optional.of(appId.textValue()), enabled);
        return CompileResult.COMPILED;
    }
}
