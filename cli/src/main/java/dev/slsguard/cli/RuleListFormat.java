package dev.slsguard.cli;

/** What {@code rules list --format} prints. */
enum RuleListFormat {
    TEXT, JSON, MARKDOWN
}
