package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * An {@code eventBridge} event as compiled: an EventBridge rule that invokes the function when an
 * event on its bus matches its pattern, or on a schedule. Natively an {@code AWS::Events::Rule}
 * with an {@code AWS::Lambda::Permission} (and the {@code AWS::Events::EventBus} when the service
 * creates the bus); with {@code provider.eventBridge.useCloudFormation: false} a
 * {@code Custom::EventBridge} resource that the framework's custom-resource function turns into
 * the rule at deploy time.
 *
 * @param function           the function key
 * @param functionIndex      the function's position in {@code functions:}
 * @param index              position in the function's {@code events:}
 * @param number             {@code index + 1}: v3 numbers the rule and permission by the event's
 *                           position among all the function's events
 * @param customResource     compiled as the legacy {@code Custom::EventBridge} resource
 * @param eventBus           {@code eventBus} as written: a name, an ARN or an intrinsic; empty for
 *                           the default bus
 * @param busName            the bus name as v3 reads it from a string (an ARN's part after the first
 *                           {@code /}); empty without a bus or for an intrinsic
 * @param busId              logical id of the {@code AWS::Events::EventBus} the service creates for
 *                           a bus given by name (not {@code default}), when it does
 * @param ruleName           the rule's name: {@code name}, else {@code <FunctionName>-rule-<number>}
 *                           (hashed beyond 64 characters)
 * @param ruleId             logical id of the {@code AWS::Events::Rule}, or of the
 *                           {@code Custom::EventBridge} resource
 * @param permissionId       logical id of the {@code AWS::Lambda::Permission}; empty for the custom resource
 * @param enabled            false when the rule is created {@code DISABLED}
 * @param pattern            {@code pattern}: the event pattern
 * @param schedule           {@code schedule}: a rate or cron expression
 * @param retryPolicy        {@code retryPolicy}
 * @param deadLetterQueueArn {@code deadLetterQueueArn}
 * @param options            the whole event value
 * @param ref                the event item's location
 */
public record EventBridgeEvent(String function, int functionIndex, int index, int number, boolean customResource,
                               Optional<CfnValue> eventBus, Optional<String> busName, Optional<String> busId,
                               String ruleName, String ruleId, Optional<String> permissionId, boolean enabled,
                               Setting pattern, Setting schedule, Setting retryPolicy, Setting deadLetterQueueArn,
                               Setting options, SourceRef ref) {

    /** True for a bus given by a literal name or ARN other than {@code default}. */
    public boolean customBus() {
        return busName.filter(name -> !name.isEmpty() && !name.equals("default")).isPresent();
    }
}
