package dev.slsguard.engine.model;

/**
 * An {@code activemq} or {@code rabbitmq} event (a queue of an Amazon MQ broker) as compiled: v3
 * compiles both the same way, RabbitMQ with a virtual host besides. Options not written are absent
 * settings.
 *
 * @param type                  the event key: {@code activemq} or {@code rabbitmq}
 * @param function              the function key
 * @param index                 position in the function's {@code events:}
 * @param queue                 the queue (used in the logical id)
 * @param mappingId             logical id of the {@code AWS::Lambda::EventSourceMapping}
 * @param arn                   {@code arn}: the broker's ARN (a literal, {@code Ref} or
 *                              {@code Fn::ImportValue})
 * @param basicAuthArn          {@code basicAuthArn}: the Secrets Manager secret with the broker's
 *                              user name and password
 * @param virtualHost           {@code virtualHost} (rabbitmq only)
 * @param batchSize             {@code batchSize}
 * @param maximumBatchingWindow {@code maximumBatchingWindow}
 * @param enabled               {@code enabled}
 * @param filterPatterns        {@code filterPatterns}
 * @param options               the whole event value, for checks that walk nested structure
 * @param ref                   the event item's location
 */
public record MqEvent(String type, String function, int index, String queue, String mappingId, Setting arn,
                      Setting basicAuthArn, Setting virtualHost, Setting batchSize, Setting maximumBatchingWindow,
                      Setting enabled, Setting filterPatterns, Setting options, SourceRef ref) {

    public boolean isRabbitMq() {
        return "rabbitmq".equals(type);
    }
}
