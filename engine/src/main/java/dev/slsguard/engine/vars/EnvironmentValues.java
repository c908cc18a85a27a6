package dev.slsguard.engine.vars;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values {@code ${env:NAME}} gave during a run, and their removal from every text the run shows
 * (messages, logs, reports; not the template): each value is replaced by its reference
 * {@code ${env:NAME}}, also where it stands changed the way names and reports change it (upper or
 * lower case, first letter capitalised, only letters and digits kept as in a logical id, {@code -}
 * spelt {@code Dash}, escaped for JSON, HTML or XML, URL-encoded). A value shorter than
 * {@value #MIN_LENGTH} characters is left as it is: such values are stage names, flags and numbers
 * ({@code dev}, {@code true}, {@code 30}), not secrets, and replacing them would garble the reports.
 * Safe to share between threads.
 */
public final class EnvironmentValues {

    /** The shortest value that is replaced. */
    public static final int MIN_LENGTH = 8;

    /** How a report spells a text: JSON, HTML (jte) and XML escaping, URL encoding. */
    private static final List<UnaryOperator<String>> ENCODINGS = List.of(
            UnaryOperator.identity(),
            EnvironmentValues::jsonEscaped,
            text -> text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&#34;").replace("'", "&#39;"),
            text -> text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;").replace("'", "&apos;"),
            text -> URLEncoder.encode(text, StandardCharsets.UTF_8),
            text -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));

    /** How names made from a value spell it (logical ids, generated names). */
    private static final List<UnaryOperator<String>> SHAPES = List.of(
            UnaryOperator.identity(),
            text -> text.replaceAll("[^0-9A-Za-z]", ""),
            text -> text.replace("-", "Dash").replace("_", "Underscore").replaceAll("[^0-9A-Za-z]", ""),
            text -> text.replace("-", "Dash").replace("_", "Underscore").replace(".", "Period")
                    .replaceAll("[^0-9A-Za-z]", ""));

    private static final List<UnaryOperator<String>> CASES = List.of(
            UnaryOperator.identity(),
            text -> text.toUpperCase(Locale.ROOT),
            text -> text.toLowerCase(Locale.ROOT),
            EnvironmentValues::upperFirst,
            text -> upperFirst(text.toLowerCase(Locale.ROOT)));

    /** Each value read, with the name it was first read under. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private Pattern pattern;
    private Map<String, String> replacements = Map.of();

    /** Records that {@code ${env:name}} gave {@code value}. */
    public synchronized void record(String name, String value) {
        if (value.length() >= MIN_LENGTH && names.putIfAbsent(value, name) == null) {
            pattern = null;
        }
    }

    /** Whether no value long enough to be replaced was read. */
    public synchronized boolean isEmpty() {
        return names.isEmpty();
    }

    /** {@code text} with every value read replaced by its reference. */
    public synchronized String redact(String text) {
        if (names.isEmpty() || text.isEmpty()) {
            return text;
        }
        if (pattern == null) {
            compile();
        }
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder redacted = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(redacted, Matcher.quoteReplacement(replacements.get(matcher.group())));
        } while (matcher.find());
        matcher.appendTail(redacted);
        return redacted.toString();
    }

    /** UTF-8 {@code bytes} with every value read replaced by its reference. */
    public byte[] redact(byte[] bytes) {
        if (isEmpty()) {
            return bytes;
        }
        return redact(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** Every spelling of every value, longest first so that a longer spelling wins over its part. */
    private void compile() {
        Map<String, String> spellings = new LinkedHashMap<>();
        names.forEach((value, name) -> {
            String reference = "${env:" + name + "}";
            for (UnaryOperator<String> shape : SHAPES) {
                for (UnaryOperator<String> letterCase : CASES) {
                    String spelt = letterCase.apply(shape.apply(value));
                    if (spelt.length() < MIN_LENGTH) {
                        continue;
                    }
                    for (UnaryOperator<String> encoding : ENCODINGS) {
                        spellings.putIfAbsent(encoding.apply(spelt), encoding.apply(reference));
                    }
                }
            }
        });
        List<String> ordered = new ArrayList<>(spellings.keySet());
        ordered.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alternatives = new StringBuilder();
        for (String spelling : ordered) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(spelling));
        }
        pattern = Pattern.compile(alternatives.toString());
        replacements = spellings;
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
