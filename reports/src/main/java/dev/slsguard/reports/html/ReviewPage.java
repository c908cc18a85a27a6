package dev.slsguard.reports.html;

import java.util.List;

/**
 * Everything the HTML review page shows, already ordered and formatted; the template only lays it
 * out (and escapes it).
 *
 * @param title            page title
 * @param tool             {@code slsguard 0.1.0}
 * @param file             the configuration file as named in locations
 * @param service          the service name
 * @param totals           one row per severity
 * @param packs            one row per rule pack with findings, by name
 * @param functions        one section per function, in {@code functions:} order
 * @param roles            one section per role functions run with, by logical id
 * @param serviceFindings  findings that belong to no function
 * @param findingCount     how many findings in all
 * @param suppressedCount  how many findings inline comments suppressed (not shown, not counted)
 * @param map              the service map's figure as HTML (map.jte: an {@code <svg>} element with every text
 *                         escaped, and its caption), written as it is; empty when not drawn
 */
public record ReviewPage(String title, String tool, String file, String service, List<CountRow> totals,
                         List<PackRow> packs, List<FunctionSection> functions, List<RoleSection> roles,
                         List<FindingView> serviceFindings,
                         int findingCount, int suppressedCount, String map) {

    public ReviewPage {
        totals = List.copyOf(totals);
        packs = List.copyOf(packs);
        functions = List.copyOf(functions);
        roles = List.copyOf(roles);
        serviceFindings = List.copyOf(serviceFindings);
    }
}
