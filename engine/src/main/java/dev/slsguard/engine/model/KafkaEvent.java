package dev.slsguard.engine.model;

/**
 * A {@code kafka} event (a self-managed Apache Kafka cluster) as compiled. Options not written are
 * absent settings.
 *
 * @param function                  the function key
 * @param index                     position in the function's {@code events:}
 * @param topic                     the topic (used in the logical id)
 * @param mappingId                 logical id of the {@code AWS::Lambda::EventSourceMapping}
 * @param bootstrapServers          {@code bootstrapServers}: the brokers' {@code host:port} list
 * @param accessConfigurations      {@code accessConfigurations}: VPC subnets and security groups,
 *                                  SASL, TLS and root CA secrets, each a list
 * @param startingPosition          {@code startingPosition} (v3 uses TRIM_HORIZON without it)
 * @param startingPositionTimestamp {@code startingPositionTimestamp}
 * @param batchSize                 {@code batchSize}
 * @param maximumBatchingWindow     {@code maximumBatchingWindow}
 * @param enabled                   {@code enabled}
 * @param consumerGroupId           {@code consumerGroupId}
 * @param filterPatterns            {@code filterPatterns}
 * @param options                   the whole event value, for checks that walk nested structure
 * @param ref                       the event item's location
 */
public record KafkaEvent(String function, int index, String topic, String mappingId, Setting bootstrapServers,
                         Setting accessConfigurations, Setting startingPosition, Setting startingPositionTimestamp,
                         Setting batchSize, Setting maximumBatchingWindow, Setting enabled, Setting consumerGroupId,
                         Setting filterPatterns, Setting options, SourceRef ref) {

    /** The cluster is reached inside a VPC ({@code vpcSubnet} and {@code vpcSecurityGroup} given). */
    public boolean inVpc() {
        return accessConfigurations.has("vpcSubnet") || accessConfigurations.has("vpcSecurityGroup");
    }
}
