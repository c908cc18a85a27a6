package dev.slsguard.reports;

import dev.slsguard.engine.model.Finding;
import java.util.Comparator;
import java.util.List;

/** The one order every report lists findings in: file, line, column, rule id, message, fingerprint. */
public final class FindingOrder {

    public static final Comparator<Finding> COMPARATOR = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(Finding::fingerprint);

    private FindingOrder() {
    }

    public static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(COMPARATOR).toList();
    }
}
