package dev.slsguard.rules;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;

/**
 * The {@code sqs} event schema of Serverless Framework v3 ({@code sqs.js}): a queue ARN string,
 * or a mapping with {@code arn} (required; ARN string or intrinsic) and the options below, no
 * others. Stricter than v3 in one place: a mapping used as {@code arn} must be an intrinsic.
 */
public final class SqsSchema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("arn", "batchSize", "enabled", "maximumBatchingWindow",
            "functionResponseType", "filterPatterns", "maximumConcurrency");

    private SqsSchema() {
    }

    /** Every violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node config, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("sqs");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (Options.isString(config)) {
            arn(checks, "event", config, config.ref());
            return checks.violations();
        }
        if (Options.isIntrinsic(config)) {
            checks.add(Violation.SHAPE, eventRef, "sqs event given as " + Options.intrinsicName(config)
                    + " must name it under arn: write '- sqs: {arn: <intrinsic>}'");
            return checks.violations();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "sqs event must be a queue ARN (arn:aws:sqs:...) or a"
                    + " mapping with arn and options; got " + Options.show(config));
            return checks.violations();
        }
        if (map.get("arn").isEmpty()) {
            checks.add(Violation.SHAPE, eventRef, "sqs event needs arn: the queue ARN (arn:aws:sqs:...) or an"
                    + " intrinsic such as !GetAtt MyQueue.Arn");
        }
        for (MapNode.Field field : map.fields()) {
            switch (field.key()) {
                case "arn" -> arn(checks, "arn", field.value(), OptionChecks.where(field));
                case "batchSize" -> checks.integer("batchSize", field, 1, 10000);
                case "enabled" -> checks.bool("enabled", field);
                case "maximumBatchingWindow" -> checks.integer("maximumBatchingWindow", field, 0, 300);
                case "functionResponseType" -> checks.oneOf("functionResponseType", field,
                        List.of("ReportBatchItemFailures"));
                case "filterPatterns" -> checks.filterPatterns("filterPatterns", field);
                case "maximumConcurrency" -> checks.integer("maximumConcurrency", field, 2, 1000);
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    private static void arn(OptionChecks checks, String path, Node value, SourceRef where) {
        if (Options.unresolved(value) || Options.isIntrinsic(value)) {
            return;
        }
        String what = path.equals("event") ? "sqs event" : "sqs arn";
        if (!Options.isArnString(value)) {
            String hint = Options.isString(value) ? " (a queue name? give its ARN, or !GetAtt <Queue>.Arn for a"
                    + " queue in resources)" : "";
            checks.add(Violation.SHAPE, where, what + " must be a queue ARN (arn:aws:sqs:...) or an"
                    + " intrinsic such as !GetAtt MyQueue.Arn; got " + Options.show(value) + hint);
            return;
        }
        String service = Options.arnService(value).orElse("");
        if (!service.equals("sqs")) {
            checks.add(Violation.SHAPE, where, what + " must be an SQS queue ARN (arn:aws:sqs:...); got "
                    + (service.isEmpty() ? "an ARN without a service" : "a " + service + " ARN"));
        }
    }
}
