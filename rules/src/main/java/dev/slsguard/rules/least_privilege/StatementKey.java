package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;

/**
 * A key of a statement the least-privilege rules analyse ({@code Effect}, {@code NotAction},
 * {@code Condition} ...), for the findings about the statement as a whole.
 *
 * @param statement the statement
 * @param index     its position among the statement's keys
 * @param name      the key
 * @param where     the key in the user's file (the statement's ref for a managed policy's statement)
 */
public record StatementKey(IamStatement statement, int index, String name, SourceRef where) implements StatementPart {
}
