package dev.slsguard.engine.model;

/**
 * An {@code sqs} event as compiled.
 *
 * @param function  the function key
 * @param index     position in the function's {@code events:}
 * @param arn       the queue ARN as written (a literal or an intrinsic)
 * @param queueName the name v3 derives from the ARN (used in the logical id)
 * @param mappingId logical id of the {@code AWS::Lambda::EventSourceMapping}
 * @param options   the event value as written (a string or a mapping), typed and located
 * @param ref       the event item's location
 * @param arnRef    the ARN's location
 */
public record SqsEvent(String function, int index, CfnValue arn, String queueName, String mappingId,
                       Setting options, SourceRef ref, SourceRef arnRef) {

    /** {@code batchSize} as written. */
    public Setting batchSize() {
        return options.get("batchSize");
    }

    /** {@code maximumBatchingWindow} as written. */
    public Setting maximumBatchingWindow() {
        return options.get("maximumBatchingWindow");
    }
}
