package dev.slsguard.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON text exactly as JavaScript's {@code JSON.stringify} writes it, compact or indented: key
 * order of {@code Object.keys} (array-index keys first, ascending, then insertion order), numbers
 * as {@code Number::toString}, JSON.stringify's string escapes. Serverless Framework v3 writes its
 * templates and filter patterns this way, so parity and byte-stable outputs depend on it.
 */
public final class JsJson {

    private JsJson() {
    }

    /** {@code JSON.stringify(value)}. */
    public static String stringify(JsonNode node) {
        Chunks out = new Chunks(Chunks.Mode.TEXT);
        write(out, node, -1, 0);
        return out.text.toString();
    }

    /** {@code JSON.stringify(value, null, 2)}. */
    public static String pretty(JsonNode node) {
        Chunks out = new Chunks(Chunks.Mode.TEXT);
        write(out, node, 2, 0);
        return out.text.toString();
    }

    /**
     * {@code JSON.stringify(value, null, 2)} and a newline, as UTF-8 bytes: the text goes to the bytes in
     * chunks as it is written, so a template of megabytes is never also a string of megabytes (and a
     * copy of it) on the way.
     */
    public static byte[] prettyLineBytes(JsonNode node) {
        Chunks out = new Chunks(Chunks.Mode.BYTES);
        write(out, node, 2, 0);
        out.text.append('\n');
        return out.bytes();
    }

    /**
     * The length in UTF-8 bytes of {@code JSON.stringify(value)}, counted chunk by chunk as it is written
     * (the text of a large template is never held whole).
     */
    public static long stringifiedUtf8Length(JsonNode node) {
        return stringifiedUtf8Length(node, null, null);
    }

    /**
     * As {@link #stringifiedUtf8Length(JsonNode)}, and when {@code node} is an object whose member
     * {@code member} is an object, the length of each of that object's values (a template's resources) is
     * given to {@code lengths} as it is counted, in the order written.
     */
    public static long stringifiedUtf8Length(JsonNode node, String member, java.util.function.ObjLongConsumer<String> lengths) {
        Chunks out = new Chunks(Chunks.Mode.COUNT);
        out.sizedMember = member;
        out.sizes = lengths;
        write(out, node, -1, 0);
        out.spill(true);
        if (out.text.capacity() > Chunks.COUNT_KEPT) {
            Chunks.COUNT_BUFFER.remove(); // grown by one long string: not kept for the thread's life
        }
        return out.counted;
    }

    /**
     * The text being written: kept whole ({@code TEXT}), or moved into UTF-8 bytes whenever it grows past
     * a chunk ({@code BYTES}), or only counted as UTF-8 bytes chunk by chunk ({@code COUNT}).
     */
    private static final class Chunks {
        enum Mode { TEXT, BYTES, COUNT }

        /** Bytes go out in chunks of this many characters; counting needs no more than a small buffer. */
        private static final int CHUNK = 1 << 16;
        private static final int COUNT_CHUNK = 1 << 12;
        private final Mode mode;
        private final int chunk;
        private final StringBuilder text;
        /** The text written so far as UTF-8, chunk by chunk, each array exactly as long as its chunk. */
        private final java.util.List<byte[]> encoded = new java.util.ArrayList<>();
        private long counted;
        /** COUNT: the top-level member whose object's values are measured one by one, and who is told. */
        private String sizedMember;
        private java.util.function.ObjLongConsumer<String> sizes;

        /** A counting buffer grown past this (by one long string) is not kept. */
        private static final int COUNT_KEPT = 1 << 16;
        /**
         * The buffer of each thread's counting: counts run one at a time per thread and often (each
         * resource and statement of a template), so the buffer is kept instead of allocated per count.
         */
        private static final ThreadLocal<StringBuilder> COUNT_BUFFER =
                ThreadLocal.withInitial(() -> new StringBuilder(COUNT_CHUNK + 256));

        Chunks(Mode mode) {
            this.mode = mode;
            this.chunk = mode == Mode.BYTES ? CHUNK : COUNT_CHUNK;
            if (mode == Mode.COUNT) {
                this.text = COUNT_BUFFER.get();
                text.setLength(0);
            } else {
                this.text = new StringBuilder(mode == Mode.BYTES ? CHUNK + 1024 : 256);
            }
        }

        /** Called between values: never inside a string, so a surrogate pair is never split. */
        void spill() {
            spill(false);
        }

        void spill(boolean all) {
            if (mode == Mode.TEXT || text.length() < chunk && !all) {
                return;
            }
            if (mode == Mode.BYTES) {
                byte[] part = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                encoded.add(part);
                counted += part.length;
            } else {
                counted += utf8Length(text);
            }
            text.setLength(0);
        }

        /** UTF-8 bytes of well-formed text (lone surrogates were escaped when quoted). */
        private static long utf8Length(CharSequence chars) {
            long n = 0;
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                if (c < 0x80) {
                    n += 1;
                } else if (c < 0x800) {
                    n += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < chars.length()
                        && Character.isLowSurrogate(chars.charAt(i + 1))) {
                    n += 4;
                    i++;
                } else {
                    n += 3;
                }
            }
            return n;
        }

        byte[] bytes() {
            spill(true);
            if (encoded.size() == 1) {
                return encoded.get(0);
            }
            byte[] all = new byte[Math.toIntExact(counted)];
            int at = 0;
            for (byte[] part : encoded) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }
    }

    private static void write(Chunks out, JsonNode node, int indent, int depth) {
        out.spill();
        if (node == null) {
            out.text.append("null");
            return;
        }
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(out, node, indent, depth);
            case ARRAY -> writeArray(out, node, indent, depth);
            case STRING -> quote(out.text, node.textValue());
            case NUMBER -> out.text.append(numberToJson(node));
            case BOOLEAN -> out.text.append(node.booleanValue());
            case NULL, MISSING -> out.text.append("null");
            default -> quote(out.text, node.asText());
        }
    }

    private static void writeObject(Chunks out, JsonNode node, int indent, int depth) {
        writeObject(out, node, indent, depth, false);
    }

    /** With {@code measured}, {@code out.sizes} is told how many bytes each value took (COUNT mode). */
    private static void writeObject(Chunks out, JsonNode node, int indent, int depth, boolean measured) {
        if (node.isEmpty()) {
            out.text.append("{}");
            return;
        }
        out.text.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : orderedEntries(node)) {
            if (!first) {
                out.text.append(',');
            }
            first = false;
            newline(out.text, indent, depth + 1);
            quote(out.text, field.getKey());
            out.text.append(indent < 0 ? ":" : ": ");
            JsonNode value = field.getValue();
            if (measured) {
                out.spill(true);
                long before = out.counted;
                write(out, value, indent, depth + 1);
                out.spill(true);
                out.sizes.accept(field.getKey(), out.counted - before);
            } else if (depth == 0 && out.sizes != null && field.getKey().equals(out.sizedMember) && value.isObject()) {
                writeObject(out, value, indent, depth + 1, true);
            } else {
                write(out, value, indent, depth + 1);
            }
        }
        newline(out.text, indent, depth);
        out.text.append('}');
    }

    private static void writeArray(Chunks out, JsonNode node, int indent, int depth) {
        if (node.isEmpty()) {
            out.text.append("[]");
            return;
        }
        out.text.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.text.append(',');
            }
            newline(out.text, indent, depth + 1);
            write(out, node.get(i), indent, depth + 1);
        }
        newline(out.text, indent, depth);
        out.text.append(']');
    }

    private static final String SPACES = " ".repeat(64);

    private static void newline(StringBuilder out, int indent, int depth) {
        if (indent >= 0) {
            out.append('\n');
            for (int n = indent * depth; n > 0; n -= SPACES.length()) {
                out.append(SPACES, 0, Math.min(n, SPACES.length()));
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> orderedEntries(JsonNode object) {
        java.util.Set<Map.Entry<String, JsonNode>> entries = object.properties();
        boolean anyIndex = false;
        for (Map.Entry<String, JsonNode> e : entries) {
            if (isArrayIndex(e.getKey())) {
                anyIndex = true;
                break;
            }
        }
        if (!anyIndex) {
            return entries; // the usual case: insertion order, nothing copied
        }
        List<Map.Entry<String, JsonNode>> indices = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : entries) {
            (isArrayIndex(e.getKey()) ? indices : others).add(e);
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
        indices.addAll(others);
        return indices;
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
        indices.addAll(others);
        return indices;
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 4_294_967_295L;
    }

    /** A number as JSON.stringify writes it: {@code Number::toString}, {@code null} for NaN and infinities. */
    private static String numberToJson(JsonNode number) {
        if (!number.isIntegralNumber() && !Double.isFinite(number.doubleValue())) {
            return "null";
        }
        return numberToString(number);
    }

    /** {@code String(number)} as JavaScript writes it ({@code 1}, {@code 1.5}, {@code 1e+21}). */
    public static String numberToString(JsonNode number) {
        if (number.isInt() || number.isLong()) {
            return Long.toString(number.longValue()); // what the BigDecimal path below gives, for 19 digits at most
        }
        if (number.isIntegralNumber()) {
            return decimalToString(new BigDecimal(number.bigIntegerValue()));
        }
        if (number.isBigDecimal()) {
            return decimalToString(number.decimalValue());
        }
        return numberToString(number.doubleValue());
    }

    /** {@code String(number)} for a double (ECMA-262 Number::toString). */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return decimalToString(new BigDecimal(Double.toString(d)));
    }

    private static String decimalToString(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        value = value.stripTrailingZeros();
        String sign = value.signum() < 0 ? "-" : "";
        String digits = value.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - value.scale(); // the value is 0.digits * 10^n
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** Appends {@code text} quoted with JSON.stringify's escapes (control characters, lone surrogates). */
    public static void quote(StringBuilder out, String text) {
        out.append('"');
        int length = text.length();
        int from = 0; // text[from, i) goes out as it is, in one append
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            String escaped = escape(text, i, c);
            if (escaped != null) {
                out.append(text, from, i).append(escaped);
                from = i + 1;
            }
        }
        if (from == 0) {
            out.append(text);
        } else {
            out.append(text, from, length);
        }
        out.append('"');
    }

    /** The escape of {@code text[i]} ({@code c}), or null for half of a surrogate pair (written as it is). */
    private static String escape(String text, int i, char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 || isLoneSurrogate(text, i) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
        };
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
