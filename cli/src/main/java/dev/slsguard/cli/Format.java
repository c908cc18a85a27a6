package dev.slsguard.cli;

/** What {@code --format} sends to standard output. */
public enum Format {
    TEXT, JSON, SARIF, HTML, JUNIT
}
