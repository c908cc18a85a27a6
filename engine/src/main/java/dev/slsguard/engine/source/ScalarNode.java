package dev.slsguard.engine.source;

import dev.slsguard.engine.model.SourceRef;
import java.util.Optional;

/**
 * A scalar: {@code value} is a {@link String}, a {@link Long} or {@link java.math.BigInteger}, a
 * {@link Double} or {@link java.math.BigDecimal}, a {@link Boolean}, or {@code null} for YAML null.
 * A quoted {@code '25'} stays a string; type coercion is the business of whoever reads it.
 */
public record ScalarNode(SourceRef ref, Object value) implements Node {

    @Override
    public String kind() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Long || value instanceof java.math.BigInteger) {
            return "integer";
        }
        return "number";
    }

    public boolean isString() {
        return value instanceof String;
    }

    public Optional<String> string() {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The value as text the way YAML wrote it (numbers in their canonical form, null as "null"). */
    public String text() {
        return String.valueOf(value);
    }
}
