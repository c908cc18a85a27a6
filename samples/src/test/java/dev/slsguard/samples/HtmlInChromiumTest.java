package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slsguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens each sample's {@code slsguard.html} in headless Chromium (Debian's {@code chromium}) and
 * checks that it loads with no console message: no script error, no blocked request, no CSP
 * violation. Skipped where {@code chromium} is not on the PATH.
 */
class HtmlInChromiumTest {

    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"orders-service", "legacy-reports"})
    void pageLoadsWithoutConsoleMessages(String sample) throws Exception {
        Optional<Path> chromium = onPath("chromium");
        assumeTrue(chromium.isPresent(), "the chromium binary is not installed");

        Path out = temp.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"check", sample, "--output", out.toString(), "--fail-on", "never"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), SAMPLES, Map.of());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path page = out.resolve("slsguard.html");

        Path stdout = temp.resolve("chromium.out");
        Path stderr = temp.resolve("chromium.err");
        Process browser = new ProcessBuilder(List.of(chromium.get().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + temp.resolve("profile"), "--dump-dom", page.toUri().toString()))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean done = browser.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            browser.destroyForcibly();
        }
        assertTrue(done, "chromium did not finish within 120 s");
        String dom = Files.readString(stdout);
        String log = Files.readString(stderr);
        assertTrue(dom.contains("<h2>Summary</h2>"), "the page was rendered: " + dom + log);
        List<String> console = log.lines()
                .filter(l -> l.contains("CONSOLE") || l.contains("Refused to") || l.contains("Uncaught"))
                .toList();
        assertEquals(List.of(), console, log);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
            return dirs.filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
        }
    }
}
