package dev.slsguard.engine.model;

/**
 * A value that breaks the JSON Schema of its event type (or of the service's settings), found by
 * the schema stage after v3's coercion. Validation rules report it under the rule of its schema and
 * kind, with the severity {@code configValidationMode} gives.
 *
 * @param schema     the schema's name: the event type ({@code sqs}, {@code stream} ...) or
 *                   {@code service} for settings outside {@code events}
 * @param function   the function key, or empty outside a function's events
 * @param eventIndex the event's position in the function's {@code events:}, or -1
 * @param kind       {@link #SHAPE}, {@link #VALUE} or {@link #UNKNOWN_KEY}
 * @param path       where below the event (or the document root) the value is, as dotted keys
 *                   ({@code batchSize}, {@code destinations.onFailure}); empty for the event itself
 * @param where      the offending value, the key of an unknown option, the event for a missing one
 * @param message    what is wrong and what is allowed
 * @param severity   as {@code configValidationMode} says; an error in every mode where the schema says
 *                   v3 cannot package the value ({@code refused})
 */
public record SchemaViolation(String schema, String function, int eventIndex, String kind, String path,
                              SourceRef where, String message, Severity severity) {

    /** The event's overall form: its value type, a missing or malformed required option. */
    public static final String SHAPE = "shape";
    /** An option with a value of the wrong type, out of range or not among the allowed values. */
    public static final String VALUE = "value";
    /** An option the event does not have. */
    public static final String UNKNOWN_KEY = "unknown-key";
}
