package dev.slsguard.engine.model;

import java.util.Objects;

/**
 * An inline {@code # slsguard-ignore: RULE-ID reason} comment. It suppresses findings of that rule
 * on its own line (a trailing comment) or on the next line (a comment line above the finding).
 *
 * @param ruleId the rule it suppresses
 * @param reason why, as written (empty when the comment gives none)
 * @param ref    where the comment is (its {@code #})
 */
public record SuppressionComment(String ruleId, String reason, SourceRef ref) {

    public SuppressionComment {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ref, "ref");
    }

    /** The comment's file, for rules. */
    public String file() {
        return ref.file();
    }

    /** The comment's line, for rules. */
    public int line() {
        return ref.line();
    }

    /** True when the comment gives a reason. */
    public boolean hasReason() {
        return !reason.isBlank();
    }

    /** True when this comment suppresses {@code finding}: same rule, same file, this line or the next. */
    public boolean covers(Finding finding) {
        return finding.ruleId().equals(ruleId) && sameFile(finding.location().file(), ref.file())
                && (finding.location().line() == ref.line() || finding.location().line() == ref.line() + 1);
    }

    /** True when a finding at {@code location} would be covered by a comment for its rule. */
    public boolean coversLocation(SourceRef location) {
        return sameFile(location.file(), ref.file())
                && (location.line() == ref.line() || location.line() == ref.line() + 1);
    }

    private static boolean sameFile(String a, String b) {
        return SourceRef.normalizeFile(a).equals(SourceRef.normalizeFile(b));
    }
}
