package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour in the text report: only on a terminal, and NO_COLOR (no-color.org) turns it off. */
class ColourTest {

    @TempDir
    Path dir;

    @Test
    void onATerminalWithoutNoColor() {
        assertTrue(Main.colour(true, Map.of()));
        assertTrue(Main.colour(true, Map.of("NO_COLOR", "")), "an empty NO_COLOR does not count");
    }

    @Test
    void neverWhenNoColorIsSetOrOutputIsNotATerminal() {
        assertFalse(Main.colour(true, Map.of("NO_COLOR", "1")));
        assertFalse(Main.colour(false, Map.of()));
    }

    @Test
    void inProcessRunsAndPipesGetPlainText() {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(dir, "check", "svc", "--output", "out");
        assertFalse(run.out().contains("\u001b["), run.toString());
    }
}
