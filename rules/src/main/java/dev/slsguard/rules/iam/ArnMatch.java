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
 * {@code /}, except a placeholder followed by {@code :}, which may contain {@code /} (log group
 * names such as {@code /aws/lambda/worker} before {@code :log-stream:}), and the last one of a
 * format whose resource part is more than that placeholder (object keys, paths, qualified function
 * names), which may contain anything. So
 * {@code arn:aws:s3:::uploads/*} is an object and not a bucket, and {@code arn:aws:s3:::uploads} a
 * bucket and not an object.
 */
final class ArnMatch {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

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

    /** A pattern split into its six ARN segments (the last one, the resource, may hold colons). */
    private record Segmented(String[] texts, List<List<Token>> segments, List<Token> whole) {
    }

    private static final Map<String, Segmented> FORMATS = new ConcurrentHashMap<>();
    private static final Map<String, Segmented> USERS = new ConcurrentHashMap<>();

    /**
     * Some ARN is both of format {@code format} and matched by the user's pattern {@code arn}.
     * Patterns with all six segments are compared segment by segment (a wildcard stays within its
     * segment, as IAM matches them); shorter ones ({@code arn:*:*}) as a whole, where a trailing
     * {@code *} spans the rest.
     */
    static boolean matches(String format, String arn) {
        Segmented f = FORMATS.computeIfAbsent(format, ArnMatch::compileFormat);
        if (USERS.size() > 20_000) {
            USERS.clear();
        }
        Segmented u = USERS.computeIfAbsent(arn, ArnMatch::compileUser);
        if (f.segments() == null || u.segments() == null) {
            return intersects(u.whole(), f.whole());
        }
        String service = f.texts()[2];
        String userService = u.texts()[2];
        if (service.indexOf('$') < 0 && !Globs.isGlob(userService) && !service.equals(userService)) {
            return false; // the common case: another service
        }
        for (int i = 0; i < 6; i++) {
            if (!intersects(u.segments().get(i), f.segments().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Segmented compileFormat(String format) {
        boolean pathLike = pathLike(format);
        String[] parts = format.split(":", 6);
        List<Token> whole = formatTokens(format, pathLike);
        if (parts.length < 6) {
            return new Segmented(parts, null, whole);
        }
        List<List<Token>> segments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            segments.add(formatTokens(parts[i], i == 5 && pathLike));
        }
        return new Segmented(parts, segments, whole);
    }

    private static Segmented compileUser(String arn) {
        String[] parts = arn.split(":", 6);
        List<Token> whole = userTokens(arn);
        if (parts.length < 6) {
            return new Segmented(parts, null, whole);
        }
        List<List<Token>> segments = new ArrayList<>();
        for (String part : parts) {
            segments.add(userTokens(part));
        }
        return new Segmented(parts, segments, whole);
    }

    /** A format cut at its placeholders: literal pieces, placeholder names, whether it is path-like. */
    private record Pieces(List<String> literals, List<String> names, boolean pathLike) {
    }

    private static final Map<String, Pieces> PIECES = new ConcurrentHashMap<>();

    /**
     * The user's pattern matches every ARN of the format (partition, region and account as the user
     * wrote them): tested with two unlikely names for every other placeholder.
     */
    static boolean covers(String arn, String format) {
        String[] user = arn.split(":", 6);
        Pieces pieces = PIECES.computeIfAbsent(format, ArnMatch::cut);
        String first = probe(pieces, user, "zq7", "zq7");
        String second = probe(pieces, user, "zq8k", "zq8k/zq9:x");
        return Globs.matches(arn, first) && Globs.matches(arn, second);
    }

    private static Pieces cut(String format) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(format);
        int last = 0;
        while (m.find()) {
            literals.add(format.substring(last, m.start()));
            names.add(m.group(1));
            last = m.end();
        }
        literals.add(format.substring(last));
        return new Pieces(literals, names, pathLike(format));
    }

    private static String probe(Pieces pieces, String[] user, String name, String path) {
        StringBuilder out = new StringBuilder();
        int count = pieces.names().size();
        for (int i = 0; i < count; i++) {
            out.append(pieces.literals().get(i));
            boolean isLast = i == count - 1 && pieces.literals().get(count).isEmpty();
            out.append(switch (pieces.names().get(i)) {
                case "Partition" -> segment(user, 1, "aws");
                case "Region" -> segment(user, 3, "us-east-1");
                case "Account" -> segment(user, 4, "123456789012");
                default -> isLast && pieces.pathLike() ? path : name;
            });
        }
        out.append(pieces.literals().get(count));
        return out.toString();
    }

    private static String segment(String[] user, int index, String fallback) {
        if (user.length == 6 && !user[index].isEmpty()
                && user[index].indexOf('*') < 0 && user[index].indexOf('?') < 0) {
            return user[index];
        }
        return fallback;
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

    /** Tokens of a format (or one segment of it); {@code pathLike}: its last placeholder may hold anything. */
    private static List<Token> formatTokens(String format, boolean pathLike) {
        List<Token> out = new ArrayList<>();
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
            } else if (m.end() < format.length() && format.charAt(m.end()) == ':') {
                charClass = NO_COLON; // log-group:${LogGroupName}:log-stream:...: names with paths
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
