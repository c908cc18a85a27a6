package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * An {@code iot} event as compiled: an {@code AWS::IoT::TopicRule} whose action invokes the
 * function, and the {@code AWS::Lambda::Permission} that lets AWS IoT do so for that rule.
 *
 * @param function     the function key
 * @param index        position in the function's {@code events:}
 * @param sql          the rule's SQL statement (line breaks removed, as v3 does)
 * @param ruleName     the rule's {@code name}, when given (CloudFormation names it otherwise)
 * @param enabled      false when {@code enabled: false} ({@code RuleDisabled: true})
 * @param ruleId       logical id of the {@code AWS::IoT::TopicRule}
 * @param permissionId logical id of the {@code AWS::Lambda::Permission}
 * @param options      the event value as written, typed and located
 * @param ref          the event item's location
 * @param sqlRef       the location of the {@code sql} value
 */
public record IotEvent(String function, int index, String sql, Optional<String> ruleName, boolean enabled,
                       String ruleId, String permissionId, Setting options, SourceRef ref, SourceRef sqlRef) {
}
