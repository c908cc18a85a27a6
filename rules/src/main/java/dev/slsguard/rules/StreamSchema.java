package dev.slsguard.rules;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * The {@code stream} event schema of Serverless Framework v3 ({@code stream.js}): a stream ARN
 * string, or a mapping with {@code arn} (an ARN string, or an intrinsic together with
 * {@code type}) and the options below, no others. Beyond v3, literal ARNs must be Kinesis or
 * DynamoDB stream ARNs that agree with {@code type}, as Lambda requires.
 */
public final class StreamSchema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("arn", "type", "batchSize", "parallelizationFactor",
            "startingPosition", "startingPositionTimestamp", "enabled", "consumer", "batchWindow",
            "maximumRetryAttempts", "bisectBatchOnFunctionError", "maximumRecordAgeInSeconds",
            "functionResponseType", "destinations", "tumblingWindowInSeconds", "filterPatterns");

    private static final List<String> TYPES = List.of("dynamodb", "kinesis");
    private static final List<String> ON_FAILURE_OPTIONS = List.of("arn", "type");
    private static final List<String> ON_FAILURE_TYPES = List.of("sns", "sqs");

    private StreamSchema() {
    }

    /** Every violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node config, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("stream");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (Options.isString(config)) {
            literalArn(checks, "stream event", config, Optional.empty());
            return checks.violations();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "stream event must be a stream ARN (Kinesis or DynamoDB)"
                    + " or a mapping with arn and options; got " + Options.show(config));
            return checks.violations();
        }
        Optional<String> type = map.get("type").filter(Options::isString).flatMap(Options::string)
                .filter(TYPES::contains);
        Optional<Node> arn = map.get("arn");
        if (arn.isEmpty()) {
            checks.add(Violation.SHAPE, eventRef, "stream event needs arn: the Kinesis or DynamoDB stream ARN,"
                    + " or an intrinsic such as !GetAtt MyTable.StreamArn together with type");
        } else {
            streamArn(checks, arn.get(), map, type, eventRef);
        }
        for (MapNode.Field field : map.fields()) {
            Node value = field.value();
            switch (field.key()) {
                case "type" -> checks.oneOf("type", value, TYPES);
                case "batchSize" -> checks.integer("batchSize", value, 1, 10000);
                case "parallelizationFactor" -> checks.integer("parallelizationFactor", value, 1, 10);
                case "startingPosition" -> checks.oneOf("startingPosition", value,
                        List.of("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP"));
                case "startingPositionTimestamp" -> checks.number("startingPositionTimestamp", value,
                        "Unix time in seconds");
                case "enabled" -> checks.bool("enabled", value);
                case "consumer" -> consumer(checks, value);
                case "batchWindow" -> checks.integer("batchWindow", value, 0, 300);
                case "maximumRetryAttempts" -> checks.integer("maximumRetryAttempts", value, -1, 10000);
                case "bisectBatchOnFunctionError" -> checks.bool("bisectBatchOnFunctionError", value);
                case "maximumRecordAgeInSeconds" -> checks.minusOneOrInteger("maximumRecordAgeInSeconds", value,
                        60, 604800);
                case "functionResponseType" -> checks.oneOf("functionResponseType", value,
                        List.of("ReportBatchItemFailures"));
                case "destinations" -> destinations(checks, value);
                case "tumblingWindowInSeconds" -> checks.integer("tumblingWindowInSeconds", value, 0, 900);
                case "filterPatterns" -> checks.filterPatterns("filterPatterns", value);
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    private static void streamArn(OptionChecks checks, Node arn, MapNode map, Optional<String> type,
                                  SourceRef eventRef) {
        if (Options.unresolved(arn)) {
            return;
        }
        if (Options.isIntrinsic(arn)) {
            if (!map.has("type")) {
                checks.add(Violation.SHAPE, eventRef, "stream event with arn given as "
                        + Options.intrinsicName(arn) + " needs type: kinesis or dynamodb (the stream type cannot"
                        + " be read from an intrinsic)");
            }
            return;
        }
        if (!Options.isString(arn)) {
            checks.add(Violation.SHAPE, arn.ref(), "stream arn must be a stream ARN (arn:aws:kinesis:... or"
                    + " arn:aws:dynamodb:...) or an intrinsic; got " + Options.show(arn));
            return;
        }
        literalArn(checks, "stream arn", arn, type);
    }

    /** A literal stream ARN: starts with arn:, is a Kinesis or DynamoDB stream, agrees with type. */
    private static void literalArn(OptionChecks checks, String what, Node arn, Optional<String> type) {
        if (Options.unresolved(arn)) {
            return;
        }
        if (!Options.isArnString(arn)) {
            checks.add(Violation.SHAPE, arn.ref(), what + " must be a stream ARN (arn:aws:kinesis:... or"
                    + " arn:aws:dynamodb:...) or an intrinsic; got " + Options.show(arn));
            return;
        }
        String text = Options.string(arn).orElse("");
        String service = Options.arnService(arn).orElse("");
        if (!TYPES.contains(service)) {
            checks.add(Violation.SHAPE, arn.ref(), what + " must be a Kinesis stream or DynamoDB stream ARN; got "
                    + (service.isEmpty() ? "an ARN without a service" : "a " + service + " ARN"));
            return;
        }
        if (type.isPresent() && !type.get().equals(service)) {
            checks.add(Violation.SHAPE, arn.ref(), what + " is a " + service + " ARN but type is " + type.get()
                    + ": the permissions and logical ids would be derived for the wrong service");
            return;
        }
        if (service.equals("dynamodb") && !text.contains("/stream/")) {
            checks.add(Violation.SHAPE, arn.ref(), what + " is a DynamoDB table ARN; Lambda reads the table's"
                    + " stream: use the stream ARN (.../table/<name>/stream/<label>) or !GetAtt <Table>.StreamArn");
        }
    }

    private static void consumer(OptionChecks checks, Node value) {
        if (Options.unresolved(value) || Options.isIntrinsic(value) || Options.isArnString(value)) {
            return;
        }
        if (value instanceof ScalarNode scalar && Boolean.TRUE.equals(scalar.value())) {
            return;
        }
        checks.add(Violation.VALUE, value.ref(), "stream consumer must be true (create a consumer) or the ARN"
                + " of an existing consumer; got " + Options.show(value)
                + (Options.isString(value) && "true".equals(Options.string(value).orElse("")) ? " (unquote it)"
                : ""));
    }

    private static void destinations(OptionChecks checks, Node value) {
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, value.ref(), "stream destinations must be a mapping with onFailure;"
                    + " got " + Options.show(value));
            return;
        }
        checks.unknownKeys("destinations", map, List.of("onFailure"));
        Optional<Node> onFailure = map.get("onFailure");
        if (onFailure.isEmpty()) {
            checks.add(Violation.VALUE, value.ref(), "stream destinations needs onFailure: the ARN of the SNS topic"
                    + " or SQS queue that receives failed batches");
            return;
        }
        Node target = onFailure.get();
        if (Options.unresolved(target)) {
            return;
        }
        if (Options.isString(target)) {
            destinationArn(checks, "destinations.onFailure", target);
            return;
        }
        if (Options.isIntrinsic(target)) {
            checks.add(Violation.VALUE, target.ref(), "stream destinations.onFailure given as an intrinsic must"
                    + " be written as a mapping {arn: " + Options.intrinsicName(target) + " ..., type: sns or sqs}");
            return;
        }
        if (!(target instanceof MapNode object)) {
            checks.add(Violation.VALUE, target.ref(), "stream destinations.onFailure must be an SNS topic or SQS"
                    + " queue ARN, or a mapping with arn and type; got " + Options.show(target));
            return;
        }
        checks.unknownKeys("destinations.onFailure", object, ON_FAILURE_OPTIONS);
        object.get("type").ifPresent(t -> checks.oneOf("destinations.onFailure.type", t, ON_FAILURE_TYPES));
        Optional<Node> arn = object.get("arn");
        if (arn.isEmpty()) {
            checks.add(Violation.VALUE, target.ref(), "stream destinations.onFailure needs arn: the SNS topic or"
                    + " SQS queue ARN, or an intrinsic together with type");
        } else if (Options.isIntrinsic(arn.get())) {
            if (!object.has("type")) {
                checks.add(Violation.VALUE, target.ref(), "stream destinations.onFailure with arn given as "
                        + Options.intrinsicName(arn.get()) + " needs type: sns or sqs");
            }
        } else if (Options.isString(arn.get())) {
            destinationArn(checks, "destinations.onFailure.arn", arn.get());
        } else if (!Options.unresolved(arn.get())) {
            checks.add(Violation.VALUE, arn.get().ref(), "stream destinations.onFailure.arn must be an SNS topic or"
                    + " SQS queue ARN, or an intrinsic; got " + Options.show(arn.get()));
        }
    }

    private static void destinationArn(OptionChecks checks, String path, Node arn) {
        if (Options.unresolved(arn)) {
            return;
        }
        if (!Options.isArnString(arn)) {
            checks.add(Violation.VALUE, arn.ref(), "stream " + path + " must be an SNS topic or SQS queue ARN"
                    + " (arn:aws:sns:... or arn:aws:sqs:...); got " + Options.show(arn));
        }
    }
}
