package dev.slsguard.engine.model;

/**
 * An {@code msk} event (an Amazon MSK cluster) as compiled. Options not written are absent
 * settings.
 *
 * @param function                  the function key
 * @param index                     position in the function's {@code events:}
 * @param arn                       the cluster ARN as written (a literal, {@code Ref} or
 *                                  {@code Fn::ImportValue})
 * @param clusterToken              the cluster part of the logical id (the name in the ARN, or the
 *                                  {@code Ref} / {@code Fn::ImportValue} argument)
 * @param topic                     the topic
 * @param mappingId                 logical id of the {@code AWS::Lambda::EventSourceMapping}
 * @param startingPosition          {@code startingPosition} (v3 uses TRIM_HORIZON without it)
 * @param startingPositionTimestamp {@code startingPositionTimestamp}
 * @param batchSize                 {@code batchSize}
 * @param maximumBatchingWindow     {@code maximumBatchingWindow}
 * @param enabled                   {@code enabled}
 * @param saslScram512              {@code saslScram512}: the SASL/SCRAM secret's ARN
 * @param consumerGroupId           {@code consumerGroupId}
 * @param filterPatterns            {@code filterPatterns}
 * @param options                   the whole event value, for checks that walk nested structure
 * @param ref                       the event item's location
 * @param arnRef                    the ARN's location
 */
public record MskEvent(String function, int index, CfnValue arn, String clusterToken, String topic,
                       String mappingId, Setting startingPosition, Setting startingPositionTimestamp,
                       Setting batchSize, Setting maximumBatchingWindow, Setting enabled, Setting saslScram512,
                       Setting consumerGroupId, Setting filterPatterns, Setting options, SourceRef ref,
                       SourceRef arnRef) {
}
