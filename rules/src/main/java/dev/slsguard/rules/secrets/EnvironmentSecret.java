package dev.slsguard.rules.secrets;

import dev.slsguard.engine.model.SourceRef;

/**
 * An environment variable that holds a secret written into the configuration.
 *
 * @param subject how the message names it ({@code provider.environment.DB_PASSWORD})
 * @param reason  why it is taken for a secret
 * @param where   its value's location
 */
public record EnvironmentSecret(String subject, String reason, SourceRef where) {
}
