package dev.slsguard.reports.html;

import java.util.List;

/**
 * One IAM statement of a role, in full.
 *
 * @param effect    {@code Allow} or {@code Deny}
 * @param actions   its actions, one per line
 * @param resources its resources, one per line, as written in YAML ({@code !GetAtt Queue.Arn})
 * @param levels    the access levels of its actions ({@code read, write}), empty when not known
 * @param origin    where it came from, as a sentence with the line of the user's file
 * @param kind      {@code derived}, {@code declared}, {@code core}, {@code managed} or {@code resource}
 * @param anchor    the fragment id of its row
 * @param badges    the findings on it
 */
public record PermissionRow(String effect, String actions, String resources, String levels, String origin,
                            String kind, String anchor, List<Badge> badges) {

    public PermissionRow {
        badges = List.copyOf(badges);
    }
}
