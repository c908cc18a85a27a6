package dev.slsguard.reports.html;

/**
 * A finding shown beside the statement it is about, linking to the finding in the findings list.
 *
 * @param ruleId   the rule id
 * @param severity {@code error}, {@code warning} or {@code note}
 * @param anchor   the fragment id of the finding
 * @param title    its rule's title (the badge's tooltip)
 */
public record Badge(String ruleId, String severity, String anchor, String title) {
}
