package dev.slsguard.engine.rules;

import dev.slsguard.engine.model.Severity;
import java.util.List;

/**
 * A rule's metadata as read from the loaded rule base ({@code @id @severity @title @description
 * @help @tags}). Reports, {@code rules list} and {@code explain} read only this.
 *
 * @param id          {@code SLS-VAL-101}
 * @param severity    default severity of its findings
 * @param title       short title
 * @param description what it checks and why it matters
 * @param help        how to fix, or a URL
 * @param tags        pack name first, then topic tags and peer ids ({@code checkov:CKV_AWS_49})
 * @param pack        the DRL package the rule lives in
 * @param ruleName    the DRL rule name
 */
public record RuleInfo(String id, Severity severity, String title, String description, String help,
                       List<String> tags, String pack, String ruleName) {

    public RuleInfo {
        tags = List.copyOf(tags);
    }

    /**
     * The pack's name as users see it: the last segment of the DRL package, with {@code _} written
     * {@code -} ({@code dev.slsguard.rules.least_privilege} is {@code least-privilege}).
     */
    public String packName() {
        return pack.substring(pack.lastIndexOf('.') + 1).replace('_', '-');
    }
}
