package dev.slsguard.reports;

import dev.slsguard.engine.model.Finding;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * How a run compares with a baseline ({@code --baseline}), for SARIF's {@code baselineState}: the
 * findings the baseline does not account for are {@code new}, the others {@code unchanged}, and the
 * baseline's findings that no longer occur are listed as {@code absent}.
 *
 * @param fresh  the new findings (compared by identity: the very objects of the analyses)
 * @param absent the baseline's findings no longer found
 */
public record BaselineStates(Set<Finding> fresh, List<Absent> absent) {

    /** A finding of the baseline that no longer occurs: its rule, file and logical location. */
    public record Absent(String ruleId, String file, String location) {
    }

    public BaselineStates {
        Set<Finding> same = Collections.newSetFromMap(new IdentityHashMap<>());
        same.addAll(fresh);
        fresh = Collections.unmodifiableSet(same);
        absent = List.copyOf(absent);
    }

    public static BaselineStates of(List<Finding> fresh, List<Absent> absent) {
        Set<Finding> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(fresh);
        return new BaselineStates(set, absent);
    }

    boolean isNew(Finding finding) {
        return fresh.contains(finding);
    }
}
