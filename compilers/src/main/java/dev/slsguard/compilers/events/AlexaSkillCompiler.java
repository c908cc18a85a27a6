package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.source.MapNode;
import java.util.Optional;

/**
 * {@code alexaSkill} events ({@code package/compile/events/alexa-skill.js}): one
 * {@code AWS::Lambda::Permission} per event, {@code <Fn>LambdaPermissionAlexaSkill<n>}, for
 * {@code alexa-appkit.amazon.com}, with the skill id as {@code EventSourceToken}. A mapping without
 * {@code appId} (which v3's schema rejects, but packages in warn mode) gives a permission for every
 * skill. The bare word {@code - alexaSkill} is no event of this type: v3 compiles nothing for it
 * (the schema and the deprecation rules report it).
 */
public final class AlexaSkillCompiler implements EventCompiler {

    private static final String PRINCIPAL = "alexa-appkit.amazon.com";

    @Override
    public EventType eventType() {
        return EventType.ALEXA_SKILL;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        JsonNode value = NodeJson.toJson(event.config());
        if (!Js.truthy(value)) {
            return CompileResult.SKIPPED; // v3 compiles nothing for an empty value; the schema validation reports it
        }
        Optional<String> appId = Optional.empty();
        boolean enabled = true;
        if (value.isTextual()) {
            appId = Optional.of(value.textValue());
        } else if (value.isObject()) {
            enabled = AlexaPermissions.enabled(value);
            JsonNode id = value.get("appId");
            if (Js.truthy(id) && !id.isTextual()) {
                MapNode.Field field = ((MapNode) event.config()).field("appId").orElseThrow();
                return CompileResult.refused(event, Refusal.V3_UNREADABLE_OPTION, Details.where(field),
                        "alexaSkill appId " + Details.show(field.value()) + " makes Serverless Framework v3 fail to"
                                + " package the service (it removes line breaks from it as text); give the skill id,"
                                + " such as amzn1.ask.skill.<id>");
            }
            appId = Js.truthy(id) ? Optional.of(id.textValue()) : Optional.empty();
        }
        int number = AlexaPermissions.number(context, event);
        AlexaPermissions.add(context, event, PRINCIPAL,
                Naming.alexaSkillPermissionLogicalId(event.function().key(), number), appId, enabled);
        return CompileResult.COMPILED;
    }
}
