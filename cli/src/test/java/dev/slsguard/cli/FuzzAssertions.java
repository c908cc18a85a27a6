package dev.slsguard.cli;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.util.regex.Pattern;

/** What every refusal a fuzz test provokes must look like: located, in words, no Java names. */
final class FuzzAssertions {

    /** Words that only a leaked exception or stack trace would put into a message. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "Exception\\b|\\bjava\\.|\\bat dev\\.slsguard|internal error|StackOverflowError|OutOfMemoryError");

    private FuzzAssertions() {
    }

    /** The refusal names one of {@code files} at a line and column, and its message says no Java name. */
    static void assertLocated(UserError error, String... files) {
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
            assertInWords(problem.oneLine(), error);
        }
    }

    /** {@code text} (a message or a whole stderr) names no exception class and holds no stack trace. */
    static void assertInWords(String text, Throwable cause) {
        if (JAVA_NAMES.matcher(text).find()) {
            throw new AssertionError("message in Java terms: " + text, cause);
        }
    }
}
