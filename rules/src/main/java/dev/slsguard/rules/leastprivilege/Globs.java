package dev.slsguard.rules.leastprivilege;

import java.util.Locale;
import java.util.regex.Pattern;

/** IAM action globs ({@code *}, {@code ?}), case-insensitive like IAM compares actions. */
public final class Globs {

    private Globs() {
    }

    /** True when {@code pattern} ({@code iam:Pass*}) matches {@code action} ({@code iam:PassRole}). */
    public static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), action.toLowerCase(Locale.ROOT));
    }

    /** True when the pattern has a wildcard. */
    public static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }
}
