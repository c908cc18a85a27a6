package dev.slsguard.engine.model;

import java.util.Locale;

/** How serious a finding is; ordered from most to least severe. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** Parses the {@code @severity} metadata value ({@code error}, {@code warning}, {@code note}). */
    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
