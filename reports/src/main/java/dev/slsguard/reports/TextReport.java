package dev.slsguard.reports;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import java.util.List;
import java.util.Locale;

/**
 * The console summary: a line of counts by severity, then one line per finding
 * ({@code file:line:col severity RULE-ID message}) in {@link FindingOrder}. With colour, the
 * summary is bold and each severity has its colour (ANSI escapes); the text is otherwise the same.
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";

    private TextReport() {
    }

    public static String render(List<Finding> findings) {
        return render(findings, false);
    }

    public static String render(List<Finding> findings, boolean colour) {
        StringBuilder out = new StringBuilder();
        String summary = SeverityCounts.of(findings).summary();
        out.append(colour ? "\u001b[1m" + summary + RESET : summary).append('\n');
        for (Finding f : FindingOrder.sorted(findings)) {
            String severity = f.severity().label();
            out.append(f.location()).append(' ')
                    .append(colour ? colourOf(f.severity()) + severity + RESET : severity).append(' ')
                    .append(f.ruleId()).append(' ')
                    .append(oneLine(f.message())).append('\n');
        }
        return out.toString();
    }

    private static String colourOf(Severity severity) {
        return switch (severity) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case NOTE -> "\u001b[36m";
        };
    }

    /**
     * {@code text} as one printable line for a terminal or a CI log: line breaks become spaces, and
     * control characters (an ANSI escape in a user's key could clear the screen or forge a line) and
     * bidirectional overrides (which reorder what a reader sees) are shown as Java escapes
     * (backslash, u, four hex digits).
     */
    public static String oneLine(String text) {
        String flat = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        StringBuilder out = null;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            boolean hidden = c != '\t' && Character.getType(c) == Character.CONTROL || isBidiControl(c);
            if (hidden && out == null) {
                out = new StringBuilder(flat.length() + 16).append(flat, 0, i);
            }
            if (out != null) {
                if (hidden) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? flat : out.toString();
    }

    private static boolean isBidiControl(char c) {
        return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f'
                || c == '\u061c';
    }
}
