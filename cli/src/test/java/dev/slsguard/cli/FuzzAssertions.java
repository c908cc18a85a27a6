package dev.slsguard.cli;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every refusal a fuzz test provokes must look like: located, in words, no Java names. */
final class FuzzAssertions {

    /** Words that only a leaked exception or stack trace would put into a message. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "Exception\\b|\\bjava\\.|\\bat dev\\.slsguard|internal error|StackOverflowError|OutOfMemoryError");

    private FuzzAssertions() {
    }

    /**
     * The refusal names one of {@code files} at a line and column, and its message says no Java name
     * (other than one the input itself holds, which a message may quote).
     */
    static void assertLocated(UserError error, byte[] input, String... files) {
        for (UserError problem : error.problems()) {
            SourceRef where = problem.location();
            boolean known = false;
            for (String file : files) {
                known |= file.equals(where.file());
            }
            if (!known || where.line() < 1 || where.column() < 1) {
                throw new AssertionError("refusal not located in " + String.join(", ", files) + ": "
                        + problem.oneLine(), error);
            }
            assertInWords(problem.oneLine(), input, error);
        }
    }

    /**
     * {@code text} (a message or a whole output) names no exception class and holds no stack trace,
     * except where it quotes {@code input}.
     */
    static void assertInWords(String text, byte[] input, Throwable cause) {
        String quoted = new String(input, StandardCharsets.UTF_8);
        Matcher m = JAVA_NAMES.matcher(text);
        while (m.find()) {
            if (!quoted.contains(m.group())) {
                throw new AssertionError("message in Java terms: " + text, cause);
            }
        }
    }
}
