package dev.slsguard.reports.html;

/** A rule pack and how many findings of each severity its rules reported. */
public record PackRow(String pack, int errors, int warnings, int notes) {
}
