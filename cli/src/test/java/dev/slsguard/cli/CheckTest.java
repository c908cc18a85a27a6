package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.io.DirectoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the pipeline: exit codes, outputs, determinism. */
class CheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<String> listing(Path d) throws Exception {
        try (Stream<Path> files = Files.walk(d)) {
            return files.map(p -> d.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void cleanServiceExitsZeroAndWritesOnlyIntoOutput() throws Exception {
        Services.write(dir.resolve("svc"), Services.CLEAN);
        List<String> before = listing(dir.resolve("svc"));
        Run run = Run.in(dir, "check", "svc", "--output", "out");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("0 errors, "), run.out());
        assertEquals(before, listing(dir.resolve("svc")), "nothing written beside the service");
        assertEquals(List.of("", DirectoryLock.FILE, OutputFiles.MARKER, "cloudformation-template.json", "slsguard-map.svg",
                "slsguard.html", "slsguard.sarif"),
                listing(dir.resolve("out")));
        JsonNode template = JSON.readTree(dir.resolve("out/cloudformation-template.json").toFile());
        assertTrue(template.get("Resources").has("WorkerLambdaFunction"), template.toString());
        JsonNode sarif = JSON.readTree(dir.resolve("out/slsguard.sarif").toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
    }

    @Test
    void defaultOutputIsDotSlsguardBesideTheConfiguration() throws Exception {
        Services.write(dir.resolve("svc"), Services.CLEAN);
        Run run = Run.in(dir, "compile", "svc/serverless.yml");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("", DirectoryLock.FILE, "cloudformation-template.json"), listing(dir.resolve("svc/.slsguard")));
    }

    @Test
    void errorFindingExitsOneUnlessFailOnNever() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "json");
        assertEquals(1, run.exitCode(), run.toString());
        JsonNode report = JSON.readTree(run.out());
        assertTrue(report.get("summary").get("errors").asInt() > 0, run.out());
        assertEquals("svc/serverless.yml", report.get("findings").get(0).get("location").get("file").asText());

        Run never = Run.in(dir, "check", "svc", "--output", "out", "--fail-on", "never");
        assertEquals(0, never.exitCode(), never.toString());
        Run warning = Run.in(dir, "check", "svc", "--output", "out", "--fail-on", "WARNING");
        assertEquals(1, warning.exitCode(), warning.toString());
    }

    @Test
    void sarifOnStandardOutputIsTheFileWritten() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "sarif");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(Files.readString(dir.resolve("out/slsguard.sarif")), run.out());
        JsonNode result = JSON.readTree(run.out()).get("runs").get(0).get("results").get(0);
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertEquals("svc/serverless.yml", location.get("artifactLocation").get("uri").asText());
        assertTrue(location.get("region").get("startLine").asInt() >= 1);
    }

    @Test
    void sameInputGivesIdenticalBytes() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run first = Run.in(dir, "check", "svc", "--output", "one", "--stage", "prod");
        Run second = Run.in(dir, "check", "svc", "--output", "two", "--stage", "prod");
        assertEquals(first.out(), second.out());
        for (String name : List.of("cloudformation-template.json", "slsguard.sarif", "slsguard.html")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(name)),
                    Files.readAllBytes(dir.resolve("two").resolve(name)), name);
        }
        String sarif = Files.readString(dir.resolve("one/slsguard.sarif"));
        assertFalse(sarif.contains(dir.toString()), "no absolute path of this machine in the SARIF");
    }

    @Test
    void stageAndParamsReachTheVariables() throws Exception {
        Services.write(dir.resolve("svc"), Services.CLEAN.replace("description: Handles work items",
                "description: ${param:purpose} in ${opt:stage}"));
        Run run = Run.in(dir, "compile", "svc", "--output", "out", "--stage", "qa", "--param", "purpose=Billing");
        assertEquals(0, run.exitCode(), run.toString());
        String template = Files.readString(dir.resolve("out/cloudformation-template.json"));
        assertTrue(template.contains("\"Billing in qa\""), template);
        assertTrue(template.contains("tidy-qa-worker"), template);
    }
}
