package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * An {@code sns} event as compiled: a function subscribed to a topic the service creates (a
 * topic name) or to an existing topic (an ARN).
 *
 * @param function           the function key
 * @param index              position in the function's {@code events:}
 * @param topicName          the topic name v3 uses in logical ids (given, or the ARN's last segment)
 * @param topicArn           the topic ARN: as written for an existing topic, a {@code Fn::Join}
 *                           of partition, region, account and name for a created one
 * @param created            true when the framework creates the topic ({@code AWS::SNS::Topic})
 * @param topicId            logical id of the created topic, for a created topic
 * @param subscriptionId     logical id of the {@code AWS::SNS::Subscription}, when the
 *                           subscription is a resource of its own (existing topic, filter policy
 *                           or redrive policy); empty when it is inline in the created topic
 * @param permissionId       logical id of the {@code AWS::Lambda::Permission} for SNS
 * @param filtered           whether the event sets a {@code filterPolicy}
 * @param region             the topic's region when it is not the deployment region (object form
 *                           with a literal ARN only, as v3 does)
 * @param deadLetterTarget   the redrive policy's dead-letter queue ARN, if any
 * @param queuePolicyId      logical id of the {@code AWS::SQS::QueuePolicy} that lets the topic
 *                           send to the dead-letter queue, if any
 * @param options            the event value as written (a string or a mapping), typed and located
 * @param ref                the event item's location
 * @param topicRef           where the topic is named: the string, the {@code arn} or the
 *                           {@code topicName}
 */
public record SnsEvent(String function, int index, String topicName, CfnValue topicArn, boolean created,
                       Optional<String> topicId, Optional<String> subscriptionId, String permissionId,
                       boolean filtered, Optional<String> region, Optional<CfnValue> deadLetterTarget,
                       Optional<String> queuePolicyId, Setting options, SourceRef ref, SourceRef topicRef) {
}
