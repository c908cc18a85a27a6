package dev.slsguard.rules.validation;

import dev.slsguard.rules.Violation;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SnsEvent;
import dev.slsguard.engine.model.SourceRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks of {@code sns} events beyond their schema: across the events of a service, where v3 quietly
 * keeps only one event's setting, and what SNS or CloudFormation reject at deploy time.
 */
public final class SnsEvents {

    private SnsEvents() {
    }

    /**
     * The {@code displayName} of an event that v3 ignores: on an existing topic, or on a topic the
     * framework creates when an earlier event (functions in order, then events) already created it
     * with another display name, or none.
     */
    public static List<Setting> ignoredDisplayName(SnsEvent event, Collection<?> snsEvents, Collection<?> functions) {
        Setting displayName = event.options().get("displayName");
        if (!displayName.present() || displayName.unresolved()) {
            return List.of();
        }
        if (!event.created()) {
            return List.of(displayName);
        }
        Optional<SnsEvent> first = snsEvents.stream().filter(SnsEvent.class::isInstance).map(SnsEvent.class::cast)
                .filter(e -> e.created() && e.topicId().equals(event.topicId()))
                .min((a, b) -> Long.compare(order(a, functions), order(b, functions)));
        if (first.isEmpty() || first.get() == event || order(first.get(), functions) == order(event, functions)) {
            return List.of();
        }
        Optional<String> kept = first.get().options().get("displayName").text();
        return kept.equals(displayName.text()) ? List.of() : List.of(displayName);
    }

    /** The function that subscribes first to the topic of {@code event}, for messages. */
    public static String creator(SnsEvent event, Collection<?> snsEvents, Collection<?> functions) {
        return snsEvents.stream().filter(SnsEvent.class::isInstance).map(SnsEvent.class::cast)
                .filter(e -> e.created() && e.topicId().equals(event.topicId()))
                .min((a, b) -> Long.compare(order(a, functions), order(b, functions)))
                .map(SnsEvent::function).orElse(event.function());
    }

    /**
     * The region of a topic ARN given as the event's plain string, when it is not
     * {@code deploymentRegion}: v3 then writes no {@code Region} on the subscription.
     */
    public static List<String> otherRegionOfStringArn(SnsEvent event, String deploymentRegion) {
        if (event.created() || !event.options().isArn()) {
            return List.of();
        }
        String[] parts = event.options().textOr("").split(":", -1);
        return parts.length > 3 && !parts[3].isEmpty() && !parts[3].equals(deploymentRegion)
                ? List.of(parts[3]) : List.of();
    }

    /** True when {@code later} comes after {@code earlier} in v3's compile order. */
    public static boolean after(SnsEvent later, SnsEvent earlier, Collection<?> functions) {
        return order(later, functions) > order(earlier, functions);
    }

    private static long order(SnsEvent event, Collection<?> functions) {
        int function = functions.stream().filter(Function.class::isInstance).map(Function.class::cast)
                .filter(f -> f.key().equals(event.function())).mapToInt(Function::index).findFirst().orElse(0);
        return (long) function * 100_000 + event.index();
    }

    /** Single values in {@code filterPolicy} where SNS wants a list ({@code plan: pro} for {@code plan: [pro]}). */
    public static List<Violation> scalarFilterValues(Setting options) {
        Setting policy = options.get("filterPolicy");
        if (policy.isMap()) {
            return MatchPatterns.scalarLeaves(policy, "sns filterPolicy attribute",
                    "SNS rejects the filter policy and CloudFormation fails to create the subscription");
        }
        return List.of();
    }

    /** True for a literal SNS topic ARN whose region part is empty ({@code arn:aws:sns::123:t}). */
    public static boolean emptyRegion(Setting arn) {
        String[] parts = arn.textOr("").split(":", -1);
        return parts.length > 3 && parts[2].equals("sns") && parts[3].isEmpty();
    }

    /**
     * What is wrong with {@code redrivePolicy.deadLetterTargetRef}: it names no resource, or a
     * resource that is not an SQS queue (v3 writes {@code Fn::GetAtt [ref, Arn]} and {@code Ref}
     * as the queue URL, which only a queue provides). Empty when it is a queue or not checkable.
     */
    public static List<String> deadLetterRefProblem(Setting options, Collection<?> resources) {
        Setting ref = options.at("redrivePolicy", "deadLetterTargetRef");
        if (!ref.isText() || ref.unresolved()) {
            return List.of();
        }
        String id = ref.textOr("");
        Optional<Resource> resource = resources.stream().filter(Resource.class::isInstance).map(Resource.class::cast)
                .filter(r -> r.logicalId().equals(id)).findFirst();
        if (resource.isEmpty()) {
            return List.of("names no resource of the template: add the queue to resources, or use"
                    + " deadLetterTargetArn for a queue outside the stack");
        }
        if (!resource.get().type().equals("AWS::SQS::Queue")) {
            return List.of("names a " + resource.get().type() + ", but the dead-letter target must be an"
                    + " AWS::SQS::Queue");
        }
        return List.of();
    }

    /** The {@code redrivePolicy.deadLetterTargetRef} value, for the finding's location. */
    public static SourceRef deadLetterRefLocation(Setting options, SourceRef fallback) {
        Setting ref = options.at("redrivePolicy", "deadLetterTargetRef");
        return ref.present() ? ref.ref() : fallback;
    }
}
