package dev.slsguard.engine.model;

/**
 * An event Serverless Framework v3 refuses to package: its compiler stopped on the event (or, for
 * service-wide settings, on the event type) and compiled nothing for it. Only compilers decide
 * this; validation rules report it.
 *
 * <p>{@code code} is v3's {@code ServerlessError} code where v3 has one. Where v3 crashes or
 * fails without a code, it is one of slsguard's own codes below, all starting with {@code V3_}.
 *
 * @param code     v3's error code ({@code S3_MULTIPLE_BUCKETS_PER_FUNCTION},
 *                 {@code SNS_MISSING_TOPIC_NAME} ...), or one of the {@code V3_} codes below
 * @param function the function key of the event
 * @param index    the event's position in the function's {@code events:} (for a refusal of
 *                 service-wide settings, of the type's first event)
 * @param type     the event type ({@code s3}, {@code http} ...)
 * @param where    the offending node, as precisely as known: the option's value (or its key when
 *                 the value is a mapping or list), else the event item
 * @param detail   what is wrong and how to fix it, as the finding shows it
 */
public record Refusal(String code, String function, int index, String type, SourceRef where, String detail) {

    /**
     * v3 crashes with a TypeError reading a name from an ARN given as an intrinsic function it
     * cannot read (an sqs or stream {@code arn}, an http authorizer's {@code arn} without
     * {@code name}).
     */
    public static final String V3_INTRINSIC_ARN = "V3_INTRINSIC_ARN";

    /**
     * v3 crashes with a TypeError ("Cannot convert undefined or null to object") when an http
     * integration leaves it no response status codes to map.
     */
    public static final String V3_NO_STATUS_CODES = "V3_NO_STATUS_CODES";

    /**
     * v3 fails with a SyntaxError in {@code JSON.parse}: on the rule it builds as JSON text with
     * the user's text pasted in unescaped (cloudwatchEvent, schedule), or on a schedule's
     * {@code input.body} that is not JSON.
     */
    public static final String V3_INVALID_JSON = "V3_INVALID_JSON";

    /**
     * v3 stops with a plain Error ("Resource ID for path ... is required") when an http path of an
     * external REST API is reached by no resource of {@code provider.apiGateway.restApiResources}.
     */
    public static final String V3_RESOURCE_ID_REQUIRED = "V3_RESOURCE_ID_REQUIRED";

    /**
     * v3 crashes with a TypeError on an event written as text that is not a route, whatever
     * configValidationMode says: an httpApi event that is neither {@code '*'} nor
     * {@code '<METHOD> <path>'} ("object null is not iterable"), an http event without a space
     * between method and path, such as {@code '*'} (it reads no path).
     */
    public static final String V3_NOT_A_ROUTE = "V3_NOT_A_ROUTE";

    /**
     * v3 crashes with a TypeError, whatever configValidationMode says, on an option it reads
     * without checking: missing or of a type it cannot use (a kafka event's topic or
     * accessConfigurations, or an access configuration that is not a list; an msk event's topic, or
     * an arn without the cluster name; an activemq or rabbitmq event's queue).
     */
    public static final String V3_UNREADABLE_OPTION = "V3_UNREADABLE_OPTION";
}
