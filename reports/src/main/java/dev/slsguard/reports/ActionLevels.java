package dev.slsguard.reports;

import java.util.Set;

/**
 * The IAM access levels of what an {@code Action} entry names ({@code s3:Get*} gives {@code Read}),
 * for the review page to say what a function's role lets it do ({@link AccessLevel} names them). The IAM action data lives with the
 * rules; the CLI passes a lookup backed by it, and the page says nothing about levels without one.
 */
@FunctionalInterface
public interface ActionLevels {

    /** No data: no level is known for any action. */
    ActionLevels UNKNOWN = action -> Set.of();

    /**
     * The levels of the actions {@code action} matches (a name or a pattern with {@code *} and
     * {@code ?}, any case); empty when no known action matches.
     */
    Set<String> of(String action);
}
