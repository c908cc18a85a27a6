package dev.slsguard.cli;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import java.util.List;
import java.util.Optional;

/**
 * One service checked: its analysis (with its {@code .slsguard.yml} applied), the baseline and the
 * fail threshold that apply to it.
 */
record ServiceCheck(Analysis analysis, Optional<Baseline> baseline, FailOn failOn) {

    /** The findings that count toward the exit code: those not in the baseline. */
    List<Finding> counted() {
        return baseline.map(b -> b.newFindings(analysis))
                .orElse(analysis.findings());
    }

    boolean fails() {
        return failOn.fails(counted());
    }
}
