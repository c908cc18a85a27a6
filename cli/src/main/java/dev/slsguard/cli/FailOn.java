package dev.slsguard.cli;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import java.util.List;
import java.util.Optional;

/** The {@code --fail-on} threshold: the least severe finding that makes the exit code 1. */
public enum FailOn {
    ERROR(Severity.ERROR), WARNING(Severity.WARNING), NOTE(Severity.NOTE), NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** True when a finding is at or above the threshold. */
    public boolean fails(List<Finding> findings) {
        return threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
