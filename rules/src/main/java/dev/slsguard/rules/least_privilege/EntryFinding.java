package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.SourceRef;

/**
 * A finding a least-privilege helper computed for one entry of a statement.
 *
 * @param where   the offending entry (Action item, Resource item, condition key)
 * @param message what is too wide and what would be enough
 */
public record EntryFinding(SourceRef where, String message) {
}
