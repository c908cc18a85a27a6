package dev.slsguard.engine.model;

/**
 * Something a function reads from, is invoked by, or sends failures to, as an event compiler
 * found it. Derivation rules turn event sources into the IAM statements the function needs.
 *
 * @param function      the function key
 * @param functionIndex the function's position in {@code functions:}
 * @param eventIndex    the event's position in the function's {@code events:}
 * @param eventType     the event key that produced it ({@code sqs}, {@code stream} ...)
 * @param pluginOrder   v3's plugin registration order of that event type (the order of the
 *                      statements derived from it, see {@link StatementOrder#event})
 * @param kind          what the function does with it; see the constants
 * @param arn           the source's ARN (literal or intrinsic)
 * @param ref           the line that declared it
 */
public record EventSource(String function, int functionIndex, int eventIndex, String eventType, int pluginOrder,
                          String kind, CfnValue arn, SourceRef ref) {

    /** A function reads an SQS queue. */
    public static final String SQS_QUEUE = "sqs-queue";
    /** A function reads a DynamoDB stream. */
    public static final String DYNAMODB_STREAM = "dynamodb-stream";
    /** A function reads a Kinesis stream with shared-throughput polling. */
    public static final String KINESIS_STREAM = "kinesis-stream";
    /** A function reads a Kinesis stream through an enhanced fan-out consumer (the stream's ARN). */
    public static final String KINESIS_CONSUMER_STREAM = "kinesis-consumer-stream";
    /** The enhanced fan-out consumer itself (a Ref to the created consumer, or its ARN). */
    public static final String KINESIS_CONSUMER = "kinesis-consumer";
    /** Failed batches go to an SNS topic. */
    public static final String ON_FAILURE_SNS = "on-failure-sns";
    /** Failed batches go to an SQS queue. */
    public static final String ON_FAILURE_SQS = "on-failure-sqs";
    /**
     * EventBridge Scheduler invokes the function with its execution role ({@code schedule} with
     * {@code method: scheduler}); the ARN is the function's, as {@code Fn::Sub}.
     */
    public static final String SCHEDULER_TARGET = "scheduler-target";
    /** An API Gateway HTTP API (v2) invokes the function; the ARN is the API's execute-api source ARN. */
    public static final String HTTP_API = "http-api";
    /**
     * A function of a service with a WebSocket API may post to the API's connections
     * ({@code execute-api:ManageConnections}); one for the service, the ARN the connections of
     * every API as v3 grants them.
     */
    public static final String WEBSOCKET_CONNECTIONS = "websocket-connections";
    /** An SNS topic invokes the function (the topic's ARN). */
    public static final String SNS_TOPIC = "sns-topic";
    /** A cloudwatchEvent rule on the default event bus invokes the function (the rule's ARN). */
    public static final String CLOUDWATCH_EVENT_RULE = "cloudwatch-event-rule";
    /**
     * An eventBridge rule invokes the function (the rule's ARN, on its bus, as v3 writes the
     * permission's {@code SourceArn}).
     */
    public static final String EVENT_BRIDGE_RULE = "event-bridge-rule";
    /**
     * The service's CloudFront distribution runs the function as Lambda@Edge (a {@code cloudFront}
     * event; the distribution's ARN).
     */
    public static final String CLOUDFRONT_DISTRIBUTION = "cloudfront-distribution";
    /**
     * A function's event source mapping signs in to a broker or cluster with a Secrets Manager
     * secret (kafka access configurations other than VPC ones, activemq / rabbitmq
     * {@code basicAuthArn}); the ARN is the secret's.
     */
    public static final String BROKER_SECRET = "broker-secret";
    /** A function reads an Amazon MSK cluster (the cluster's ARN). */
    public static final String MSK_CLUSTER = "msk-cluster";
    /** A function reads a queue of an Amazon MQ broker, ActiveMQ or RabbitMQ (the broker's ARN). */
    public static final String MQ_BROKER = "mq-broker";
    /**
     * A function's event source mapping reaches its broker inside a VPC, so Lambda manages network
     * interfaces there (kafka with VPC access configurations; every msk, activemq and rabbitmq
     * event). The ARN is {@code *}: the EC2 actions v3 grants for it are not scoped.
     */
    public static final String VPC_NETWORK = "vpc-network";
}
