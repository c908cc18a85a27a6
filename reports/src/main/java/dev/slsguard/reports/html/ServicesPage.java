package dev.slsguard.reports.html;

import java.util.List;

/**
 * The HTML review page of several services checked at once: a summary and filters over all of
 * them, then a section per service.
 *
 * @param title           page title
 * @param tool            {@code slsguard 0.1.0}
 * @param totals          one row per severity, over every service
 * @param packs           one row per rule pack with findings, by name
 * @param services        one entry per service, in the order they were checked
 * @param findingCount    how many findings in all
 * @param suppressedCount how many findings inline comments suppressed
 * @param coverage        what the run checked, in words ({@code checked 15 services (21 functions) with 163 rules})
 * @param notAnalysed     one line per service not analysed: {@code file:line:col: error: message}
 */
public record ServicesPage(String title, String tool, List<CountRow> totals, List<PackRow> packs,
                           List<ServiceEntry> services, int findingCount, int suppressedCount,
                           String coverage, List<String> notAnalysed) {

    public ServicesPage {
        totals = List.copyOf(totals);
        packs = List.copyOf(packs);
        services = List.copyOf(services);
        notAnalysed = List.copyOf(notAnalysed);
    }
}
