package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slsguard.engine.vars.EnvironmentValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path dir;

    private List<String> names(Path d) throws Exception {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsTheDirectoryAndReplacesAtomicallyLeavingNoTemporaryFiles() throws Exception {
        Path out = dir.resolve("a/b/.slsguard");
        OutputFiles files = new OutputFiles(out, List.of(dir.resolve("serverless.yml")), new EnvironmentValues());
        files.write("x.json", "first".getBytes(StandardCharsets.UTF_8));
        files.write("x.json", "second".getBytes(StandardCharsets.UTF_8));
        assertEquals("second", Files.readString(out.resolve("x.json")));
        assertEquals(List.of("x.json"), names(out));
    }

    @Test
    void refusesTheConfigurationFileEvenThroughAnotherSpelling() throws Exception {
        Path config = dir.resolve("cloudformation-template.json");
        Files.writeString(config, "{}");
        OutputFiles files = new OutputFiles(dir.resolve("sub/.."), List.of(config), new EnvironmentValues());
        assertThrows(CliError.class, () -> files.write("cloudformation-template.json", new byte[] {1}));
        assertEquals("{}", Files.readString(config));
    }

    @Test
    void refusesADirectoryInTheWay() throws Exception {
        Files.createDirectories(dir.resolve("slsguard.sarif"));
        OutputFiles files = new OutputFiles(dir, List.of(), new EnvironmentValues());
        assertThrows(CliError.class, () -> files.checkWritable(List.of("slsguard.sarif")));
    }

    @Test
    void reportsNeverReplaceAFileSlsguardDidNotWrite() throws Exception {
        Path user = Files.writeString(dir.resolve("slsguard.html"), "my page");
        OutputFiles files = OutputFiles.reports(dir, List.of(), new EnvironmentValues());
        CliError error = assertThrows(CliError.class, () -> files.checkWritable(List.of("slsguard.html")));
        assertEquals("refusing to overwrite slsguard.html in " + dir.toAbsolutePath().normalize()
                + ": slsguard did not write it; give --output a new or empty directory (or remove the file)",
                error.getMessage());
        assertEquals("my page", Files.readString(user));
    }

    @Test
    void reportsReplaceTheirOwnFilesInADirectorySlsguardMarked() throws Exception {
        Path out = dir.resolve("reports");
        OutputFiles.reports(out, List.of(), new EnvironmentValues())
                .write("slsguard.html", "first".getBytes(StandardCharsets.UTF_8));
        OutputFiles.reports(out, List.of(), new EnvironmentValues())
                .write("slsguard.html", "second".getBytes(StandardCharsets.UTF_8));
        assertEquals("second", Files.readString(out.resolve("slsguard.html")));
        assertEquals(List.of(OutputFiles.MARKER, "slsguard.html"), names(out));
    }
}
