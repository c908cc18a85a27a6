package dev.slsguard.reports;

import dev.slsguard.engine.model.Finding;
import java.util.List;

/**
 * The console summary: a line of counts by severity, then one line per finding
 * ({@code file:line:col severity RULE-ID message}) in {@link FindingOrder}.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        out.append(SeverityCounts.of(findings).summary()).append('\n');
        for (Finding f : FindingOrder.sorted(findings)) {
            out.append(f.location()).append(' ')
                    .append(f.severity().label()).append(' ')
                    .append(f.ruleId()).append(' ')
                    .append(oneLine(f.message())).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
