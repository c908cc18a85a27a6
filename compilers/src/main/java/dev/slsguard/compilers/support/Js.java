package dev.slsguard.compilers.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.json.JsJson;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The few JavaScript semantics Serverless Framework v3's output depends on: truthiness,
 * {@code JSON.stringify}, number-to-string conversion, {@code Number(string)} and the order of
 * {@code Object.keys}.
 */
public final class Js {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern OCT = Pattern.compile("0[oO][0-7]+");
    private static final Pattern BIN = Pattern.compile("0[bB][01]+");

    private Js() {
    }

    /** JavaScript truthiness; a Java {@code null} stands for {@code undefined}. */
    public static boolean truthy(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        return true;
    }

    /** {@code value != null} in JavaScript: present and not {@code null}. */
    public static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** {@code JSON.stringify(value)} without indentation. */
    public static String stringify(JsonNode node) {
        return JsJson.stringify(node);
    }

    /**
     * JavaScript's {@code String(value)}, which is also what a template literal writes: a Java
     * {@code null} is {@code undefined}, an array its items joined with commas.
     */
    public static String string(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "undefined";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return numberToString(value);
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonNode item = value.get(i);
                out.append(item.isNull() ? "" : string(item));
            }
            return out.toString();
        }
        return "[object Object]";
    }

    /** {@code String(number)} as JavaScript writes it ({@code 1}, {@code 1.5}, {@code 1e+21}). */
    public static String numberToString(JsonNode number) {
        return JsJson.numberToString(number);
    }

    /** {@code String(number)} for a double (ECMAScript Number::toString). */
    public static String numberToString(double d) {
        return JsJson.numberToString(d);
    }

    /** {@code Number(text)}, empty when it gives {@code NaN} or an infinity. */
    public static Optional<Double> toNumber(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.of(0.0);
        }
        try {
            if (DECIMAL.matcher(t).matches()) {
                return Optional.of(Double.parseDouble(t)).filter(Double::isFinite);
            }
            if (HEX.matcher(t).matches()) {
                return Optional.of((double) Long.parseLong(t.substring(2), 16));
            }
            if (OCT.matcher(t).matches()) {
                return Optional.of((double) Long.parseLong(t.substring(2), 8));
            }
            if (BIN.matcher(t).matches()) {
                return Optional.of((double) Long.parseLong(t.substring(2), 2));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The order of {@code Object.keys}; see {@link JsJson#objectKeyOrder}. */
    public static List<String> objectKeyOrder(List<String> keys) {
        return JsJson.objectKeyOrder(keys);
    }

    /** lodash {@code _.upperFirst}. */
    public static String upperFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int len = Character.charCount(first);
        return s.substring(0, len).toUpperCase(Locale.ROOT) + s.substring(len);
    }
}
