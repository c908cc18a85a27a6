package dev.slsguard.engine.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known name a misspelt one was probably meant to be (for findings and refusals). */
public final class Spelling {

    private Spelling() {
    }

    /**
     * The closest of {@code known} to {@code name}: equal ignoring case, or at most two edits
     * away (one for short names), or a known name that {@code name} starts with.
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = c.equals(lower) ? 0 : distance(lower, c);
            if (distance > (candidate.length() <= 4 ? 1 : 2) && !(lower.startsWith(c) && c.length() >= 3)) {
                continue;
            }
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code " (did you mean X?)"} or nothing. */
    public static String hint(String name, Collection<String> known) {
        return closest(name, known).map(c -> " (did you mean " + c + "?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
