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
            literalArn(checks, "stream event", config, config.ref(), Optional.empty());
            return checks.violations();
        }
        if (Options.isIntrinsic(config)) {
            checks.add(Violation.SHAPE, eventRef, "stream event given as " + Options.intrinsicName(config)
                    + " must name it under arn, with type: write '- stream: {type: kinesis or dynamodb, arn:"
                    + " <intrinsic>}'");
            return checks.violations();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "stream event must be a stream ARN (Kinesis or DynamoDB)"
                    + " or a mapping with arn and options; got " + Options.show(config));
            return checks.violations();
        }
        Optional<String> type = map.get("type").filter(Options::isString).flatMap(Options::string)
                .filter(TYPES::contains);
        Optional<MapNode.Field> arn = map.field("arn");
        if (arn.isEmpty()) {
            checks.add(Violation.SHAPE, eventRef, "stream event needs arn: the Kinesis or DynamoDB stream ARN,"
                    + " or an intrinsic such as !GetAtt MyTable.StreamArn together with type");
        } else {
            streamArn(checks, arn.get(), map, type, eventRef);
        }
        for (MapNode.Field field : map.fields()) {
            switch (field.key()) {
                case "type" -> checks.oneOf("type", field, TYPES);
                case "batchSize" -> checks.integer("batchSize", field, 1, 10000);
                case "parallelizationFactor" -> checks.integer("parallelizationFactor", field, 1, 10);
                case "startingPosition" -> checks.oneOf("startingPosition", field,
                        List.of("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP"));
                case "startingPositionTimestamp" -> checks.number("startingPositionTimestamp", field,
                        "Unix time in seconds");
                case "enabled" -> checks.bool("enabled", field);
                case "consumer" -> consumer(checks, field);
                case "batchWindow" -> checks.integer("batchWindow", field, 0, 300);
                case "maximumRetryAttempts" -> checks.integer("maximumRetryAttempts", field, -1, 10000);
                case "bisectBatchOnFunctionError" -> checks.bool("bisectBatchOnFunctionError", field);
                case "maximumRecordAgeInSeconds" -> checks.minusOneOrInteger("maximumRecordAgeInSeconds", field,
                        60, 604800);
                case "functionResponseType" -> checks.oneOf("functionResponseType", field,
                        List.of("ReportBatchItemFailures"));
                case "destinations" -> destinations(checks, field);
                case "tumblingWindowInSeconds" -> checks.integer("tumblingWindowInSeconds", field, 0, 900);
                case "filterPatterns" -> checks.filterPatterns("filterPatterns", field);
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    private static void streamArn(OptionChecks checks, MapNode.Field arn, MapNode map, Optional<String> type,
                                  SourceRef eventRef) {
        Node value = arn.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (Options.isIntrinsic(value)) {
            if (!map.has("type")) {
                checks.add(Violation.SHAPE, eventRef, "stream event with arn given as "
                        + Options.intrinsicName(value) + " needs type: kinesis or dynamodb (the stream type cannot"
                        + " be read from an intrinsic)");
            }
            return;
        }
        if (!Options.isString(value)) {
            checks.add(Violation.SHAPE, OptionChecks.where(arn), "stream arn must be a stream ARN"
                    + " (arn:aws:kinesis:... or arn:aws:dynamodb:...) or an intrinsic; got " + Options.show(value));
            return;
        }
        literalArn(checks, "stream arn", value, value.ref(), type);
    }

    /** A literal stream ARN: starts with arn:, is a Kinesis or DynamoDB stream, agrees with type. */
    private static void literalArn(OptionChecks checks, String what, Node arn, SourceRef where,
                                   Optional<String> type) {
        if (Options.unresolved(arn)) {
            return;
        }
        if (!Options.isArnString(arn)) {
            checks.add(Violation.SHAPE, where, what + " must be a stream ARN (arn:aws:kinesis:... or"
                    + " arn:aws:dynamodb:...) or an intrinsic; got " + Options.show(arn));
            return;
        }
        String text = Options.string(arn).orElse("");
        String service = Options.arnService(arn).orElse("");
        if (!TYPES.contains(service)) {
            checks.add(Violation.SHAPE, where, what + " must be a Kinesis stream or DynamoDB stream ARN; got "
                    + (service.isEmpty() ? "an ARN without a service" : "a " + service + " ARN"));
            return;
        }
        if (type.isPresent() && !type.get().equals(service)) {
            checks.add(Violation.SHAPE, where, what + " is a " + service + " ARN but type is " + type.get()
                    + ": the permissions and logical ids would be derived for the wrong service");
            return;
        }
        if (service.equals("dynamodb") && !text.contains("/stream/")) {
            checks.add(Violation.SHAPE, where, what + " is a DynamoDB table ARN; Lambda reads the table's"
                    + " stream: use the stream ARN (.../table/<name>/stream/<label>) or !GetAtt <Table>.StreamArn");
        }
    }

    private static void consumer(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value) || Options.isIntrinsic(value) || Options.isArnString(value)) {
            return;
        }
        if (value instanceof ScalarNode scalar && Boolean.TRUE.equals(scalar.value())) {
            return;
        }
        boolean quotedTrue = Options.isString(value) && "true".equals(Options.string(value).orElse(""));
        checks.add(Violation.VALUE, OptionChecks.where(field), "stream consumer must be true (create a consumer)"
                + " or the ARN of an existing consumer; got " + Options.show(value)
                + (quotedTrue ? " (unquote it)" : ""));
    }

    private static void destinations(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "stream destinations must be a mapping with"
                    + " onFailure; got " + Options.show(value));
            return;
        }
        checks.unknownKeys("destinations", map, List.of("onFailure"));
        Optional<MapNode.Field> onFailure = map.field("onFailure");
        if (onFailure.isEmpty()) {
            checks.add(Violation.VALUE, field.keyRef(), "stream destinations needs onFailure: the ARN of the SNS"
                    + " topic or SQS queue that receives failed batches");
            return;
        }
        Node target = onFailure.get().value();
        SourceRef targetRef = OptionChecks.where(onFailure.get());
        if (Options.unresolved(target)) {
            return;
        }
        if (Options.isString(target)) {
            destinationArn(checks, "destinations.onFailure", target, targetRef);
            return;
        }
        if (Options.isIntrinsic(target)) {
            checks.add(Violation.VALUE, targetRef, "stream destinations.onFailure given as "
                    + Options.intrinsicName(target) + " must name it under arn, with type: {arn: <intrinsic>,"
                    + " type: sns or sqs}");
            return;
        }
        if (!(target instanceof MapNode object)) {
            checks.add(Violation.VALUE, targetRef, "stream destinations.onFailure must be an SNS topic or SQS"
                    + " queue ARN, or a mapping with arn and type; got " + Options.show(target));
            return;
        }
        checks.unknownKeys("destinations.onFailure", object, ON_FAILURE_OPTIONS);
        object.field("type").ifPresent(t -> checks.oneOf("destinations.onFailure.type", t, ON_FAILURE_TYPES));
        Optional<MapNode.Field> arn = object.field("arn");
        if (arn.isEmpty()) {
            checks.add(Violation.VALUE, targetRef, "stream destinations.onFailure needs arn: the SNS topic or"
                    + " SQS queue ARN, or an intrinsic together with type");
            return;
        }
        Node arnValue = arn.get().value();
        if (Options.unresolved(arnValue)) {
            return;
        }
        if (Options.isIntrinsic(arnValue)) {
            if (!object.has("type")) {
                checks.add(Violation.VALUE, targetRef, "stream destinations.onFailure with arn given as "
                        + Options.intrinsicName(arnValue) + " needs type: sns or sqs");
            }
        } else if (Options.isString(arnValue)) {
            destinationArn(checks, "destinations.onFailure.arn", arnValue, arnValue.ref());
        } else {
            checks.add(Violation.VALUE, OptionChecks.where(arn.get()), "stream destinations.onFailure.arn must be"
                    + " an SNS topic or SQS queue ARN, or an intrinsic; got " + Options.show(arnValue));
        }
    }

    private static void destinationArn(OptionChecks checks, String path, Node arn, SourceRef where) {
        if (!Options.isArnString(arn)) {
            checks.add(Violation.VALUE, where, "stream " + path + " must be an SNS topic or SQS queue ARN"
                    + " (arn:aws:sns:... or arn:aws:sqs:...); got " + Options.show(arn));
        }
    }
}
