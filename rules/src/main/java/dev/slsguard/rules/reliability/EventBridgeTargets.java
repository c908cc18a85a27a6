package dev.slsguard.rules.reliability;

import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Setting;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What happens to the events an EventBridge rule cannot deliver to a function, and rules that match
 * more than the function expects. Reads {@code eventBridge} and {@code cloudwatchEvent} events'
 * options through {@link EventDecl#options()}.
 */
public final class EventBridgeTargets {

    /** Envelope fields that narrow a pattern to one kind of event (beyond its source). */
    private static final Set<String> NARROWING = Set.of("detail-type", "detail", "resources", "$or");

    private EventBridgeTargets() {
    }

    /** The event's pattern: {@code pattern} of an eventBridge event, {@code event} of a cloudwatchEvent. */
    public static Setting pattern(EventDecl event) {
        return event.options().get(event.type().equals("cloudwatchEvent") ? "event" : "pattern");
    }

    /** True when the rule runs on the account's default bus (no {@code eventBus}, or {@code default}). */
    public static boolean onDefaultBus(EventDecl event) {
        if (event.type().equals("cloudwatchEvent")) {
            return true;
        }
        Setting bus = event.options().get("eventBus");
        return !bus.truthy() || bus.isText() && bus.textOr("").equals("default")
                || bus.isArn() && bus.textOr("").endsWith(":event-bus/default");
    }

    /**
     * The {@code source} of a pattern that names AWS services ({@code aws.*}) and nothing narrower (no
     * detail-type, detail, resources or $or): on the default bus every event type those services emit
     * matches, and they emit many (list of zero or one, for DRL {@code from}).
     */
    public static List<Setting> sourceOnly(Setting pattern) {
        Setting source = pattern.get("source");
        if (!pattern.isMap() || !source.isList() || source.size() == 0
                || source.items().stream().anyMatch(s -> !s.isText() || s.unresolved()
                        || !s.textOr("").startsWith("aws."))) {
            return List.of();
        }
        boolean narrowed = pattern.keys().stream().anyMatch(NARROWING::contains);
        return narrowed ? List.of() : List.of(source);
    }

    /** The sources of a pattern's {@code source} list, for messages ({@code aws.ec2, aws.s3}). */
    public static String sources(Setting source) {
        return String.join(", ", source.items().stream().map(s -> s.textOr("")).toList());
    }

    /**
     * What is wrong with a {@code deadLetterQueueArn} that is no SQS queue: a literal ARN of another
     * service, or {@code Fn::GetAtt} of a resource of the template that is no {@code AWS::SQS::Queue}
     * (list of zero or one message, for DRL {@code from}). EventBridge sends undeliverable events only
     * to SQS queues.
     */
    public static List<String> notAQueue(Setting deadLetter, Collection<?> resources) {
        if (deadLetter.unresolved()) {
            return List.of();
        }
        if (deadLetter.isArn()) {
            String service = deadLetter.arnService().orElse("");
            return service.equals("sqs") ? List.of() : List.of("is " + (service.isEmpty() ? "an ARN" : "a " + service
                    + " ARN") + ", not an SQS queue ARN");
        }
        Setting getAtt = deadLetter.get("Fn::GetAtt");
        String target = getAtt.isList() && getAtt.size() > 0 ? getAtt.items().get(0).textOr("")
                : getAtt.isText() ? getAtt.textOr("").split("\\.", 2)[0] : "";
        if (target.isEmpty()) {
            return List.of();
        }
        return resources.stream().filter(Resource.class::isInstance).map(Resource.class::cast)
                .filter(r -> r.logicalId().equals(target) && !r.type().equals("AWS::SQS::Queue")).findFirst()
                .map(r -> List.of("points at " + target + " (" + r.type() + "), not at an AWS::SQS::Queue"))
                .orElse(List.of());
    }
}
