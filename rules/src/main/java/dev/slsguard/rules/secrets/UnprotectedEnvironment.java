package dev.slsguard.rules.secrets;

import dev.slsguard.engine.model.SourceRef;

/**
 * A place that sets environment variables only the AWS managed key protects.
 *
 * @param where   the {@code environment} key
 * @param message the finding's message
 */
public record UnprotectedEnvironment(SourceRef where, String message) {
}
