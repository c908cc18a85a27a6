package dev.slsguard.compilers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lodash's case helpers as v3's naming uses them for API Gateway logical ids ({@code _.words},
 * {@code _.camelCase}, {@code _.startCase}, {@code _.capitalize}), for ASCII text.
 */
public final class LodashCase {

    private static final Pattern CHUNK = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern WORD = Pattern.compile("[A-Z]{2,}(?=[A-Z][a-z]|[0-9]|$)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+");

    private LodashCase() {
    }

    /** {@code _.words}: runs of letters and digits, split at case and digit boundaries. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher chunks = CHUNK.matcher(text);
        while (chunks.find()) {
            Matcher word = WORD.matcher(chunks.group());
            while (word.find()) {
                words.add(word.group());
            }
        }
        return words;
    }

    /** {@code _.camelCase}: {@code order-model} gives {@code orderModel}. */
    public static String camelCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : words(text)) {
            out.append(out.length() == 0 ? word.toLowerCase(Locale.ROOT) : capitalize(word));
        }
        return out.toString();
    }

    /** {@code _.startCase}: {@code application/json} gives {@code Application Json}. */
    public static String startCase(String text) {
        List<String> parts = new ArrayList<>();
        for (String word : words(text)) {
            parts.add(Js.upperFirst(word));
        }
        return String.join(" ", parts);
    }

    /** {@code _.capitalize}: the first letter upper case, the rest lower case. */
    public static String capitalize(String text) {
        return Js.upperFirst(text.toLowerCase(Locale.ROOT));
    }
}
