package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.io.DirectoryLock;
import dev.slsguard.engine.vars.EnvironmentValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: outputs stay whole. Real processes: two checks writing the same {@code --output} at
 * once leave one run's whole set; two processes publishing sets into one directory all the time
 * never show a mixed set to a reader holding the lock; a run waits for a process holding the
 * output directory and takes over when it is killed; a check killed with SIGKILL at any moment
 * leaves every file as a complete run wrote it, and the next run leaves no temporary file behind.
 */
class OutputsStayWholeTest {

    private static final List<String> OUTPUTS = List.of(Invocation.TEMPLATE_FILE, Invocation.SARIF_FILE,
            Invocation.HTML_FILE, Invocation.MAP_FILE);

    /** Everything a finished run leaves in its output directory. */
    private static final List<String> FINISHED = List.of(DirectoryLock.FILE, OutputFiles.MARKER, Invocation.TEMPLATE_FILE,
            Invocation.MAP_FILE, Invocation.HTML_FILE, Invocation.SARIF_FILE);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private Map<String, byte[]> alpha;
    private Map<String, byte[]> beta;

    /** Two services whose every output differs, and what each run alone writes. */
    @BeforeEach
    void services() throws IOException {
        Services.write(dir.resolve("alpha"), Services.CLEAN);
        Services.write(dir.resolve("beta"), Services.CLEAN.replace("service: tidy", "service: other")
                .replace("worker:", "consumer:").replace("Handles work items", "Consumes items"));
        alpha = reference("alpha");
        beta = reference("beta");
        for (String name : OUTPUTS) {
            assertTrue(!Arrays.equals(alpha.get(name), beta.get(name)), name + " must differ between the services");
        }
    }

    private Map<String, byte[]> reference(String service) throws IOException {
        Run run = Run.in(dir, "check", service, "--output", "ref-" + service);
        assertEquals(0, run.exitCode(), run.toString());
        return read(dir.resolve("ref-" + service));
    }

    @Test
    void twoChecksIntoOneOutputLeaveOneWholeSet() throws Exception {
        Path out = dir.resolve("out");
        for (int round = 0; round < 3; round++) {
            Process first = start(Main.class, dir, dir.resolve("alpha.log"), "check", "alpha", "--output", "out");
            Process second = start(Main.class, dir, dir.resolve("beta.log"), "check", "beta", "--output", "out");
            assertEquals(0, finished(first), () -> log("alpha.log"));
            assertEquals(0, finished(second), () -> log("beta.log"));
            Map<String, byte[]> found = read(out);
            assertTrue(same(found, alpha) || same(found, beta), "round " + round + ": the files come from different runs");
            assertEquals(FINISHED, listing(out), "round " + round);
        }
    }

    @Test
    void aKilledCheckNeverLeavesATornFileAndTheNextRunCleansUp() throws Exception {
        Path out = dir.resolve("out");
        long start = System.nanoTime();
        Process whole = start(Main.class, dir, dir.resolve("run.log"), "check", "alpha", "--output", "out");
        assertEquals(0, finished(whole), () -> log("run.log"));
        long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(same(read(out), alpha));
        Random random = new Random(17);
        int leftovers = 0;
        for (int round = 0; round < 6; round++) {
            Process killed = start(Main.class, dir, dir.resolve("run.log"), "check", "alpha", "--output", "out");
            if (round % 2 == 0) {
                Thread.sleep((long) (duration * (0.2 + 0.9 * random.nextDouble()))); // any moment of the run
            } else {
                writing(killed, out); // the moment the files are being written, give or take a millisecond
                Thread.sleep(random.nextInt(2));
            }
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
            for (String name : OUTPUTS) {
                assertArrayEquals(alpha.get(name), Files.readAllBytes(out.resolve(name)),
                        "round " + round + ": " + name + " is not as a whole run wrote it");
            }
            leftovers += listing(out).equals(FINISHED) ? 0 : 1;
        }
        assertTrue(leftovers > 0, "no kill came while the files were written: the test proved nothing");
        Process next = start(Main.class, dir, dir.resolve("run.log"), "check", "alpha", "--output", "out");
        assertEquals(0, finished(next), () -> log("run.log"));
        assertEquals(FINISHED, listing(out), "temporary files were left behind");
        assertTrue(same(read(out), alpha));
    }

    @Test
    void aRunWaitsForTheProcessHoldingTheOutputAndTakesOverWhenItIsKilled() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Process holder = start(LockHolder.class, dir, dir.resolve("holder.log"), out.toString());
        while (!log("holder.log").contains("locked")) {
            assertTrue(holder.isAlive(), () -> log("holder.log"));
            Thread.sleep(10);
        }
        java.util.concurrent.CompletableFuture<Run> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Run.in(dir, "check", "alpha", "--output", "out"));
        Thread.sleep(3000);
        assertTrue(!run.isDone() && !Files.exists(out.resolve(Invocation.SARIF_FILE)),
                () -> "a run wrote while another process held the output directory: "
                        + (run.isDone() ? run.join().toString() : listing(out).toString()));
        holder.destroyForcibly();
        Run finished = run.get(60, TimeUnit.SECONDS);
        assertEquals(0, finished.exitCode(), finished.toString());
        assertTrue(same(read(out), alpha));
        assertEquals(FINISHED, listing(out), "the killed holder left more than a finished run does");
    }

    @Test
    void processesPublishingIntoOneDirectoryAllTheTimeNeverShowAMixedSet() throws Exception {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Process first = start(Publisher.class, dir, dir.resolve("first.log"), out.toString(), "first", "25");
        Process second = start(Publisher.class, dir, dir.resolve("second.log"), out.toString(), "second", "25");
        int looks = 0;
        while (first.isAlive() || second.isAlive()) {
            try (DirectoryLock lock = DirectoryLock.acquire(out)) {
                List<String> set = new ArrayList<>();
                for (String name : Publisher.NAMES) {
                    Path file = out.resolve(name);
                    set.add(Files.exists(file) ? Files.readString(file) : "");
                }
                assertEquals(1, set.stream().distinct().count(), () -> "a mixed set: " + set.stream()
                        .map(text -> text.substring(0, Math.min(20, text.length()))).toList() + "; first: "
                        + log("first.log") + "; second: " + log("second.log"));
                looks++;
            }
        }
        assertEquals(0, first.exitValue(), () -> log("first.log"));
        assertEquals(0, second.exitValue(), () -> log("second.log"));
        assertTrue(looks > 10, "the processes were not watched while they wrote: " + looks);
    }

    /** Publishes a set of three files many times into the directory given, each naming the run. */
    static final class Publisher {

        static final List<String> NAMES = List.of("one.txt", "two.txt", "three.txt");

        public static void main(String[] args) {
            OutputFiles files = OutputFiles.reports(Path.of(args[0]), List.of(), new EnvironmentValues());
            for (int round = 0; round < Integer.parseInt(args[2]); round++) {
                byte[] content = (args[1] + " " + round + " " + "x".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
                OutputSet set = new OutputSet(files);
                NAMES.forEach(name -> set.add(files, name, content));
                set.publish();
            }
        }
    }

    /** Holds the lock of the directory given as its argument until it is killed. */
    static final class LockHolder {

        public static void main(String[] args) throws Exception {
            DirectoryLock lock = DirectoryLock.acquire(Path.of(args[0]));
            System.out.println("locked " + lock);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Waits until {@code process} writes into {@code out}: a temporary file of it is there. */
    private static void writing(Process process, Path out) throws IOException {
        while (process.isAlive()) {
            try (Stream<Path> files = Files.list(out)) {
                if (files.map(p -> p.getFileName().toString())
                        .anyMatch(name -> name.endsWith(".tmp"))) {
                    return;
                }
            }
        }
    }

    /** Starts a process that {@link #stopStarted} ends, should the test fail before it does. */
    private Process start(Class<?> mainClass, Path workingDir, Path log, String... args) throws IOException {
        Process process = CliProcess.start(mainClass, workingDir, log, args);
        started.add(process);
        return process;
    }

    @AfterEach
    void stopStarted() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int finished(Process process) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Map<String, byte[]> read(Path outputDir) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (String name : OUTPUTS) {
            files.put(name, Files.readAllBytes(outputDir.resolve(name)));
        }
        return files;
    }

    private static boolean same(Map<String, byte[]> found, Map<String, byte[]> expected) {
        return OUTPUTS.stream().allMatch(name -> Arrays.equals(found.get(name), expected.get(name)));
    }

    private static List<String> listing(Path outputDir) {
        try (Stream<Path> files = Files.list(outputDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
