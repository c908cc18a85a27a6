package dev.slsguard.reports.html;

import java.util.List;

/**
 * One finding with its rule's metadata and the lines around it.
 *
 * @param anchor      the fragment id of the finding (badges beside statements link to it)
 * @param ruleId      the rule id
 * @param severity    {@code error}, {@code warning} or {@code note}
 * @param pack        the rule's pack
 * @param packIndex   the pack's position in the summary (1-based), for the page's filters
 * @param message     the finding's message
 * @param location    {@code file:line:col}
 * @param title       the rule's title
 * @param description what the rule checks
 * @param help        how to fix (text), empty when the help is a link
 * @param helpUrl     the rule's help link, empty when none
 * @param snippet     the lines around the finding, the offending one marked; empty when the file
 *                    is not the configuration file
 * @param related     other places the finding involves, each {@code label (file:line:col)}
 */
public record FindingView(String anchor, String ruleId, String severity, String pack, int packIndex, String message, String location,
                          String title, String description, String help, String helpUrl,
                          List<SnippetLine> snippet, List<String> related) {

    public FindingView {
        snippet = List.copyOf(snippet);
        related = List.copyOf(related);
    }
}
