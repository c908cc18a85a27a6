package dev.slsguard.reports.html;

import java.util.List;

/**
 * One statement of a function's role in the function's section, in one line: the actions of one
 * AWS service it grants and where it comes from. The full statement is in the role's section.
 *
 * @param effect          {@code Allow} or {@code Deny}
 * @param actions         the statement's actions of this service, comma-separated (long lists shortened)
 * @param resources       its resources as written in YAML, one per line (long lists shortened)
 * @param levels          the access levels of these actions ({@code read, write}), empty when not known
 * @param origin          where it came from, as a sentence with the line of the user's file
 * @param kind            {@code derived}, {@code declared}, {@code core}, {@code managed} or {@code resource}
 * @param statementAnchor the fragment id of the statement's row in its role's section, empty when the
 *                        page has no such row
 * @param badges          the findings on the statement
 */
public record GrantLine(String effect, String actions, String resources, String levels, String origin, String kind,
                        String statementAnchor, List<Badge> badges) {

    public GrantLine {
        badges = List.copyOf(badges);
    }
}
