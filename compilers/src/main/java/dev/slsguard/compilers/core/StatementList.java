package dev.slsguard.compilers.core;

import dev.slsguard.engine.model.IamStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution role's statements that v3 writes before the event compilers run: core logs,
 * declared, and those {@code compileFunctions} adds. Keeps v3's two ways of adding: a plain push,
 * and lodash {@code _.unionWith(..., _.isEqual)}, which also collapses statements that were already
 * equal (parity: a duplicated declared statement disappears once KMS or X-Ray is configured).
 */
public final class StatementList {

    private final List<IamStatement> statements = new ArrayList<>();

    public void push(IamStatement statement) {
        statements.add(statement);
    }

    /** {@code statements = _.unionWith(statements, [statement], _.isEqual)}. */
    public void union(IamStatement statement) {
        List<IamStatement> unique = new ArrayList<>();
        for (IamStatement s : statements) {
            if (unique.stream().noneMatch(u -> u.document().equals(s.document()))) {
                unique.add(s);
            }
        }
        if (unique.stream().noneMatch(u -> u.document().equals(statement.document()))) {
            unique.add(statement);
        }
        statements.clear();
        statements.addAll(unique);
    }

    public List<IamStatement> statements() {
        return List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
