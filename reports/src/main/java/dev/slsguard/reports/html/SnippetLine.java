package dev.slsguard.reports.html;

/** One line of the configuration file shown beside a finding; {@code marked} for the offending line. */
public record SnippetLine(int number, String text, boolean marked) {
}
