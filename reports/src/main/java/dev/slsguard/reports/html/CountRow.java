package dev.slsguard.reports.html;

/** A severity and how many findings have it. */
public record CountRow(String severity, int count) {
}
