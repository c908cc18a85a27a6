package dev.slsguard.engine.model;

import dev.slsguard.engine.source.Node;

/**
 * An {@code sqs} event as compiled.
 *
 * @param function  the function key
 * @param index     position in the function's {@code events:}
 * @param arn       the queue ARN as written (a literal or an intrinsic)
 * @param queueName the name v3 derives from the ARN (used in the logical id)
 * @param mappingId logical id of the {@code AWS::Lambda::EventSourceMapping}
 * @param config    the raw event value (string or object)
 * @param ref       the event item's location
 * @param arnRef    the ARN's location
 */
public record SqsEvent(String function, int index, CfnValue arn, String queueName, String mappingId,
                       Node config, SourceRef ref, SourceRef arnRef) {
}
