package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.SourceRef;

/**
 * One entry of a statement's {@code Action} / {@code Resource} (or their {@code Not} forms): its
 * value and where it is written.
 *
 * @param value the entry ({@code s3:*}, or a resource value possibly intrinsic)
 * @param where the entry in the user's file; for statements without nodes (managed policies) the
 *              statement's own ref
 */
public record Entry(CfnValue value, SourceRef where) {

    /** The entry's text when it is a plain string. */
    public String text() {
        return value.literal().orElse("");
    }
}
