package dev.slsguard.compilers.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isTextual()) {
            quote(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            out.append(numberToString(node));
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : orderedEntries(node)) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else {
            quote(node.asText(), out);
        }
    }

    private static List<Map.Entry<String, JsonNode>> orderedEntries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
        List<String> keys = objectKeyOrder(entries.stream().map(Map.Entry::getKey).toList());
        List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>();
        for (String key : keys) {
            for (Map.Entry<String, JsonNode> e : entries) {
                if (e.getKey().equals(key)) {
                    ordered.add(e);
                    break;
                }
            }
        }
        return ordered;
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                            && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** {@code String(number)} as JavaScript writes it ({@code 1}, {@code 1.5}, {@code 1e+21}). */
    public static String numberToString(JsonNode number) {
        if (number.isIntegralNumber() && !number.isBigInteger()) {
            long v = number.longValue();
            if (Math.abs(v) < 1_000_000_000_000_000_000L) {
                return Long.toString(v);
            }
        }
        return numberToString(number.doubleValue());
    }

    /** {@code String(number)} for a double (ECMAScript Number::toString). */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int k = digits.length();
        int n = k - bd.scale(); // value = 0.digits * 10^n
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits.substring(n));
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits.substring(1));
            }
            out.append('e').append(e < 0 ? "-" : "+").append(Math.abs(e));
        }
        return out.toString();
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

    /**
     * The order of {@code Object.keys}: keys that are array indices first, ascending, then the
     * others in insertion order.
     */
    public static List<String> objectKeyOrder(List<String> keys) {
        List<String> indices = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String key : keys) {
            (isArrayIndex(key) ? indices : others).add(key);
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        List<String> out = new ArrayList<>(indices);
        out.addAll(others);
        return out;
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (Iterator<Integer> it = key.chars().iterator(); it.hasNext();) {
            int c = it.next();
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 4_294_967_295L;
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
