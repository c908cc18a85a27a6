package dev.slsguard.engine.rules;

import dev.slsguard.engine.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A rule's metadata as read from the loaded rule base ({@code @id @severity @risk @title
 * @description @help @tags}). Reports, {@code rules list} and {@code explain} read only this.
 *
 * @param id          {@code SLS-VAL-101}
 * @param severity    default severity of its findings
 * @param title       short title
 * @param description what it checks and why it matters
 * @param help        how to fix, or a URL
 * @param tags        pack name first, then topic tags and peer ids ({@code checkov:CKV_AWS_49})
 * @param pack        the DRL package the rule lives in
 * @param ruleName    the DRL rule name
 * @param risk        what its findings let an attacker do ({@code @risk}); null for a rule that is
 *                    not about security
 */
public record RuleInfo(String id, Severity severity, String title, String description, String help,
                       List<String> tags, String pack, String ruleName, Risk risk) {

    public RuleInfo {
        tags = List.copyOf(tags);
    }

    /** A rule that is not about security (no {@code @risk}). */
    public RuleInfo(String id, Severity severity, String title, String description, String help,
                    List<String> tags, String pack, String ruleName) {
        this(id, severity, title, description, help, tags, pack, ruleName, null);
    }

    /** Its {@code @risk}, when it is a security rule. */
    public Optional<Risk> securityRisk() {
        return Optional.ofNullable(risk);
    }

    /** The same rule with another default severity (a project's override); the risk stays. */
    public RuleInfo withSeverity(Severity newSeverity) {
        return new RuleInfo(id, newSeverity, title, description, help, tags, pack, ruleName, risk);
    }

    /**
     * The pack's name as users see it: the last segment of the DRL package, with {@code _} written
     * {@code -} ({@code dev.slsguard.rules.least_privilege} is {@code least-privilege}).
     */
    public String packName() {
        return pack.substring(pack.lastIndexOf('.') + 1).replace('_', '-');
    }
}
