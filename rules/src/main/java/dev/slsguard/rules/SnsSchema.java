package dev.slsguard.rules;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code sns} event schema of Serverless Framework v3 ({@code sns.js}): a topic name (the
 * framework creates the topic), a topic ARN, or a mapping with {@code arn} or {@code topicName}
 * and the options below, no others. Beyond v3, literal ARNs must be SNS topic ARNs (dead-letter
 * targets SQS queue ARNs) and {@code filterPolicyScope} one of the two values SNS accepts.
 */
public final class SnsSchema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("arn", "topicName", "displayName", "filterPolicy",
            "filterPolicyScope", "redrivePolicy");

    private static final List<String> REDRIVE_OPTIONS = List.of("deadLetterTargetArn", "deadLetterTargetRef",
            "deadLetterTargetImport");
    private static final List<String> IMPORT_OPTIONS = List.of("arn", "url");
    private static final List<String> SCOPES = List.of("MessageAttributes", "MessageBody");
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private SnsSchema() {
    }

    /** Every violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node config, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("sns");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (Options.isString(config)) {
            String text = Options.string(config).orElse("");
            if (text.startsWith("arn:")) {
                topicArn(checks, "sns event", config, config.ref());
            } else if (!isTopicName(text)) {
                checks.add(Violation.SHAPE, config.ref(), "sns event must be a topic name (letters, digits, - and _,"
                        + " at most 256) or a topic ARN (arn:aws:sns:...); got " + Options.show(config));
            }
            return checks.violations();
        }
        if (Options.isIntrinsic(config)) {
            checks.add(Violation.SHAPE, eventRef, "sns event given as " + Options.intrinsicName(config)
                    + " must name it under arn, with topicName: write '- sns: {arn: <intrinsic>, topicName: <name>}'");
            return checks.violations();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "sns event must be a topic name, a topic ARN or a mapping"
                    + " with arn or topicName; got " + Options.show(config));
            return checks.violations();
        }
        if (!map.has("arn") && !map.has("topicName")) {
            checks.add(Violation.SHAPE, eventRef, "sns event needs arn (an existing topic) or topicName (a topic"
                    + " the framework creates)");
        }
        for (MapNode.Field field : map.fields()) {
            switch (field.key()) {
                case "arn" -> arn(checks, field);
                case "topicName" -> topicName(checks, field);
                case "displayName" -> nonEmptyString(checks, "displayName", field);
                case "filterPolicy" -> mapping(checks, "filterPolicy", field,
                        "a mapping from attribute to allowed values, like {plan: [pro]}");
                case "filterPolicyScope" -> checks.oneOf("filterPolicyScope", field, SCOPES);
                case "redrivePolicy" -> redrivePolicy(checks, field);
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    /** True when the value is a mapping whose {@code arn} is an intrinsic and that has no {@code topicName}. */
    public static boolean missingTopicName(Node config) {
        return config instanceof MapNode map && map.get("arn").filter(Options::isIntrinsic).isPresent()
                && map.get("topicName").filter(n -> !Options.string(n).orElse("").isEmpty()).isEmpty();
    }

    /** Single values in {@code filterPolicy} where SNS wants a list ({@code plan: pro} for {@code plan: [pro]}). */
    public static List<Violation> scalarFilterValues(Node config) {
        if (config instanceof MapNode map && map.get("filterPolicy").orElse(null) instanceof MapNode policy) {
            return MatchPatterns.scalarLeaves(policy, "sns filterPolicy attribute",
                    "SNS rejects the filter policy and CloudFormation fails to create the subscription");
        }
        return List.of();
    }

    private static boolean isTopicName(String text) {
        return !text.isEmpty() && text.length() <= 256 && TOPIC_NAME.matcher(text).matches();
    }

    private static void arn(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value) || Options.isIntrinsic(value)) {
            return;
        }
        if (!Options.isArnString(value)) {
            String hint = Options.isString(value) ? " (a topic name? write it as topicName)" : "";
            checks.add(Violation.SHAPE, OptionChecks.where(field), "sns arn must be a topic ARN (arn:aws:sns:...)"
                    + " or an intrinsic such as !Ref MyTopic; got " + Options.show(value) + hint);
            return;
        }
        topicArn(checks, "sns arn", value, value.ref());
    }

    private static void topicArn(OptionChecks checks, String what, Node arn, SourceRef where) {
        String service = Options.arnService(arn).orElse("");
        if (!service.equals("sns")) {
            checks.add(Violation.SHAPE, where, what + " must be an SNS topic ARN (arn:aws:sns:...); got "
                    + (service.isEmpty() ? "an ARN without a service" : "a " + service + " ARN"));
        }
    }

    private static void topicName(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        Optional<String> text = Options.string(value).filter(t -> !(Options.isIntrinsic(value)));
        if (text.isEmpty() || !isTopicName(text.get())) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "sns topicName must be a topic name of letters,"
                    + " digits, - and _ (at most 256 characters); got " + Options.show(value));
        }
    }

    private static void nonEmptyString(OptionChecks checks, String path, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (Options.string(value).filter(t -> !t.isEmpty()).isEmpty()) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "sns " + path + " must be a non-empty string;"
                    + " got " + Options.show(value));
        }
    }

    private static void mapping(OptionChecks checks, String path, MapNode.Field field, String what) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof MapNode)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "sns " + path + " must be " + what + "; got "
                    + Options.show(value));
        }
    }

    private static void redrivePolicy(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "sns redrivePolicy must be a mapping with one of"
                    + " deadLetterTargetArn, deadLetterTargetRef or deadLetterTargetImport; got " + Options.show(value));
            return;
        }
        checks.unknownKeys("redrivePolicy", map, REDRIVE_OPTIONS);
        List<String> targets = map.keys().stream().filter(REDRIVE_OPTIONS::contains).toList();
        if (targets.size() != 1) {
            checks.add(Violation.VALUE, field.keyRef(), "sns redrivePolicy needs exactly one of"
                    + " deadLetterTargetArn (a queue ARN), deadLetterTargetRef (a queue's logical id) or"
                    + " deadLetterTargetImport ({arn, url} exported by another stack); got "
                    + (targets.isEmpty() ? "none" : String.join(" and ", targets)));
        }
        map.field("deadLetterTargetArn").ifPresent(f -> queueArn(checks, "redrivePolicy.deadLetterTargetArn", f));
        map.field("deadLetterTargetRef").ifPresent(f -> {
            if (!Options.unresolved(f.value()) && (!Options.isString(f.value())
                    || Options.string(f.value()).orElse("").isEmpty())) {
                checks.add(Violation.VALUE, OptionChecks.where(f), "sns redrivePolicy.deadLetterTargetRef must be"
                        + " the logical id of a queue in resources; got " + Options.show(f.value()));
            }
        });
        map.field("deadLetterTargetImport").ifPresent(f -> deadLetterImport(checks, f));
    }

    private static void queueArn(OptionChecks checks, String path, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!Options.isArnString(value)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "sns " + path + " must be an SQS queue ARN"
                    + " (arn:aws:sqs:...); for a queue in resources use deadLetterTargetRef; got "
                    + Options.show(value));
        } else if (!Options.arnService(value).orElse("").equals("sqs")) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "sns " + path + " must be an SQS queue ARN"
                    + " (arn:aws:sqs:...): SNS sends undeliverable messages only to SQS queues; got a "
                    + Options.arnService(value).orElse("") + " ARN");
        }
    }

    private static void deadLetterImport(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "sns redrivePolicy.deadLetterTargetImport must"
                    + " be a mapping {arn, url}; got " + Options.show(value));
            return;
        }
        checks.unknownKeys("redrivePolicy.deadLetterTargetImport", map, IMPORT_OPTIONS);
        for (String key : IMPORT_OPTIONS) {
            if (!map.has(key)) {
                checks.add(Violation.VALUE, field.keyRef(), "sns redrivePolicy.deadLetterTargetImport needs " + key
                        + (key.equals("arn") ? ": the dead-letter queue's ARN" : ": the export holding the queue's URL"));
            }
        }
        map.field("arn").ifPresent(f -> queueArn(checks, "redrivePolicy.deadLetterTargetImport.arn", f));
        map.field("url").ifPresent(f -> {
            if (!Options.unresolved(f.value()) && Options.string(f.value()).filter(t -> !t.isEmpty()).isEmpty()) {
                checks.add(Violation.VALUE, OptionChecks.where(f), "sns redrivePolicy.deadLetterTargetImport.url"
                        + " must be a non-empty string; got " + Options.show(f.value()));
            }
        });
    }
}
