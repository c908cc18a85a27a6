package dev.slsguard.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule fixture: a {@code serverless.yml} whose lines carry {@code # expect: RULE-ID[, RULE-ID]}
 * (a finding of that rule on that line) and {@code # derives: RULE-ID} (a statement derived by
 * that rule, caused by that line) markers; one line may carry both.
 *
 * @param name     the fixture's directory below {@code fixtures/} ({@code validation/sqs-values})
 * @param file     its serverless.yml
 * @param expected the expected findings
 * @param derived  the expected derived statements
 */
record Fixture(String name, Path file, Set<Hit> expected, Set<Hit> derived) {

    /** A rule id on a line. */
    record Hit(String ruleId, int line) implements Comparable<Hit> {
        @Override
        public int compareTo(Hit other) {
            int byLine = Integer.compare(line, other.line);
            return byLine != 0 ? byLine : ruleId.compareTo(other.ruleId);
        }

        @Override
        public String toString() {
            return ruleId + " at line " + line;
        }
    }

    private static final Pattern MARKER = Pattern.compile("#\\s*(expect|derives):\\s*([A-Za-z0-9_, -]+)");

    static Fixture read(String name, Path file) throws IOException {
        Set<Hit> expected = new TreeSet<>();
        Set<Hit> derived = new TreeSet<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            while (m.find()) {
                for (String id : m.group(2).split(",")) {
                    if (!id.isBlank()) {
                        (m.group(1).equals("expect") ? expected : derived).add(new Hit(id.trim(), i + 1));
                    }
                }
            }
        }
        return new Fixture(name, file, expected, derived);
    }

    @Override
    public String toString() {
        return name;
    }
}
