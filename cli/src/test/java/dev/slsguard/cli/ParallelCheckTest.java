package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check --recursive} with {@code --jobs 4} checks services in parallel: its standard output and
 * every file it writes are byte for byte those of {@code --jobs 1} (issue 18, point 4).
 */
class ParallelCheckTest {

    @TempDir
    Path dir;

    @BeforeEach
    void fourteenServicesTwoBroken() {
        for (int i = 1; i <= 6; i++) {
            Services.write(dir.resolve("services/clean" + i), Services.CLEAN.replace("service: tidy", "service: clean" + i));
            Services.write(dir.resolve("services/findings" + i), Services.WITH_ERRORS);
        }
        Services.write(dir.resolve("services/unresolved"), """
                service: unresolved
                provider:
                  name: aws
                  runtime: nodejs20.x
                custom: ${file(./missing.yml)}
                functions:
                  hello:
                    handler: h.h
                """);
        Services.write(dir.resolve("services/malformed"), Services.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "html", "junit"})
    void jobsFourWritesWhatJobsOneWrites(String format) throws IOException {
        Run serial = Run.in(dir, "check", "--recursive", "services", "--output", "serial", "--format", format,
                "--jobs", "1");
        Run parallel = Run.in(dir, "check", "--recursive", "services", "--output", "parallel", "--format", format,
                "--jobs", "4");
        assertEquals(ExitCodes.ERROR, serial.exitCode(), serial::toString); // two services not analysed
        assertEquals(serial.exitCode(), parallel.exitCode(), parallel::toString);
        assertEquals(serial.out(), parallel.out());
        assertEquals(serial.err(), parallel.err());
        List<Path> files = files(dir.resolve("serial"));
        assertEquals(files, files(dir.resolve("parallel")));
        assertEquals(12, files.stream().filter(f -> f.endsWith(Invocation.TEMPLATE_FILE)).count(),
                "a template for each of the 12 analysed services: " + files);
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("serial").resolve(file)),
                    Files.readAllBytes(dir.resolve("parallel").resolve(file)), file.toString());
        }
    }

    @Test
    void severalPathsInParallelAsGiven() throws IOException {
        String[] paths = {"services/findings3", "services/clean2", "services/malformed", "services/clean1"};
        Run serial = Run.in(dir, Stream.concat(Stream.of("check", "--output", "serial", "--format", "json", "--jobs", "1"),
                Stream.of(paths)).toArray(String[]::new));
        Run parallel = Run.in(dir, Stream.concat(Stream.of("check", "--output", "parallel", "--format", "json",
                "--jobs", "3"), Stream.of(paths)).toArray(String[]::new));
        assertEquals(serial.toString(), parallel.toString());
        assertTrue(serial.out().contains("services/malformed/serverless.yml"), serial::toString);
        for (Path file : files(dir.resolve("serial"))) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("serial").resolve(file)),
                    Files.readAllBytes(dir.resolve("parallel").resolve(file)), file.toString());
        }
    }

    @Test
    void jobsOutOfRangeIsAUsageError() {
        Run run = Run.in(dir, "check", "--recursive", "services", "--jobs", "0");
        assertEquals(ExitCodes.ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("slsguard: --jobs 0: give a number from 1 to 256"), run.errLines().subList(0, 1));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
