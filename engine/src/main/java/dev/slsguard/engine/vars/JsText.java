package dev.slsguard.engine.vars;

import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * How a value reads when v3 concatenates it into a string ({@code "orders-${opt:stage}"}): JavaScript's
 * {@code String(value)} for numbers, booleans and arrays; null and objects cannot be part of a string.
 */
final class JsText {

    private JsText() {
    }

    /** The text of {@code node} inside a string; empty for null and mappings. */
    static Optional<String> of(Node node) {
        if (node instanceof MapNode) {
            return Optional.empty();
        }
        if (node instanceof ListNode list) {
            return Optional.of(arrayText(list));
        }
        Object value = ((ScalarNode) node).value();
        return value == null ? Optional.empty() : Optional.of(scalarText(value));
    }

    /** {@code Array.prototype.join(",")}: null items are empty, nested objects read "[object Object]". */
    private static String arrayText(ListNode list) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < list.items().size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Node item = list.items().get(i);
            if (item instanceof MapNode) {
                text.append("[object Object]");
            } else if (item instanceof ListNode nested) {
                text.append(arrayText(nested));
            } else {
                Object value = ((ScalarNode) item).value();
                text.append(value == null ? "" : scalarText(value));
            }
        }
        return text.toString();
    }

    static String scalarText(Object value) {
        if (value instanceof Double number) {
            return numberText(number);
        }
        if (value instanceof BigDecimal number) {
            return numberText(number.doubleValue());
        }
        return String.valueOf(value);
    }

    /** {@code Number.prototype.toString()}: 1.0 is "1", 1e21 is "1e+21", 1.5e-7 is "1.5e-7". */
    static String numberText(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return exact.toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "") + exponent;
    }
}
