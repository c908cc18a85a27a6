package dev.slsguard.rules.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches ARN patterns a user wrote ({@code *} any run of characters, {@code ?} one character) against
 * the ARN formats of the IAM data ({@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}).
 *
 * <p>A placeholder stands for one or more characters. {@code ${Partition}}, {@code ${Region}} and
 * {@code ${Account}} never contain {@code :}; other placeholders contain neither {@code :} nor
 * {@code /}, except the last one of a format whose resource part is more than that placeholder
 * (object keys, paths, qualified function names), which may contain anything. So
 * {@code arn:aws:s3:::uploads/*} is an object and not a bucket, and {@code arn:aws:s3:::uploads} a
 * bucket and not an object.
 */
final class ArnMatch {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();

    private static final int LITERAL = 0;
    private static final int ONE = 1;
    private static final int STAR = 2;

    private static final int ANY = 0;
    private static final int NO_COLON = 1;
    private static final int NO_COLON_SLASH = 2;

    /** One element of a pattern: a literal character, or one / any number of characters of a class. */
    private record Token(int kind, char literal, int charClass) {
    }

    private ArnMatch() {
    }

    /** Some ARN is both of format {@code format} and matched by the user's pattern {@code arn}. */
    static boolean matches(String format, String arn) {
        if (CACHE.size() > 200_000) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(format + "\n" + arn, k -> intersects(userTokens(arn), formatTokens(format)));
    }

    /**
     * The user's pattern matches every ARN of the format (partition, region and account as the user
     * wrote them): tested with two unlikely names for every other placeholder.
     */
    static boolean covers(String arn, String format) {
        String[] user = arn.split(":", 6);
        String first = probe(format, user, "zq7", "zq7");
        String second = probe(format, user, "zq8k", "zq8k/zq9:x");
        return Globs.matches(arn, first) && Globs.matches(arn, second);
    }

    private static String probe(String format, String[] user, String name, String path) {
        List<String> names = placeholders(format);
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(format);
        int last = 0;
        int index = 0;
        while (m.find()) {
            out.append(format, last, m.start());
            String placeholder = m.group(1);
            boolean isLast = index == names.size() - 1 && m.end() == format.length();
            String value;
            switch (placeholder) {
                case "Partition" -> value = segment(user, 1, "aws");
                case "Region" -> value = segment(user, 3, "us-east-1");
                case "Account" -> value = segment(user, 4, "123456789012");
                default -> value = isLast && pathLike(format) ? path : name;
            }
            out.append(value);
            last = m.end();
            index++;
        }
        out.append(format.substring(last));
        return out.toString();
    }

    private static String segment(String[] user, int index, String fallback) {
        if (user.length == 6 && !user[index].isEmpty()
                && user[index].indexOf('*') < 0 && user[index].indexOf('?') < 0) {
            return user[index];
        }
        return fallback;
    }

    private static List<String> placeholders(String format) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(format);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The resource part (after the fifth colon) is more than a single placeholder. */
    private static boolean pathLike(String format) {
        String[] parts = format.split(":", 6);
        if (parts.length < 6) {
            return true;
        }
        return !parts[5].matches("\\$\\{[^}]*}");
    }

    private static List<Token> userTokens(String arn) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < arn.length(); i++) {
            char c = arn.charAt(i);
            if (c == '*') {
                if (out.isEmpty() || out.get(out.size() - 1).kind() != STAR) {
                    out.add(new Token(STAR, '\0', ANY));
                }
            } else if (c == '?') {
                out.add(new Token(ONE, '\0', ANY));
            } else {
                out.add(new Token(LITERAL, c, ANY));
            }
        }
        return out;
    }

    private static List<Token> formatTokens(String format) {
        List<Token> out = new ArrayList<>();
        boolean pathLike = pathLike(format);
        Matcher m = PLACEHOLDER.matcher(format);
        int last = 0;
        while (m.find()) {
            for (int i = last; i < m.start(); i++) {
                out.add(new Token(LITERAL, format.charAt(i), ANY));
            }
            String name = m.group(1);
            int charClass;
            if (name.equals("Partition") || name.equals("Region") || name.equals("Account")) {
                charClass = NO_COLON;
            } else if (m.end() == format.length() && pathLike) {
                charClass = ANY;
            } else {
                charClass = NO_COLON_SLASH;
            }
            out.add(new Token(ONE, '\0', charClass));
            out.add(new Token(STAR, '\0', charClass));
            last = m.end();
        }
        for (int i = last; i < format.length(); i++) {
            out.add(new Token(LITERAL, format.charAt(i), ANY));
        }
        return out;
    }

    /** Reachability in the product of the two patterns' automata. */
    private static boolean intersects(List<Token> a, List<Token> b) {
        int n = a.size();
        int m = b.size();
        boolean[][] seen = new boolean[n + 1][m + 1];
        int[] stack = new int[(n + 1) * (m + 1) * 4 + 4];
        int top = 0;
        stack[top++] = 0;
        seen[0][0] = true;
        while (top > 0) {
            int state = stack[--top];
            int i = state / (m + 1);
            int j = state % (m + 1);
            if (i == n && j == m) {
                return true;
            }
            Token ta = i < n ? a.get(i) : null;
            Token tb = j < m ? b.get(j) : null;
            if (ta != null && ta.kind() == STAR) {
                top = push(seen, stack, top, i + 1, j, m);
            }
            if (tb != null && tb.kind() == STAR) {
                top = push(seen, stack, top, i, j + 1, m);
            }
            if (ta != null && tb != null && compatible(ta, tb)) {
                int ni = ta.kind() == STAR ? i : i + 1;
                int nj = tb.kind() == STAR ? j : j + 1;
                if (ni != i || nj != j) {
                    top = push(seen, stack, top, ni, nj, m);
                }
            }
        }
        return false;
    }

    private static int push(boolean[][] seen, int[] stack, int top, int i, int j, int m) {
        if (!seen[i][j]) {
            seen[i][j] = true;
            stack[top++] = i * (m + 1) + j;
        }
        return top;
    }

    /** Some character is accepted by both tokens. */
    private static boolean compatible(Token a, Token b) {
        if (a.kind() == LITERAL && b.kind() == LITERAL) {
            return a.literal() == b.literal();
        }
        if (a.kind() == LITERAL) {
            return inClass(a.literal(), b.charClass());
        }
        if (b.kind() == LITERAL) {
            return inClass(b.literal(), a.charClass());
        }
        return true;
    }

    private static boolean inClass(char c, int charClass) {
        return switch (charClass) {
            case NO_COLON -> c != ':';
            case NO_COLON_SLASH -> c != ':' && c != '/';
            default -> true;
        };
    }
}
