package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The browser tests' guard against a headless Chromium that hangs, with shell scripts standing in
 * for Chromium: a run that wrote its screenshot and then hangs counts (and is stopped with the
 * process it started), a run that hangs before writing is made again, and one that never writes
 * fails the test with what it printed; the DevTools-driven screenshots start another browser when one
 * never opens its port.
 */
class HeadlessChromiumTest {

    /** A 1 x 1 PNG, complete up to its end chunk. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @TempDir
    Path temp;

    @Test
    void aScreenshotWrittenBeforeAHangCountsAndTheHungProcessesAreStopped() throws Exception {
        Path pids = temp.resolve("pids");
        // writes the picture, starts a child that would outlive it, then hangs
        Path fake = script("""
                for a in "$@"; do case "$a" in --screenshot=*) printf '%s' "$PNG" | base64 -d > "${a#--screenshot=}";; esac; done
                sleep 300 & echo $! >> "$PIDS"
                echo $$ >> "$PIDS"
                sleep 300
                """, pids);
        byte[] shot = new HeadlessChromium(fake, temp, 500).screenshot(temp.resolve("page.html"), List.of());
        assertArrayEquals(Base64.getDecoder().decode(PNG), shot);
        for (String pid : Files.readAllLines(pids)) {
            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(p -> {
                p.onExit().join();
                assertFalse(p.isAlive(), "process " + pid + " was stopped");
            });
        }
    }

    @Test
    void aRunThatHangsBeforeWritingIsMadeAgain() throws Exception {
        Path runs = temp.resolve("runs");
        // the first two runs hang without a picture; the third draws it
        Path fake = script("""
                echo run >> "$PIDS"
                [ "$(wc -l < "$PIDS")" -lt 3 ] && exec sleep 300
                for a in "$@"; do case "$a" in --screenshot=*) printf '%s' "$PNG" | base64 -d > "${a#--screenshot=}";; esac; done
                """, runs);
        new HeadlessChromium(fake, temp, 500).screenshot(temp.resolve("page.html"), List.of());
        assertEquals(3, Files.readAllLines(runs).size());
    }

    @Test
    void aRunThatNeverWritesFailsWithWhatItPrinted() throws Exception {
        Path fake = script("""
                echo "cannot open display" >&2
                exec sleep 300
                """, temp.resolve("unused"));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> new HeadlessChromium(fake, temp, 300).screenshot(temp.resolve("page.html"), List.of()));
        assertTrue(failure.getMessage().contains("3 times: did not end within 300 ms"), failure.getMessage());
        assertTrue(failure.getMessage().contains("cannot open display"), failure.getMessage());
    }

    @Test
    void aBrowserThatNeverOpensItsDevToolsPortIsStartedAgainThenTheTestFails() throws Exception {
        Path runs = temp.resolve("devtools-runs");
        Path fake = script("""
                echo run >> "$PIDS"
                echo "cannot open display" >&2
                exit 1
                """, runs);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ScriptlessScreenshot.png(fake, temp.resolve("profiles"), temp.resolve("page.html").toUri(), 1280, 900));
        assertEquals(3, Files.readAllLines(runs).size());
        assertTrue(failure.getMessage().contains("in 3 attempts"), failure.getMessage());
        assertTrue(failure.getCause().getMessage().contains("did not open its DevTools port"), failure.getCause().getMessage());
        assertTrue(failure.getCause().getMessage().contains("cannot open display"), failure.getCause().getMessage());
    }

    @Test
    void aTruncatedPictureIsNotComplete() throws Exception {
        byte[] png = Base64.getDecoder().decode(PNG);
        Path file = temp.resolve("cut.png");
        Files.write(file, java.util.Arrays.copyOf(png, png.length - 4));
        assertFalse(HeadlessChromium.pngComplete(file));
        Files.write(file, png);
        assertTrue(HeadlessChromium.pngComplete(file));
    }

    private Path script(String body, Path pids) throws Exception {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "no /bin/sh");
        Path fake = temp.resolve("fake-chromium-" + System.nanoTime());
        Files.writeString(fake, "#!/bin/sh\nPNG='" + PNG + "'\nPIDS='" + pids + "'\n" + body);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        return fake;
    }
}
