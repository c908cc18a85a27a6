package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.AlbEvent;
import dev.slsguard.engine.model.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks of {@code alb} events of one function beyond v3's: v3 names a function's listener rules
 * after their priority and its target groups after the load balancer, so a later event can replace
 * what an earlier one declared without a word.
 */
public final class AlbTargets {

    /** The event options v3 reads into the target group. */
    private static final List<String> TARGET_GROUP_OPTIONS = List.of("healthCheck", "targetGroupName");

    private AlbTargets() {
    }

    /** The first earlier event of the function whose listener rule {@code event}'s replaces (same priority, same listener). */
    public static List<AlbEvent> replacedRule(AlbEvent event, Collection<?> albEvents) {
        return ofFunction(event, albEvents).filter(e -> e.listenerRuleId().equals(event.listenerRuleId())
                && e.index() < event.index()).min(Comparator.comparingInt(AlbEvent::index)).stream().toList();
    }

    /**
     * The health check and target group name {@code event} sets that its target group does not get:
     * a later event of the function shares the target group (same load balancer and
     * multiValueHeaders), and v3 writes it from the last of them.
     */
    public static List<Setting> unusedTargetGroupSettings(AlbEvent event, Collection<?> albEvents) {
        Optional<AlbEvent> last = ofFunction(event, albEvents).filter(e -> e.targetGroupId().equals(event.targetGroupId())
                && e.index() > event.index()).max(Comparator.comparingInt(AlbEvent::index));
        List<Setting> unused = new ArrayList<>();
        if (last.isEmpty()) {
            return unused;
        }
        for (String option : TARGET_GROUP_OPTIONS) {
            Setting own = event.options().get(option);
            if (own.present() && !own.toJson().equals(last.get().options().get(option).toJson())) {
                unused.add(own);
            }
        }
        return unused;
    }

    /** The last event of the function that shares the target group of {@code event}. */
    public static int lastSharing(AlbEvent event, Collection<?> albEvents) {
        return ofFunction(event, albEvents).filter(e -> e.targetGroupId().equals(event.targetGroupId()))
                .mapToInt(AlbEvent::index).max().orElse(event.index());
    }

    private static java.util.stream.Stream<AlbEvent> ofFunction(AlbEvent event, Collection<?> albEvents) {
        return albEvents.stream().filter(AlbEvent.class::isInstance).map(AlbEvent.class::cast)
                .filter(e -> e.function().equals(event.function()));
    }
}
