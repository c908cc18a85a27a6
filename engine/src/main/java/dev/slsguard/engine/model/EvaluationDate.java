package dev.slsguard.engine.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The day (UTC) the analysis is about, for rules whose answer depends on the calendar (runtime
 * deprecation dates). The pipeline inserts exactly one: today by default, or the date the caller
 * chose so that results can be reproduced.
 *
 * @param date the day the rules compare dates with
 */
public record EvaluationDate(LocalDate date) {

    public EvaluationDate {
        Objects.requireNonNull(date, "date");
    }

    /** True when {@code day} is on or before the evaluation date (the day has come). */
    public boolean reached(LocalDate day) {
        return !day.isAfter(date);
    }
}
