package dev.slsguard.rules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topic filters of an AWS IoT SQL statement ({@code SELECT ... FROM '<filter>' ...}). */
public final class IotTopics {

    private static final Pattern FROM = Pattern.compile("\\bFROM\\s+(['\"])(.*?)\\1", Pattern.CASE_INSENSITIVE);

    private IotTopics() {
    }

    /**
     * The statement's topic filters that match every topic: only {@code +} levels before a final
     * {@code #} ({@code #}, {@code +/#}, {@code +/+/#}).
     */
    public static List<String> everyTopicFilters(String sql) {
        List<String> found = new ArrayList<>();
        Matcher matcher = FROM.matcher(sql);
        while (matcher.find()) {
            String filter = matcher.group(2).trim();
            if (filter.toLowerCase(Locale.ROOT).matches("(\\+/)*#")) {
                found.add(filter);
            }
        }
        return found;
    }
}
