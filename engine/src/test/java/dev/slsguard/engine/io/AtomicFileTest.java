package dev.slsguard.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesThenReplacesLeavingNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.json");
        AtomicFile.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aTargetThatCannotBeReplacedKeepsItsContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("inside"));
        assertThrows(IOException.class, () -> AtomicFile.write(target, new byte[] {1, 2, 3}));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void temporaryFilesOfDeadProcessesGoWithTheNextWriteOthersStay() throws IOException {
        Path target = dir.resolve("out.json");
        Path dead = Files.writeString(dir.resolve(".out.json.999999999-0123456789abcdef.tmp"), "torn");
        Path live = Files.writeString(dir.resolve(".out.json." + ProcessHandle.current().pid() + "-0123456789abcdef.tmp"),
                "being written");
        Path foreign = Files.writeString(dir.resolve(".out.json.mine.tmp"), "not slsguard's");
        Path otherTarget = Files.writeString(dir.resolve(".out.json.x.999999999-0123456789abcdef.tmp"), "other");
        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(foreign, otherTarget, live, target).stream().sorted().toList(),
                    files.sorted().toList());
        }
        assertFalse(Files.exists(dead));
    }
}
