package dev.slsguard.engine.rules;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.RoleTrust;
import java.util.List;

/**
 * What one rule session produced.
 *
 * @param findings   every finding, sorted by location, then rule id, then message
 * @param statements every IAM statement in the session at the end (core, declared, derived),
 *                   sorted by role and order key
 * @param trusts     every service principal rules let assume a role, sorted by role and order key
 * @param failures   the rules whose consequence threw, in the order they threw; each is also an
 *                   error finding in {@code findings}
 */
public record RuleOutcome(List<Finding> findings, List<IamStatement> statements, List<RoleTrust> trusts,
                          List<RuleFailure> failures) {

    public RuleOutcome {
        findings = List.copyOf(findings);
        statements = List.copyOf(statements);
        trusts = List.copyOf(trusts);
        failures = List.copyOf(failures);
    }

    /** An outcome in which no rule failed. */
    public RuleOutcome(List<Finding> findings, List<IamStatement> statements, List<RoleTrust> trusts) {
        this(findings, statements, trusts, List.of());
    }

    /** An outcome without added trust principals. */
    public RuleOutcome(List<Finding> findings, List<IamStatement> statements) {
        this(findings, statements, List.of());
    }
}
