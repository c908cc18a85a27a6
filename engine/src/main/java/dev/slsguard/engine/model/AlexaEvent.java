package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * An {@code alexaSkill} or {@code alexaSmartHome} event as compiled: an
 * {@code AWS::Lambda::Permission} that lets Alexa invoke the function on behalf of one skill (its
 * {@code EventSourceToken}), or of any skill when the permission has no token.
 *
 * @param type         {@link #SKILL} or {@link #SMART_HOME}
 * @param function     the function key
 * @param index        position in the function's {@code events:}
 * @param appId        the skill id the permission is limited to; empty when the event names none
 *                     (a mapping without {@code appId}, or an empty one), so any skill may invoke
 * @param enabled      false when {@code enabled: false} ({@code lambda:DisableInvokeFunction})
 * @param permissionId logical id of the {@code AWS::Lambda::Permission}
 * @param options      the event value as written (a string or a mapping), typed and located
 * @param ref          the event item's location
 */
public record AlexaEvent(String type, String function, int index, Optional<String> appId, boolean enabled,
                         String permissionId, Setting options, SourceRef ref) {

    /** Alexa Skills Kit ({@code alexa-appkit.amazon.com}). */
    public static final String SKILL = "alexaSkill";
    /** Alexa Smart Home ({@code alexa-connectedhome.amazon.com}). */
    public static final String SMART_HOME = "alexaSmartHome";

    /** Whether any skill may invoke the function (enabled, and no skill id). */
    public boolean anySkill() {
        return enabled && appId.isEmpty();
    }
}
