package dev.slsguard.engine.model;

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
 * @param startingPosition  {@code startingPosition} as written (absent when not given)
 * @param hasStartingPositionTimestamp whether {@code startingPositionTimestamp} is set
 * @param onFailure         {@code destinations.onFailure} ARN, if any
 * @param onFailureType     {@code sns} or {@code sqs}: given, or from the ARN; empty when unknown
 * @param options           the event value as written, typed and located
 * @param ref               the event item's location
 * @param arnRef            the ARN's location
 */
public record StreamEvent(String function, int index, String streamType, CfnValue arn, String streamName,
                          String mappingId, boolean consumerSet, Optional<CfnValue> consumerArn,
                          Optional<String> consumerId,
                          Setting startingPosition, boolean hasStartingPositionTimestamp,
                          Optional<CfnValue> onFailure, Optional<String> onFailureType, Setting options,
                          SourceRef ref, SourceRef arnRef) {

    public boolean isKinesis() {
        return "kinesis".equals(streamType);
    }

    /** {@code maximumRetryAttempts} as written (-1 or absent: retried until the records expire). */
    public Setting maximumRetryAttempts() {
        return options.get("maximumRetryAttempts");
    }

    /** {@code bisectBatchOnFunctionError} as written. */
    public Setting bisectBatchOnFunctionError() {
        return options.get("bisectBatchOnFunctionError");
    }

    /** {@code functionResponseType} as written ({@code ReportBatchItemFailures}). */
    public Setting functionResponseType() {
        return options.get("functionResponseType");
    }

    /** A Kinesis enhanced fan-out consumer is used (created or given by ARN). */
    public boolean usesConsumer() {
        return isKinesis() && (consumerArn.isPresent() || consumerId.isPresent());
    }
}
