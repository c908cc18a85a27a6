package dev.slsguard.engine.model;

import java.util.Objects;

/**
 * Another place a finding involves, shown beside its own location (SARIF {@code relatedLocations}):
 * e.g. the event that caused a derived statement the finding is about.
 *
 * @param ref   where it is
 * @param label what it is, for the reader ({@code "the sqs event that derived this statement"})
 */
public record RelatedLocation(SourceRef ref, String label) {

    public RelatedLocation {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(label, "label");
    }
}
