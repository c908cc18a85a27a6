package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the command line in-process on every sample service, as a user would from the samples directory. */
class SamplesSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    @TempDir
    Path out;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), SAMPLES, Map.of());
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} exits {1}")
    @CsvSource({"orders-service, 0", "legacy-reports, 1"})
    void checkWritesValidOutputs(String sample, int expectedExit) throws Exception {
        Result result = run("check", sample, "--output", out.toString(), "--format", "json");
        assertEquals(expectedExit, result.exitCode(), result.stdout() + result.stderr());
        assertEquals("", result.stderr());

        JsonNode report = JSON.readTree(result.stdout());
        assertEquals(expectedExit == 1, report.get("summary").get("errors").asInt() > 0, result.stdout());
        for (JsonNode finding : report.get("findings")) {
            assertEquals(sample + "/serverless.yml", finding.get("location").get("file").asText());
        }

        JsonNode template = JSON.readTree(Files.readString(out.resolve("cloudformation-template.json")));
        assertEquals("2010-09-09", template.get("AWSTemplateFormatVersion").asText());
        assertTrue(template.get("Resources").size() > 0);
        JsonNode sarif = JSON.readTree(Files.readString(out.resolve("slsguard.sarif")));
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(report.get("findings").size(), sarif.get("runs").get(0).get("results").size());
        String html = Files.readString(out.resolve("slsguard.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<h2>Summary</h2>"), html);
    }

    @Test
    void ordersServiceCompilesEveryEventSource() throws Exception {
        Result result = run("compile", "orders-service", "--output", out.toString(), "--stage", "prod");
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        JsonNode resources = JSON.readTree(Files.readString(out.resolve("cloudformation-template.json")))
                .get("Resources");
        List<String> mappings = new ArrayList<>();
        resources.properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Lambda::EventSourceMapping")) {
                mappings.add(e.getKey());
            }
        });
        assertEquals(3, mappings.size(), mappings.toString());
        assertTrue(resources.has("OrdersQueue"), "resources: section merged");
        assertTrue(resources.properties().stream()
                .anyMatch(e -> e.getValue().path("Type").asText().equals("AWS::Kinesis::StreamConsumer")),
                "the kinesis consumer");
    }

    @Test
    void exampleOrgRulePackLoadsAndReports() throws Exception {
        Result clean = run("check", "orders-service", "--output", out.resolve("a").toString(),
                "--rules", "org-rules", "--format", "sarif", "--fail-on", "never");
        assertEquals(0, clean.exitCode(), clean.stdout() + clean.stderr());
        JsonNode rules = JSON.readTree(clean.stdout()).get("runs").get(0).get("tool").get("driver").get("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertTrue(ids.contains("ORG-DOC-001"), ids.toString());

        Result legacy = run("check", "legacy-reports", "--output", out.resolve("b").toString(),
                "--rules", "org-rules", "--format", "json", "--fail-on", "never");
        assertEquals(0, legacy.exitCode(), legacy.stdout() + legacy.stderr());
        List<String> fired = new ArrayList<>();
        JSON.readTree(legacy.stdout()).get("findings").forEach(f -> fired.add(f.get("ruleId").asText()));
        assertEquals(2, fired.stream().filter("ORG-DOC-001"::equals).count(), fired.toString());
    }
}
