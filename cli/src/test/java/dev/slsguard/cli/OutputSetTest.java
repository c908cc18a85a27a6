package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.vars.EnvironmentValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set of outputs is published whole or not at all, its files written side by side. */
class OutputSetTest {

    @TempDir
    Path dir;

    @Test
    void everyFileOfTheSetIsInPlaceAfterwards() throws IOException {
        OutputFiles files = OutputFiles.reports(dir, List.of(), new EnvironmentValues());
        OutputSet set = new OutputSet(files);
        for (int i = 0; i < 20; i++) {
            set.add(files, "file-" + i + ".txt", ("content " + i).repeat(1000).getBytes(StandardCharsets.UTF_8));
        }
        set.publish();
        for (int i = 0; i < 20; i++) {
            assertEquals(("content " + i).repeat(1000), Files.readString(dir.resolve("file-" + i + ".txt")));
        }
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void whenOneFileCannotBeWrittenTheOthersStayAsTheyWereAndNoTemporaryFileIsLeft() throws IOException {
        OutputFiles files = OutputFiles.reports(dir, List.of(), new EnvironmentValues());
        OutputSet before = new OutputSet(files);
        List.of("one.txt", "two.txt", "four.txt").forEach(name -> before.add(files, name, bytes("old " + name)));
        before.publish();
        Files.createDirectory(dir.resolve("three.txt")); // a directory where the set puts a file

        OutputSet set = new OutputSet(files);
        List.of("one.txt", "two.txt", "three.txt", "four.txt").forEach(name -> set.add(files, name, bytes("new " + name)));
        CliError error = assertThrows(CliError.class, set::publish);
        assertTrue(error.getMessage().contains("three.txt") && error.getMessage().contains("directory"), error.getMessage());
        for (String name : List.of("one.txt", "two.txt", "four.txt")) {
            assertEquals("old " + name, Files.readString(dir.resolve(name)), name);
        }
        assertEquals(List.of(), temporaryFiles());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".tmp")).toList();
        }
    }
}
