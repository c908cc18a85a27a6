package dev.slsguard.engine.rules;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import java.util.List;

/**
 * What one rule session produced.
 *
 * @param findings   every finding, sorted by location, then rule id, then message
 * @param statements every IAM statement in the session at the end (core, declared, derived),
 *                   sorted by role and order key
 */
public record RuleOutcome(List<Finding> findings, List<IamStatement> statements) {

    public RuleOutcome {
        findings = List.copyOf(findings);
        statements = List.copyOf(statements);
    }
}
