package dev.slsguard.rules;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code cloudwatchLog} event schema of Serverless Framework v3 ({@code cloud-watch-log.js}):
 * a log group name, or a mapping with {@code logGroup} (required) and {@code filter}, no other keys.
 */
public final class CloudWatchLogSchema {

    /** Every option v3 accepts. */
    public static final List<String> OPTIONS = List.of("logGroup", "filter");

    /** v3's {@code awsLogGroupName}. */
    private static final Pattern LOG_GROUP = Pattern.compile("^[/#A-Za-z0-9_.\\-]+$");

    private CloudWatchLogSchema() {
    }

    /** Every violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node config, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("cloudwatchLog");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (Options.isString(config)) {
            logGroup(checks, "event", config);
            return checks.violations();
        }
        if (!(config instanceof MapNode map) || Options.isIntrinsic(config)) {
            checks.add(Violation.SHAPE, config instanceof ScalarNode ? config.ref() : eventRef, "cloudwatchLog event"
                    + " must be a log group name, like /aws/lambda/my-function, or a mapping with logGroup and"
                    + " filter; got " + (Options.isIntrinsic(config) ? "the intrinsic " + Options.intrinsicName(config)
                    + " (v3 takes only a literal name)" : Options.show(config)));
            return checks.violations();
        }
        Optional<Node> group = map.get("logGroup");
        if (group.isEmpty()) {
            checks.add(Violation.SHAPE, eventRef, "cloudwatchLog event needs logGroup: the name of the log group to"
                    + " subscribe to");
        } else {
            logGroup(checks, "logGroup", group.get());
        }
        map.field("filter").filter(f -> !(f.value() instanceof ScalarNode) && !Options.unresolved(f.value()))
                .ifPresent(f -> checks.add(Violation.VALUE, OptionChecks.where(f), "cloudwatchLog filter must be a"
                        + " CloudWatch Logs filter pattern (text), like '{ $.level = \"ERROR\" }'; got "
                        + Options.show(f.value())));
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    private static void logGroup(OptionChecks checks, String what, Node value) {
        if (Options.unresolved(value)) {
            return;
        }
        Optional<String> text = value instanceof ScalarNode ? Options.string(value) : Optional.empty();
        if (text.isEmpty() || !LOG_GROUP.matcher(text.get()).find()) {
            checks.add(Violation.SHAPE, value.ref(), "cloudwatchLog " + what + " must be a log group name made of"
                    + " letters, digits and / # - _ . (no intrinsics, no spaces); got "
                    + (Options.isIntrinsic(value) ? "the intrinsic " + Options.intrinsicName(value) : Options.show(value)));
        }
    }
}
