package dev.slsguard.reports.html;

/**
 * One IAM statement of a function's role.
 *
 * @param effect    {@code Allow} or {@code Deny}
 * @param actions   its actions, one per line
 * @param resources its resources, one per line (intrinsics as compact JSON)
 * @param origin    where it came from, as a sentence
 * @param kind      {@code derived}, {@code declared} or {@code core}
 */
public record PermissionRow(String effect, String actions, String resources, String origin, String kind) {
}
