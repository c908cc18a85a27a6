package dev.slsguard.engine.model;

/**
 * A finding an inline comment suppressed: reported (SARIF {@code suppressions}) but not counted.
 *
 * @param finding the finding
 * @param comment the comment that suppressed it
 */
public record SuppressedFinding(Finding finding, SuppressionComment comment) {
}
