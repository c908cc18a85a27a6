package dev.slsguard.engine.model;

import dev.slsguard.engine.source.Node;
import java.util.Optional;

/**
 * A {@code stream} event (DynamoDB or Kinesis) as compiled.
 *
 * @param function          the function key
 * @param index             position in the function's {@code events:}
 * @param streamType        {@code kinesis} or {@code dynamodb} ({@code type:} or from the ARN)
 * @param arn               the stream ARN as written
 * @param streamName        the name v3 derives from the ARN (used in logical ids)
 * @param mappingId         logical id of the {@code AWS::Lambda::EventSourceMapping}
 * @param consumerSet       {@code consumer:} is set to a truthy value (v3's test for the
 *                          consumer-naming deprecation, even on DynamoDB)
 * @param consumerArn       {@code consumer:} given as an existing consumer's ARN
 * @param consumerId        logical id of the {@code AWS::Kinesis::StreamConsumer} created (like v3)
 *                          for {@code consumer: true} on Kinesis
 * @param startingPosition  {@code startingPosition} as written, if any
 * @param hasStartingPositionTimestamp whether {@code startingPositionTimestamp} is set
 * @param onFailure         {@code destinations.onFailure} ARN, if any
 * @param onFailureType     {@code sns} or {@code sqs}: given, or from the ARN; empty when unknown
 * @param config            the raw event value
 * @param ref               the event item's location
 * @param arnRef            the ARN's location
 */
public record StreamEvent(String function, int index, String streamType, CfnValue arn, String streamName,
                          String mappingId, boolean consumerSet, Optional<CfnValue> consumerArn,
                          Optional<String> consumerId,
                          Optional<String> startingPosition, boolean hasStartingPositionTimestamp,
                          Optional<CfnValue> onFailure, Optional<String> onFailureType, Node config,
                          SourceRef ref, SourceRef arnRef) {

    public boolean isKinesis() {
        return "kinesis".equals(streamType);
    }

    /** A Kinesis enhanced fan-out consumer is used (created or given by ARN). */
    public boolean usesConsumer() {
        return isKinesis() && (consumerArn.isPresent() || consumerId.isPresent());
    }
}
