package dev.slsguard.compilers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * Type coercion as v3's configuration validation applies it before compiling (AJV with
 * {@code coerceTypes: 'array'}): {@code "25"} becomes {@code 25} where the schema wants an
 * integer, {@code "true"} becomes {@code true}, a one-element array becomes its element. A value
 * that cannot be coerced is returned unchanged (v3 passes it to CloudFormation verbatim in
 * {@code warn} mode). A Java {@code null} (absent) stays {@code null}.
 */
public final class Coerce {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Coerce() {
    }

    public static JsonNode integer(JsonNode value) {
        return coerce(value, Coerce::toInteger);
    }

    public static JsonNode number(JsonNode value) {
        return coerce(value, Coerce::toNumber);
    }

    public static JsonNode bool(JsonNode value) {
        return coerce(value, Coerce::toBoolean);
    }

    public static JsonNode string(JsonNode value) {
        return coerce(value, Coerce::toText);
    }

    private interface Rule {
        Optional<JsonNode> apply(JsonNode value);
    }

    private static JsonNode coerce(JsonNode value, Rule rule) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        JsonNode candidate = value;
        if (candidate.isArray() && candidate.size() == 1) {
            candidate = candidate.get(0);
        }
        return rule.apply(candidate).orElse(value);
    }

    private static Optional<JsonNode> toNumber(JsonNode v) {
        if (v.isNumber()) {
            return Optional.of(v);
        }
        if (v.isBoolean()) {
            return Optional.of(JSON.numberNode(v.booleanValue() ? 1 : 0));
        }
        if (v.isNull()) {
            return Optional.of(JSON.numberNode(0));
        }
        if (v.isTextual() && !v.textValue().isEmpty()) {
            return Js.toNumber(v.textValue()).map(Coerce::numberNode);
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> toInteger(JsonNode v) {
        if (v.isNumber()) {
            return v.isIntegralNumber() || v.doubleValue() == Math.rint(v.doubleValue()) ? Optional.of(v)
                    : Optional.empty();
        }
        return toNumber(v).filter(n -> n.doubleValue() == Math.rint(n.doubleValue()));
    }

    private static Optional<JsonNode> toBoolean(JsonNode v) {
        if (v.isBoolean()) {
            return Optional.of(v);
        }
        if (v.isNull() || (v.isTextual() && v.textValue().equals("false"))
                || (v.isNumber() && v.doubleValue() == 0)) {
            return Optional.of(JSON.booleanNode(false));
        }
        if ((v.isTextual() && v.textValue().equals("true")) || (v.isNumber() && v.doubleValue() == 1)) {
            return Optional.of(JSON.booleanNode(true));
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> toText(JsonNode v) {
        if (v.isTextual()) {
            return Optional.of(v);
        }
        if (v.isNumber()) {
            return Optional.of(JSON.textNode(Js.numberToString(v)));
        }
        if (v.isBoolean()) {
            return Optional.of(JSON.textNode(Boolean.toString(v.booleanValue())));
        }
        if (v.isNull()) {
            return Optional.of(JSON.textNode(""));
        }
        return Optional.empty();
    }

    private static JsonNode numberNode(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            long v = (long) d;
            return v == (int) v ? JSON.numberNode((int) v) : JSON.numberNode(v);
        }
        return JSON.numberNode(d);
    }
}
