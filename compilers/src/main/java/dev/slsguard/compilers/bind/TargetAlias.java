package dev.slsguard.compilers.bind;

/**
 * The alias v3 points every event at instead of the bare function ({@code provisioned} for
 * provisioned concurrency, {@code snapstart} for SnapStart).
 *
 * @param name      the alias name
 * @param logicalId the {@code AWS::Lambda::Alias} logical id
 */
public record TargetAlias(String name, String logicalId) {
}
