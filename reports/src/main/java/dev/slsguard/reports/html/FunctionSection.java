package dev.slsguard.reports.html;

import java.util.List;

/**
 * One function: where it is declared, its events, what the role it runs with grants it and its
 * findings.
 *
 * @param key         the key under {@code functions:}
 * @param name        the deployed name
 * @param anchor      the fragment id of its section
 * @param description its {@code description:}, empty when none
 * @param declared    where its key is: {@code line 12}, or {@code line 3 of functions.yml} when a file
 *                    included with {@code ${file()}} declares it
 * @param role        the role it runs with, as a sentence
 * @param events      its events in file order
 * @param grants      every statement its role grants it, by AWS service
 * @param roleAnchor  the fragment id of its role's section (all the role grants), empty when the
 *                    role is defined outside the service
 * @param findings    findings located under the function
 */
public record FunctionSection(String key, String name, String anchor, String description, String declared, String role,
                              List<EventRow> events, List<ServiceGrants> grants, String roleAnchor,
                              List<FindingView> findings) {

    public FunctionSection {
        events = List.copyOf(events);
        grants = List.copyOf(grants);
        findings = List.copyOf(findings);
    }
}
