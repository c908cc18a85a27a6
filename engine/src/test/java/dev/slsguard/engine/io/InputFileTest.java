package dev.slsguard.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files are read, under a size cap checked first; refusals name the file in words. */
class InputFileTest {

    @TempDir
    Path dir;

    @Test
    void readsARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("a.yml"), "x: 1\n");
        assertArrayEquals("x: 1\n".getBytes(StandardCharsets.UTF_8), InputFile.readBytes(file, "a.yml", 100));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("serverless.yml");
        Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        UserError error = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(UserError.class, () -> YamlLoader.load(fifo, "serverless.yml", Limits.DEFAULT)));
        assertEquals("serverless.yml:1:1: is a named pipe (FIFO), not a regular file; slsguard reads only regular files",
                error.oneLine());
    }

    @Test
    void aDeviceIsRefusedBeforeReading() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        UserError error = assertThrows(UserError.class, () -> InputFile.readText(zero, "custom.yml", 1024));
        assertEquals("custom.yml:1:1: is a character device, not a regular file; slsguard reads only regular files",
                error.oneLine());
    }

    @Test
    void aDirectoryIsRefusedByName() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("baseline.json"));
        UserError error = assertThrows(UserError.class, () -> InputFile.readBytes(sub, "baseline.json", 1024));
        assertEquals("is a directory, not a regular file; slsguard reads only regular files", error.getMessage());
    }

    @Test
    void aSparseFileOverTheCapIsRefusedBySize() throws IOException {
        Path sparse = dir.resolve("big.json");
        try (var channel = java.nio.channels.FileChannel.open(sparse, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            channel.position(1L << 30).write(java.nio.ByteBuffer.wrap(new byte[] {'x'}));
        }
        UserError error = assertThrows(UserError.class, () -> InputFile.readBytes(sparse, "big.json", 1L << 20));
        assertEquals("file is 1073741825 bytes; the limit is 1048576 bytes (1 MB)", error.getMessage());
    }

    @Test
    void missingAndUnreadableFilesAreSaidInWords() throws IOException {
        UserError missing = assertThrows(UserError.class,
                () -> InputFile.readBytes(dir.resolve("nope.yml"), "nope.yml", 10));
        assertEquals("nope.yml:1:1: file not found", missing.oneLine());
        Path loop = dir.resolve("loop.yml");
        Files.createSymbolicLink(loop, loop);
        UserError looping = assertThrows(UserError.class, () -> InputFile.readBytes(loop, "loop.yml", 10));
        assertEquals("cannot read the file: symbolic links form a loop", looping.getMessage());
    }

    @Test
    void invalidUtf8IsSaidInWords() throws IOException {
        Path file = Files.write(dir.resolve("bad.yml"), new byte[] {'a', (byte) 0xff, 'b'});
        UserError error = assertThrows(UserError.class, () -> InputFile.readText(file, "bad.yml", 10));
        assertEquals("cannot read the file: not valid UTF-8 text", error.getMessage());
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
