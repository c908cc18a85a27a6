package dev.slsguard.rules.leastprivilege;

import java.util.Locale;

/**
 * IAM action globs ({@code *}, {@code ?}) compared case-insensitively, as IAM compares action
 * names; the matching itself is {@link dev.slsguard.rules.iam.Globs}.
 */
public final class Globs {

    private Globs() {
    }

    /** True when {@code pattern} ({@code iam:Pass*}) matches {@code action} ({@code iam:PassRole}). */
    public static boolean matches(String pattern, String action) {
        return dev.slsguard.rules.iam.Globs.matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    /** True when the pattern has a wildcard. */
    public static boolean isGlob(String pattern) {
        return dev.slsguard.rules.iam.Globs.isGlob(pattern);
    }
}
