package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * The service's {@code configValidationMode}, as Serverless Framework v3 reads it: how a value that
 * breaks v3's configuration schema is reported. v3 coerces values the same way in every mode.
 */
public enum ValidationMode {
    /** v3's default: it prints a warning and packages anyway. */
    WARN,
    /** v3 stops with an error. */
    ERROR,
    /** v3 says nothing. */
    OFF;

    /** The mode a {@code configValidationMode} value selects; anything but error and off is v3's default. */
    public static ValidationMode of(String value) {
        return switch (value == null ? "" : value) {
            case "error" -> ERROR;
            case "off" -> OFF;
            default -> WARN;
        };
    }

    /** The severity of a schema violation in this mode; empty when such violations are not reported. */
    public Optional<Severity> severity() {
        return switch (this) {
            case WARN -> Optional.of(Severity.WARNING);
            case ERROR -> Optional.of(Severity.ERROR);
            case OFF -> Optional.empty();
        };
    }
}
