package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a FIFO, a device or a huge sparse file in any place slsguard reads from is refused at
 * once by name, in one line with exit code 2, never a hang, an OutOfMemoryError or a class name.
 */
class HostileFilesTest {

    private static final String SERVICE = "service: svc\nframeworkVersion: '3'\nconfigValidationMode: warn\n"
            + "provider:\n  name: aws\n  runtime: nodejs20.x\n";

    @TempDir
    Path dir;

    private Run check(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "check";
        args[1] = "--output=out";
        args[2] = ".";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Run.in(dir, args));
    }

    private static void assertRefused(Run run, String expectedLine) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(java.util.List.of(expectedLine), run.errLines(), run.toString());
        assertFalse(run.err().contains("Exception") || run.err().contains("Error:"), run.toString());
    }

    private void fifo(String name) {
        Assumptions.assumeTrue(mkfifo(dir.resolve(name)), "mkfifo is not available here");
    }

    @Test
    void aFifoConfigurationIsRefused() {
        fifo("serverless.yml");
        Run run = check();
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("serverless.yml"), run.toString());
    }

    @Test
    void aFifoIncludedWithFileIsRefusedAtItsName() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE + "custom: ${file(./pipe.yml)}\n");
        fifo("pipe.yml");
        assertRefused(check(), "slsguard: pipe.yml:1:1: is a named pipe (FIFO), not a regular file; "
                + "slsguard reads only regular files");
    }

    @Test
    void aFifoBaselineIsRefused() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        fifo("baseline.json");
        assertRefused(check("--baseline", "baseline.json"), "slsguard: --baseline baseline.json: is a named pipe "
                + "(FIFO), not a regular file; slsguard reads only regular files");
    }

    @Test
    void aDeviceBaselineIsRefused() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        assertRefused(check("--baseline", "/dev/zero"), "slsguard: --baseline /dev/zero: is a character device, "
                + "not a regular file; slsguard reads only regular files");
    }

    @Test
    void aSparseGigabyteBaselineIsRefusedBySize() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve("big.json"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.SPARSE)) {
            channel.position(1L << 30).write(java.nio.ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)));
        }
        assertRefused(check("--baseline", "big.json"), "slsguard: --baseline big.json: file is 1073741825 bytes; "
                + "the limit is 67108864 bytes (64 MB)");
    }

    @Test
    void aTruncatedBaselineIsSaidInWords() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        Files.writeString(dir.resolve("b.json"), "{\"version\": 1, \"findings\": [");
        Run run = check("--baseline", "b.json");
        assertRefused(run, "slsguard: --baseline b.json: not valid JSON at line 1 (not a slsguard baseline)");
    }

    @Test
    void aFifoProjectConfigurationIsRefused() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        Files.createDirectory(dir.resolve(".git"));
        fifo(".slsguard.yml");
        Run run = check();
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(".slsguard.yml") && run.err().contains("named pipe (FIFO)"), run.toString());
    }

    @Test
    void aFifoRulePackFileIsRefused() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        Files.createDirectories(dir.resolve("pack"));
        fifo("pack/rules.drl");
        Run run = check("--rules", "pack", "--no-cache");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertFalse(run.err().contains("Exception"), run.toString());
    }

    @Test
    void outputAtTheServiceDirectoryNeverOverwritesTheUsersFiles() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        Files.writeString(dir.resolve("cloudformation-template.json"), "{\"mine\": true}");
        Run run = Run.in(dir, "check", ".", "--output", ".");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("slsguard: refusing to overwrite cloudformation-template.json"), run.toString());
        assertEquals("{\"mine\": true}", Files.readString(dir.resolve("cloudformation-template.json")));
    }

    @Test
    void writeBaselineNeverOverwritesAFileTheServiceIncludes() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE + "custom: ${file(./settings.json)}\n");
        Files.writeString(dir.resolve("settings.json"), "{\"a\": 1}");
        Run run = Run.in(dir, "check", ".", "--output", "out", "--write-baseline", "settings.json");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("refusing to write settings.json") && run.err().contains("an input of the service"),
                run.toString());
        assertEquals("{\"a\": 1}", Files.readString(dir.resolve("settings.json")));
    }

    static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
