package dev.slsguard.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * A {@code schedule} event as compiled: one EventBridge rule ({@code method: eventBus}, the
 * default) or one EventBridge Scheduler schedule ({@code method: scheduler}) per rate expression.
 *
 * @param function     the function key
 * @param index        position in the function's {@code events:}
 * @param method       {@link #EVENT_BUS} or {@link #SCHEDULER}
 * @param rates        the schedule expressions ({@code rate(...)}, {@code cron(...)} or intrinsics)
 * @param resourceIds  logical ids of the {@code AWS::Events::Rule}s or
 *                     {@code AWS::Scheduler::Schedule}s, one per rate, in order
 * @param permissionIds logical ids of the {@code AWS::Lambda::Permission}s (eventBus only)
 * @param enabled      false for {@code enabled: false} (state {@code DISABLED})
 * @param name         {@code name}, if set
 * @param timezone     {@code timezone}, if set (scheduler only)
 * @param options      the event value as written (a string or a mapping), typed and located
 * @param ref          the event item's location
 */
public record ScheduleEvent(String function, int index, String method, List<CfnValue> rates,
                            List<String> resourceIds, List<String> permissionIds, boolean enabled,
                            Optional<String> name, Optional<String> timezone, Setting options, SourceRef ref) {

    /** EventBridge rules on the default bus, invoking the function through a Lambda permission. */
    public static final String EVENT_BUS = "eventBus";
    /** EventBridge Scheduler schedules, invoking the function with the execution role. */
    public static final String SCHEDULER = "scheduler";

    public ScheduleEvent {
        rates = List.copyOf(rates);
        resourceIds = List.copyOf(resourceIds);
        permissionIds = List.copyOf(permissionIds);
    }

    public boolean usesScheduler() {
        return SCHEDULER.equals(method);
    }
}
