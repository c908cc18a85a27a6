package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.engine.model.AlexaEvent;
import java.util.Optional;

/**
 * The one resource {@code alexaSkill} and {@code alexaSmartHome} events compile to: an
 * {@code AWS::Lambda::Permission} for Alexa's service principal, limited to one skill by its
 * {@code EventSourceToken}.
 */
final class AlexaPermissions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AlexaPermissions() {
    }

    /** The n-th event of this type in the function (v3 counts the events it compiles, from 1). */
    static int number(CompileContext context, EventItem event) {
        return 1 + (int) context.eventFacts().stream().filter(AlexaEvent.class::isInstance).map(AlexaEvent.class::cast)
                .filter(e -> e.type().equals(event.type().key()) && e.function().equals(event.function().key()))
                .count();
    }

    /**
     * Adds the permission and the event's fact.
     *
     * @param appId   the skill id, when the event gives one (v3 writes no token otherwise)
     * @param enabled false: the permission's action is {@code lambda:DisableInvokeFunction}
     */
    static void add(CompileContext context, EventItem event, String principal, String logicalId,
                    Optional<String> appId, boolean enabled) {
        FunctionSettings function = event.function();
        ObjectNode permission = JSON.objectNode();
        permission.put("Type", "AWS::Lambda::Permission");
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(alias -> permission.put("DependsOn", alias));
        ObjectNode properties = permission.putObject("Properties");
        properties.set("FunctionName", function.target());
        properties.put("Action", enabled ? "lambda:InvokeFunction" : "lambda:DisableInvokeFunction");
        properties.put("Principal", principal);
        Optional<String> token = appId.map(AlexaPermissions::withoutEscapedBreaks);
        token.ifPresent(t -> properties.put("EventSourceToken", t));
        context.mergeResource(logicalId, permission, Optional.of(function.key()), event.ref());
        context.addEventFact(new AlexaEvent(event.type().key(), function.key(), event.index(), token, enabled,
                logicalId, event.options(), event.ref()));
    }

    /** {@code enabled !== false}: only the boolean false disables the permission. */
    static boolean enabled(JsonNode options) {
        JsonNode enabled = options.get("enabled");
        return !(enabled != null && enabled.isBoolean() && !enabled.booleanValue());
    }

    /**
     * v3 removes the two-character sequences backslash-n and backslash-r from the token (its
     * pattern escapes the backslash, so real line breaks stay).
     */
    private static String withoutEscapedBreaks(String appId) {
        return appId.replace("\\n", "").replace("\\r", "");
    }
}
