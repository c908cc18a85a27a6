package dev.slsguard.reports;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import java.util.List;

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

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
