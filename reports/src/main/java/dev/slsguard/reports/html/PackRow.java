package dev.slsguard.reports.html;

/** A rule pack, its position in the summary (1-based) and how many findings of each severity it reported. */
public record PackRow(String pack, int index, int errors, int warnings, int notes) {
}
