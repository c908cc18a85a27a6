package dev.slsguard.engine.model;

/**
 * The one fact saying how configuration-schema problems are reported in this service
 * ({@code configValidationMode}); rules that report a schema problem found outside the schema stage
 * (an unknown event type, a malformed events item) take their severity from here.
 *
 * @param mode the service's mode
 * @param ref  where the mode is set, or the service's root when it is not
 */
public record ConfigValidation(ValidationMode mode, SourceRef ref) {

    /** True when schema problems are reported at all ({@code off} reports none). */
    public boolean reports() {
        return mode.severity().isPresent();
    }

    /** The severity of a schema problem; {@link Severity#NOTE} when not reported (never used then). */
    public Severity severity() {
        return mode.severity().orElse(Severity.NOTE);
    }
}
