package dev.slsguard.cli;

/**
 * What a variable without a value does ({@code --unresolved}, {@code unresolved:} in
 * {@code .slsguard.yml}): stop the analysis of the service, as v3 does, or stay a visible placeholder.
 */
enum Unresolved {
    STRICT,
    PLACEHOLDER
}
