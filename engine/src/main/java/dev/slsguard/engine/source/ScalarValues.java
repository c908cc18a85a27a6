package dev.slsguard.engine.source;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types YAML scalars the way Serverless Framework v3 sees them: js-yaml 4 with its default schema
 * (the YAML 1.2 core schema plus timestamps). Only {@code true}/{@code false} are booleans, so
 * {@code yes}, {@code on} and {@code y} stay strings; {@code 012} is 12, {@code 0o17} is 15,
 * {@code 1_000} is a string; {@code 2001-12-14} becomes the ISO text a JavaScript Date serialises to.
 * (Jackson's own typing follows YAML 1.1, where {@code yes} and {@code on} are true: not used.)
 */
final class ScalarValues {

    private static final Pattern FLOAT = Pattern.compile(
            "^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?"
            + "|\\.[0-9]+(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN))$");
    private static final Pattern FLOAT_SPECIAL = Pattern.compile("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    private static final Pattern DATE = Pattern.compile("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)"
            + "(?:[Tt]|[ \\t]+)"
            + "([0-9][0-9]?):([0-9]{2}):([0-9]{2})"
            + "(?:\\.([0-9]*))?"
            + "(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$");

    /** Longest digit strings (leading zeros removed) whose value is still finite as a double, per radix. */
    private static final int MAX_BINARY_DIGITS = 1024;
    private static final int MAX_OCTAL_DIGITS = 342;
    private static final int MAX_HEX_DIGITS = 256;

    private ScalarValues() {
    }

    /** The value of a plain (unquoted, untagged) scalar: null, Boolean, Long/BigInteger, Double or String. */
    static Object resolvePlain(String text) {
        if (isNull(text)) {
            return null;
        }
        Optional<Object> typed = bool(text).or(() -> integer(text)).or(() -> floating(text)).or(() -> timestamp(text));
        return typed.orElse(text);
    }

    /**
     * The value of a scalar with an explicit standard tag ({@code !!str}, {@code !!int} ...); empty when
     * the text does not fit the tag (js-yaml refuses such a document).
     *
     * @param name the tag's name after {@code tag:yaml.org,2002:}
     * @return the value wrapped in an array of one (the value itself may be null)
     */
    static Optional<Object[]> resolveTagged(String name, String text) {
        return switch (name) {
            case "str", "binary" -> Optional.of(new Object[] {text});
            case "null" -> isNull(text) ? Optional.of(new Object[] {null}) : Optional.empty();
            case "bool" -> bool(text).map(v -> new Object[] {v});
            case "int" -> integer(text).map(v -> new Object[] {v});
            case "float" -> floating(text).or(() -> integer(text).map(ScalarValues::toDouble)).map(v -> new Object[] {v});
            case "timestamp" -> timestamp(text).map(v -> new Object[] {v});
            default -> Optional.empty();
        };
    }

    /** Whether {@code name} is a scalar tag of the YAML standard set this loader knows. */
    static boolean isKnownScalarTag(String name) {
        return switch (name) {
            case "str", "binary", "null", "bool", "int", "float", "timestamp" -> true;
            default -> false;
        };
    }

    private static Object toDouble(Object number) {
        return ((Number) number).doubleValue();
    }

    static boolean isNull(String text) {
        return text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL");
    }

    private static Optional<Object> bool(String text) {
        return switch (text) {
            case "true", "True", "TRUE" -> Optional.of(Boolean.TRUE);
            case "false", "False", "FALSE" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    private static Optional<Object> integer(String text) {
        int length = text.length();
        if (length == 0) {
            return Optional.empty();
        }
        int index = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            index++;
        }
        if (index >= length) {
            return Optional.empty();
        }
        if (text.charAt(index) == '0' && index + 1 < length) {
            char prefix = text.charAt(index + 1);
            int radix = prefix == 'b' ? 2 : prefix == 'x' ? 16 : prefix == 'o' ? 8 : 0;
            if (radix != 0) {
                return radixInteger(text.substring(index + 2), radix, negative);
            }
        }
        for (int i = index; i < length; i++) {
            if (!isDigit(text.charAt(i), 10)) {
                return Optional.empty();
            }
        }
        String digits = stripLeadingZeros(text.substring(index));
        if (Double.isInfinite(Double.parseDouble(digits))) {
            return Optional.empty(); // js-yaml: not a finite integer, and not a finite float either
        }
        return Optional.of(normalise(new BigInteger(digits), negative));
    }

    private static Optional<Object> radixInteger(String digits, int radix, boolean negative) {
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isDigit(digits.charAt(i), radix)) {
                return Optional.empty();
            }
        }
        String significant = stripLeadingZeros(digits);
        int max = radix == 2 ? MAX_BINARY_DIGITS : radix == 8 ? MAX_OCTAL_DIGITS : MAX_HEX_DIGITS;
        if (significant.length() > max) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(significant, radix);
        if (Double.isInfinite(value.doubleValue())) {
            return Optional.empty();
        }
        return Optional.of(normalise(value, negative));
    }

    private static Object normalise(BigInteger magnitude, boolean negative) {
        BigInteger value = negative ? magnitude.negate() : magnitude;
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static boolean isDigit(char c, int radix) {
        return switch (radix) {
            case 2 -> c == '0' || c == '1';
            case 8 -> c >= '0' && c <= '7';
            case 16 -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> c >= '0' && c <= '9';
        };
    }

    private static Optional<Object> floating(String text) {
        if (!FLOAT.matcher(text).matches()) {
            return Optional.empty();
        }
        if (FLOAT_SPECIAL.matcher(text).matches()) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith("nan")) {
                return Optional.of(Double.NaN);
            }
            return Optional.of(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? Optional.empty() : Optional.of(value);
    }

    /** A timestamp as the ISO text {@code Date.prototype.toJSON} gives, which is what v3 writes out. */
    private static Optional<Object> timestamp(String text) {
        if (text.length() < 8 || text.length() > 64 || !Character.isDigit(text.charAt(0))) {
            return Optional.empty();
        }
        Matcher date = DATE.matcher(text);
        if (date.matches()) {
            LocalDateTime at = utc(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)), 0, 0, 0, 0);
            return Optional.of(iso(at));
        }
        Matcher full = TIMESTAMP.matcher(text);
        if (!full.matches()) {
            return Optional.empty();
        }
        int millis = 0;
        if (full.group(7) != null && !full.group(7).isEmpty()) {
            String fraction = (full.group(7) + "00").substring(0, 3);
            millis = Integer.parseInt(fraction);
        }
        LocalDateTime at = utc(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)),
                Integer.parseInt(full.group(3)), Integer.parseInt(full.group(4)), Integer.parseInt(full.group(5)),
                Integer.parseInt(full.group(6)), millis);
        if (full.group(9) != null) {
            int offsetMinutes = Integer.parseInt(full.group(10)) * 60
                    + (full.group(11) == null ? 0 : Integer.parseInt(full.group(11)));
            at = full.group(9).equals("-") ? at.plusMinutes(offsetMinutes) : at.minusMinutes(offsetMinutes);
        }
        return Optional.of(iso(at));
    }

    /** {@code Date.UTC} semantics: out-of-range fields roll over, years 0..99 mean 1900..1999. */
    private static LocalDateTime utc(int year, int month, int day, int hour, int minute, int second, int millis) {
        int fullYear = year <= 99 ? 1900 + year : year;
        return LocalDateTime.of(fullYear, 1, 1, 0, 0)
                .plusMonths(month - 1L).plusDays(day - 1L).plusHours(hour).plusMinutes(minute)
                .plusSeconds(second).plusNanos(millis * 1_000_000L);
    }

    private static String iso(LocalDateTime at) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", at.getYear(),
                at.getMonthValue(), at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond(),
                at.atOffset(ZoneOffset.UTC).getNano() / 1_000_000);
    }
}
