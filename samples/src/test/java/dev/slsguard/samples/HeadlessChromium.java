package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of headless Chromium that writes a result (a screenshot, a DOM dump) and exits. Headless
 * Chromium now and then writes its result and then never exits, or stalls before drawing on a loaded
 * machine. A run still going after {@link #PATIENCE_SECONDS} seconds is stopped together with the processes it
 * started; what it wrote counts when it is complete, otherwise the run is made again with a fresh
 * profile, {@link #ATTEMPTS} times at most. A run that ends but leaves no complete result is made
 * again too (a crashed renderer), and the test fails with Chromium's own output after the last one.
 */
final class HeadlessChromium {

    static final long PATIENCE_SECONDS = 60;
    static final int ATTEMPTS = 3;

    /** Flags every run gets: no sandbox (containers), no GPU, no network chatter, no first-run pages. */
    private static final List<String> QUIET = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");

    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    /** Whether a run's result is all there. */
    @FunctionalInterface
    interface Complete {
        boolean test() throws IOException;
    }

    private final Path binary;
    private final Path scratch;
    private final long patienceMillis;

    /** {@code binary} is the {@code chromium} found on the PATH; profiles go under {@code scratch}. */
    HeadlessChromium(Path binary, Path scratch) {
        this(binary, scratch, TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
    }

    /** As above, with a run stopped after {@code patienceMillis} (HeadlessChromiumTest's stand-ins). */
    HeadlessChromium(Path binary, Path scratch, long patienceMillis) {
        this.binary = binary;
        this.scratch = scratch;
        this.patienceMillis = patienceMillis;
    }

    /** A screenshot of {@code page} as PNG bytes, drawn with {@code flags} (window size and the like). */
    byte[] screenshot(Path page, List<String> flags) throws Exception {
        Path png = scratch.resolve("shot-" + System.nanoTime() + ".png");
        Path log = scratch.resolve(png.getFileName() + ".log");
        List<String> args = new ArrayList<>(flags);
        args.add("--screenshot=" + png);
        args.add(page.toUri().toString());
        run(args, log, log, () -> pngComplete(png));
        return Files.readAllBytes(png);
    }

    /**
     * Runs Chromium with {@code args} and a fresh profile, standard output to {@code stdout} and
     * errors to {@code stderr} (the same file takes both), until {@code complete} says the result is
     * there.
     */
    void run(List<String> args, Path stdout, Path stderr, Complete complete) throws Exception {
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(QUIET);
            command.add("--user-data-dir=" + scratch.resolve("profile-" + System.nanoTime()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile());
            if (stderr.equals(stdout)) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(stderr.toFile());
            }
            Process browser = builder.start();
            boolean ended = browser.waitFor(patienceMillis, TimeUnit.MILLISECONDS);
            if (!ended) {
                stop(browser);
            }
            if (complete.test()) {
                return;
            }
            last = (ended ? "ended with exit code " + browser.exitValue() : "did not end within " + patienceMillis + " ms")
                    + " and left no complete result; its output: " + tail(stdout) + (stderr.equals(stdout) ? "" : tail(stderr));
        }
        fail("chromium, " + ATTEMPTS + " times: " + last);
    }

    /** A PNG written to its end chunk. */
    static boolean pngComplete(Path png) throws IOException {
        if (!Files.isRegularFile(png) || Files.size(png) < 64) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(png);
        return Arrays.equals(bytes, bytes.length - PNG_END.length, bytes.length, PNG_END, 0, PNG_END.length);
    }

    /** A DOM dump written to its closing tag. */
    static boolean domComplete(Path dom) throws IOException {
        return Files.isRegularFile(dom) && Files.readString(dom).stripTrailing().endsWith("</html>");
    }

    /** Stops Chromium and every process it started (renderers, GPU and zygote processes). */
    static void stop(Process browser) throws InterruptedException {
        List<ProcessHandle> children = browser.descendants().toList();
        browser.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        browser.waitFor(10, TimeUnit.SECONDS);
    }

    private static String tail(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String text = Files.readString(file);
        return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
    }
}
