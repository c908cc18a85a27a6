package dev.slsguard.reports;

import java.util.List;
import java.util.Set;

/**
 * The IAM access levels of what an {@code Action} entry names ({@code s3:Get*} gives {@code Read}),
 * for the review page to say what a function's role lets it do. The IAM action data lives with the
 * rules; the CLI passes a lookup backed by it, and the page says nothing about levels without one.
 */
@FunctionalInterface
public interface ActionLevels {

    /** The levels in the order the page lists them (the order of AWS's service authorization reference). */
    List<String> ORDER = List.of("List", "Read", "Write", "Permissions management", "Tagging");

    /** No data: no level is known for any action. */
    ActionLevels UNKNOWN = action -> Set.of();

    /**
     * The levels of the actions {@code action} matches (a name or a pattern with {@code *} and
     * {@code ?}, any case); empty when no known action matches.
     */
    Set<String> of(String action);
}
