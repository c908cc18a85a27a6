package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden {@code --debug-timing} adds a table of the run's stages on standard error and changes
 * nothing else (no durations are asserted: they depend on the machine).
 */
class DebugTimingTest {

    @TempDir
    Path dir;

    @Test
    void stagesOnStandardErrorAndTheSameReport() {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run plain = Run.in(dir, "check", "svc", "--output", "plain");
        Run timed = Run.in(dir, "check", "svc", "--output", "timed", "--debug-timing");
        assertEquals(plain.exitCode(), timed.exitCode(), timed::toString);
        assertEquals(plain.out(), timed.out());
        assertEquals("", plain.err());
        List<String> lines = timed.errLines();
        assertEquals("| start (ms) | time (ms) | thread | stage |", lines.get(0), timed::toString);
        for (String stage : List.of("JVM start to main", "YAML load", "variable resolution", "schema validation",
                "compilation", "rule base load", "rules: session insert and fire", "merge", "report: SARIF",
                "report: HTML", "report: standard output (text)")) {
            assertTrue(lines.stream().anyMatch(line -> line.matches("\\| [\\d.]+ \\| [\\d.]+ \\| [^|]+ \\| (· )*"
                    + java.util.regex.Pattern.quote(stage) + " \\|")), stage + " in\n" + timed.err());
        }
        assertTrue(lines.get(lines.size() - 1).matches("total [\\d.]+ ms after JVM start; \\d+ classes loaded"),
                timed::toString);
    }

    @Test
    void hiddenFromTheHelp() {
        Run help = Run.in(dir, "check", "--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("--jobs"), help::toString);
        assertTrue(!help.out().contains("--debug-timing"), help::toString);
    }
}
