package dev.slsguard.reports;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.NotAnalysed;
import dev.slsguard.engine.rules.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run covered: how many services were analysed, how many functions they have, how many
 * rules ran, and the services that were not analysed (errors and skipped ones).
 *
 * @param services    services analysed
 * @param functions   functions of those services
 * @param rules       distinct rules that ran
 * @param notAnalysed the services not analysed, in the order they were met
 */
public record RunSummary(int services, int functions, int rules, List<NotAnalysed> notAnalysed) {

    public RunSummary {
        notAnalysed = List.copyOf(notAnalysed);
    }

    public static RunSummary of(List<Analysis> analyses, List<NotAnalysed> notAnalysed) {
        Set<String> rules = new HashSet<>();
        int functions = 0;
        for (Analysis analysis : analyses) {
            analysis.rules().stream().map(RuleInfo::id).forEach(rules::add);
            functions += analysis.functions().size();
        }
        return new RunSummary(analyses.size(), functions, rules.size(), notAnalysed);
    }

    /** How many services could not be analysed (skipped ones are not counted). */
    public long errors() {
        return notAnalysed.stream().filter(n -> !n.skipped()).map(NotAnalysed::service).distinct().count();
    }

    /** How many services were skipped (another provider). */
    public long skipped() {
        return notAnalysed.stream().filter(NotAnalysed::skipped).map(NotAnalysed::service).distinct().count();
    }

    /**
     * The text report's closing lines: every service not analysed at its location, then the counts,
     * e.g. {@code checked 15 services (21 functions) with 163 rules; 4 could not be analysed, 1 skipped}.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (NotAnalysed service : notAnalysed) {
            out.append(service.labelled()).append('\n');
        }
        return out.append(coverage()).append('\n').toString();
    }

    /** {@code checked 15 services (21 functions) with 163 rules; 4 could not be analysed, 1 skipped}. */
    public String coverage() {
        StringBuilder out = new StringBuilder();
        long skipped = skipped();
        out.append("checked ").append(plural(services, "service")).append(" (").append(plural(functions, "function"))
                .append(") with ").append(plural(rules, "rule"));
        if (errors() > 0) {
            out.append("; ").append(errors()).append(" could not be analysed");
        }
        if (skipped > 0) {
            out.append("; ").append(skipped).append(" skipped");
        }
        return out.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
