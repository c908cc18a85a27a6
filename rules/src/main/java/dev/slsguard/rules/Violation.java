package dev.slsguard.rules;

import dev.slsguard.engine.model.SourceRef;

/**
 * One way an event's configuration breaks its schema, found by a hand-written schema class of this
 * package; validation rules turn violations of their kind into findings.
 *
 * @param kind    {@link #SHAPE}, {@link #VALUE} or {@link #UNKNOWN_KEY}
 * @param where   the offending value, the key for unknown keys, the event for missing keys
 * @param message what is wrong and what is allowed
 */
public record Violation(String kind, SourceRef where, String message) {

    /** The event's overall form: its value type, a missing or malformed {@code arn}. */
    public static final String SHAPE = "shape";
    /** An option with a value of the wrong type, out of range or not among the allowed values. */
    public static final String VALUE = "value";
    /** An option the event does not have. */
    public static final String UNKNOWN_KEY = "unknown-key";
}
