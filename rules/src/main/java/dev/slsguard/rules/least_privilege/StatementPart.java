package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;

/**
 * A part of a statement the least-privilege rules analyse (an Action or Resource entry, a key, a
 * condition key) or a fact inferred about one: what a finding sits on, in the statement's order.
 */
public sealed interface StatementPart permits ActionEntry, ResourceEntry, StatementKey, ConditionEntry,
        UnscopedAction {

    /** The statement it belongs to. */
    IamStatement statement();

    /** Its position among the statement's parts of its kind, as written. */
    int index();

    /** Where it is written; the statement's own ref when the statement has no nodes in the file (managed policies). */
    SourceRef where();
}
