package dev.slsguard.rules.iam;

import java.util.Locale;

/** IAM's glob matching: {@code *} any run of characters (also none), {@code ?} exactly one. */
public final class Globs {

    private Globs() {
    }

    /**
     * True when the action glob {@code pattern} ({@code iam:Pass*}) matches {@code action}
     * ({@code iam:PassRole}), compared case-insensitively as IAM compares action names.
     */
    public static boolean matchesAction(String pattern, String action) {
        return matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    /** The concrete {@code text} matches {@code pattern}, case-sensitively. */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))
                    && pattern.charAt(p) != '*') {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The text contains {@code *} or {@code ?}. */
    public static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }
}
