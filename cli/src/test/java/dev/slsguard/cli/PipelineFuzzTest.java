package dev.slsguard.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the whole {@code check}: load, variables, schema, every event compiler, the built-in rules,
 * the merge and the reports (template, SARIF and HTML files, one format on standard output), in process. Any
 * serverless.yml ends in exit 0, 1 or 2; exit 2 prints located one-line refusals; nothing prints an
 * internal error, an exception name or a stack trace. The seeds (one service per event type) run in
 * every build; see docs/fuzzing.md.
 */
class PipelineFuzzTest {

    /** A refusal line: {@code slsguard: FILE:LINE:COL: message}. */
    private static final Pattern LOCATED = Pattern.compile("slsguard: [^:]+:\\d+:\\d+: .+");

    /** Standard output's format, picked by the input's length (the files under --output are always written). */
    private static final String[] FORMATS = {"text", "json", "sarif", "junit", "html"};

    private static FuzzWorkspace workspace;

    @BeforeAll
    static void open() {
        workspace = new FuzzWorkspace("slsguard-fuzz-pipeline");
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @FuzzTest(maxDuration = "1h")
    void check(byte[] input) {
        workspace.clear("out");
        workspace.write("serverless.yml", input);
        Run run = Run.in(workspace.root(), Map.of("SLSGUARD_TODAY", "2025-06-01"),
                "check", "--output=out", "--format=" + FORMATS[input.length % FORMATS.length], "--stage=dev", ".");
        FuzzAssertions.assertInWords(run.err() + run.out(), input, null);
        switch (run.exitCode()) {
            case 0, 1 -> {
            }
            case 2 -> {
                for (String line : run.errLines()) {
                    if (!LOCATED.matcher(line).matches()) {
                        throw new AssertionError("refusal without a location: " + line + "\n" + run);
                    }
                }
            }
            default -> throw new AssertionError("exit code " + run.exitCode() + "\n" + run);
        }
    }
}
