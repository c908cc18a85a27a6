package dev.slsguard.cli;

import dev.slsguard.engine.rules.RuleInfo;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules named on the command line ({@code --rule}, {@code --skip-rule}, {@code explain}): by id or
 * by a glob of ids ({@code SLS-IAM-*}), or by the id a peer tool gives the same check, as the
 * rule's tags name it ({@code CKV_AWS_49} or {@code checkov:CKV_AWS_49}); case does not matter.
 */
final class RuleSelector {

    private final List<Pattern> patterns;

    RuleSelector(List<String> names) {
        this.patterns = names.stream().map(RuleSelector::glob).toList();
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** True when a name matches the rule's id, one of its peer ids, or a tag with the peer tool's name. */
    boolean matches(RuleInfo rule) {
        return patterns.stream().anyMatch(p -> matches(p, rule));
    }

    private static boolean matches(Pattern pattern, RuleInfo rule) {
        if (pattern.matcher(rule.id()).matches()) {
            return true;
        }
        for (String tag : rule.tags()) {
            int colon = tag.indexOf(':');
            if (colon > 0 && (pattern.matcher(tag).matches() || pattern.matcher(tag.substring(colon + 1)).matches())) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} any run of characters, {@code ?} one; everything else literal; case-insensitive. */
    private static Pattern glob(String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : name.trim().toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String toString() {
        return patterns.toString().toLowerCase(Locale.ROOT);
    }
}
