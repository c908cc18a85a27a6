package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the hostile corpus. Every directory under {@code hostile/} in the test resources holding
 * an {@code expect.txt} is one case: its files are copied to a fresh directory, slsguard runs there
 * in process, and the outcome is compared with the expectation (see {@code hostile/README.md} for the
 * format). Whatever a case expects, no output may hold an exception name, a stack trace or an
 * internal error.
 */
class HostileCorpusTest {

    /** Texts no run may print, on either stream, whatever its case says. */
    private static final List<String> NEVER = List.of("Exception", "at dev.slsguard", "internal error", "\tat ");

    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Path root = corpusRoot();
        List<Path> cases;
        try (Stream<Path> files = Files.walk(root)) {
            cases = files.filter(f -> f.getFileName().toString().equals("expect.txt")).map(Path::getParent)
                    .sorted().toList();
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(root.relativize(dir).toString().replace('\\', '/'),
                dir.toUri(), () -> check(root.relativize(dir).toString(), dir)));
    }

    private static Path corpusRoot() {
        try {
            return Path.of(HostileCorpusTest.class.getResource("/hostile").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(String name, Path source) throws IOException {
        Expectation expect = Expectation.read(source.resolve("expect.txt"));
        Assumptions.assumeTrue(expect.pending == null, () -> "pending: " + expect.pending);
        Path dir = scratch.resolve(name.replace('/', '_').replace('\\', '_'));
        copy(source, dir);
        expect.prepare(dir);
        Map<Path, byte[]> before = new HashMap<>();
        for (String file : expect.unchanged) {
            before.put(dir.resolve(file), Files.readAllBytes(dir.resolve(file)));
        }
        String[] args = expect.args.toArray(String[]::new);
        List<Run> runs = assertTimeoutPreemptively(expect.budget, () -> runAll(dir, expect.env, args, expect.concurrent),
                () -> name + ": did not finish within " + expect.budget.toSeconds() + " s");
        for (Run run : runs) {
            expect.verify(name, run);
        }
        for (Map.Entry<Path, byte[]> file : before.entrySet()) {
            assertEquals(new String(file.getValue(), StandardCharsets.UTF_8),
                    Files.readString(file.getKey(), StandardCharsets.UTF_8), name + ": " + file.getKey() + " was changed");
        }
        expect.verifyFiles(name, dir, runs.get(0));
    }

    private static List<Run> runAll(Path dir, Map<String, String> env, String[] args, int times) throws Exception {
        if (times == 1) {
            return List.of(Run.in(dir, env, args));
        }
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<Run>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> Run.in(dir, env, args)));
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> future : futures) {
                runs.add(future.get());
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("expect.txt")) {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** One case's {@code expect.txt}. */
    private static final class Expectation {
        List<String> args = new ArrayList<>(List.of("check", "--output=out", "."));
        Integer exit;
        final List<Pattern> out = new ArrayList<>();
        final List<Pattern> err = new ArrayList<>();
        final List<String> not = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<String[]> fileContains = new ArrayList<>();
        final List<String[]> fileLacks = new ArrayList<>();
        final List<String[]> fileLacksPattern = new ArrayList<>();
        final List<String> absent = new ArrayList<>();
        final List<String> fifos = new ArrayList<>();
        final List<String[]> links = new ArrayList<>();
        final List<String[]> sparse = new ArrayList<>();
        final List<String> dirs = new ArrayList<>();
        final List<String> stale = new ArrayList<>();
        final List<String> allowed = new ArrayList<>();
        final Map<String, String> env = new HashMap<>(Map.of("SLSGUARD_TODAY", "2025-06-01"));
        Duration budget = DEFAULT_BUDGET;
        int concurrent = 1;
        String pending;

        static Expectation read(Path file) throws IOException {
            Expectation e = new Expectation();
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                int colon = raw.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(file + ": no key in line: " + raw);
                }
                String key = raw.substring(0, colon).trim();
                String value = raw.substring(colon + 1).strip();
                switch (key) {
                    case "args" -> e.args = value.isEmpty() ? List.of() : Arrays.asList(value.split(" +"));
                    case "exit" -> e.exit = Integer.parseInt(value);
                    case "out" -> e.out.add(Pattern.compile(Pattern.quote(value)));
                    case "out~" -> e.out.add(Pattern.compile(value));
                    case "err" -> e.err.add(Pattern.compile(Pattern.quote(value)));
                    case "err~" -> e.err.add(Pattern.compile(value));
                    case "not" -> e.not.add(value);
                    case "unchanged" -> e.unchanged.add(value);
                    case "file-has" -> e.fileContains.add(value.split(" ", 2));
                    case "file-lacks" -> e.fileLacks.add(value.split(" ", 2));
                    case "file-lacks~" -> e.fileLacksPattern.add(value.split(" ", 2));
                    case "absent" -> e.absent.add(value);
                    case "make-fifo" -> e.fifos.add(value);
                    case "make-link" -> e.links.add(value.split(" -> ", 2));
                    case "make-sparse" -> e.sparse.add(value.split(" ", 2));
                    case "make-dir" -> e.dirs.add(value);
                    case "make-stale" -> e.stale.add(value);
                    case "allow" -> e.allowed.add(value);
                    case "env" -> {
                        String[] pair = value.split("=", 2);
                        e.env.put(pair[0], pair[1]);
                    }
                    case "seconds" -> e.budget = Duration.ofSeconds(Long.parseLong(value));
                    case "concurrent" -> e.concurrent = Integer.parseInt(value);
                    case "pending" -> e.pending = value;
                    case "scale" -> {
                        // documentation only: the size the issue used and the size this case uses
                    }
                    default -> throw new IllegalArgumentException(file + ": unknown key " + key);
                }
            }
            if (e.exit == null && e.pending == null) {
                throw new IllegalArgumentException(file + ": no exit:");
            }
            return e;
        }

        /** Makes what git cannot hold: named pipes, links to devices, sparse files, directories named .git. */
        void prepare(Path dir) throws IOException {
            for (String fifo : fifos) {
                Path path = dir.resolve(fifo);
                Files.createDirectories(path.getParent());
                Assumptions.assumeTrue(HostileFilesTest.mkfifo(path), "mkfifo is not available here");
            }
            for (String[] link : links) {
                Path target = Path.of(link[1]);
                Assumptions.assumeTrue(!target.isAbsolute() || Files.exists(target), () -> link[1] + " does not exist here");
                Path path = dir.resolve(link[0]);
                Files.createDirectories(path.getParent());
                try {
                    Files.createSymbolicLink(path, target);
                } catch (UnsupportedOperationException | IOException ex) {
                    Assumptions.abort("symbolic links are not available here: " + ex.getMessage());
                }
            }
            for (String[] file : sparse) {
                try (FileChannel channel = FileChannel.open(dir.resolve(file[0]), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
                    channel.position(Long.parseLong(file[1]) - 1).write(ByteBuffer.wrap(new byte[] {'x'}));
                }
            }
            for (String name : dirs) {
                Files.createDirectories(dir.resolve(name));
            }
            for (String name : stale) { // as a run killed an hour ago left it
                Files.setLastModifiedTime(dir.resolve(name),
                        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(1))));
            }
        }

        void verify(String name, Run run) {
            String both = run.out() + "\n" + run.err();
            for (String never : NEVER) {
                if (both.contains(never) && !allowed.contains(never)) {
                    throw new AssertionError(name + ": printed \"" + never + "\"\n" + run);
                }
            }
            assertEquals(exit, run.exitCode(), () -> name + ": exit code\n" + run);
            for (Pattern p : out) {
                if (!p.matcher(run.out()).find()) {
                    throw new AssertionError(name + ": stdout lacks " + p + "\n" + run);
                }
            }
            for (Pattern p : err) {
                if (!p.matcher(run.err()).find()) {
                    throw new AssertionError(name + ": stderr lacks " + p + "\n" + run);
                }
            }
            for (String text : not) {
                if (both.contains(text)) {
                    throw new AssertionError(name + ": printed \"" + text + "\"\n" + run);
                }
            }
        }

        void verifyFiles(String name, Path dir, Run run) throws IOException {
            for (String[] has : fileContains) {
                Path file = dir.resolve(has[0]);
                if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).contains(has[1])) {
                    throw new AssertionError(name + ": " + has[0] + " lacks \"" + has[1] + "\"\n" + run);
                }
            }
            for (String[] lacks : fileLacks) {
                Path file = dir.resolve(lacks[0]);
                if (!Files.isRegularFile(file)) {
                    throw new AssertionError(name + ": " + lacks[0] + " was not written\n" + run);
                }
                if (Files.readString(file, StandardCharsets.UTF_8).contains(lacks[1])) {
                    throw new AssertionError(name + ": " + lacks[0] + " holds \"" + lacks[1] + "\"\n" + run);
                }
            }
            for (String[] lacks : fileLacksPattern) {
                Path file = dir.resolve(lacks[0]);
                java.util.regex.Matcher m = Pattern.compile(lacks[1]).matcher(Files.isRegularFile(file)
                        ? Files.readString(file, StandardCharsets.UTF_8) : "");
                if (!Files.isRegularFile(file) || m.find()) {
                    throw new AssertionError(name + ": " + lacks[0] + (Files.isRegularFile(file)
                            ? " holds " + m.group() : " was not written") + "\n" + run);
                }
            }
            for (String glob : absent) {
                try (var matches = Files.newDirectoryStream(dir.resolve(glob).getParent(),
                        dir.resolve(glob).getFileName().toString())) {
                    for (Path match : matches) {
                        throw new AssertionError(name + ": " + dir.relativize(match) + " is left behind\n" + run);
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // no directory, nothing left
                }
            }
        }
    }
}
