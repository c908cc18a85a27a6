package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.source.Node;
import java.util.Optional;

/**
 * A {@code cloudwatchEvent} event as compiled: an EventBridge rule on the default bus that
 * invokes the function when an event matches its pattern.
 *
 * @param function     the function key
 * @param index        position in the function's {@code events:}
 * @param number       1-based count of this function's cloudwatchEvent events (in the logical ids)
 * @param ruleId       logical id of the {@code AWS::Events::Rule}
 * @param permissionId logical id of the {@code AWS::Lambda::Permission} for EventBridge
 * @param eventPattern the rule's {@code EventPattern} as compiled; treat as read-only
 * @param name         the rule name, when given
 * @param enabled      false when the rule is created {@code DISABLED}
 * @param options      the event value as written, typed and located
 * @param ref          the event item's location
 */
public record CloudwatchEvent(String function, int index, int number, String ruleId, String permissionId,
                              JsonNode eventPattern, Optional<String> name, boolean enabled, Setting options,
                              SourceRef ref) {
}
