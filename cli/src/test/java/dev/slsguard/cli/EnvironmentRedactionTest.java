package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the environment is read (no {@code --no-env}), yet a value of it placed in a queue ARN,
 * an HTTP path, a schedule rate, the stage or an unresolvable reference reaches no message and no
 * report (stdout, stderr, JSON, SARIF, JUnit, HTML, text): each shows {@code ${env:NAME}}. Only the
 * template carries the value.
 */
class EnvironmentRedactionTest {

    /** Holds a dash and an underscore, so that logical ids spell it changed ({@code Dash}, letters only). */
    private static final String VALUE = "Zq7-mark_ER9secret";

    /** Each variable's value starts with {@link #VALUE}, so that each can be told from the others. */
    private static final Map<String, String> ENV = Map.of(
            "SLSGUARD_TEST_MARKER_QUEUE", VALUE + "queue",
            "SLSGUARD_TEST_MARKER_PATH", VALUE + "path",
            "SLSGUARD_TEST_MARKER_RATE", VALUE + "rate",
            "SLSGUARD_TEST_MARKER_STAGE", VALUE + "stage",
            "SLSGUARD_TEST_MARKER_KEY", VALUE + "key");

    private static final String SERVICE = """
            service: svc
            frameworkVersion: '3'
            configValidationMode: warn
            provider:
              name: aws
              runtime: nodejs20.x
              stage: ${env:SLSGUARD_TEST_MARKER_STAGE}
            functions:
              worker:
                handler: handler.main
                events:
                  - sqs:
                      arn: arn:aws:sqs:us-east-1:123456789012:${env:SLSGUARD_TEST_MARKER_QUEUE}
                  - http:
                      path: /items/${env:SLSGUARD_TEST_MARKER_PATH}
                      method: get
                  - schedule: rate(${env:SLSGUARD_TEST_MARKER_RATE})
            """;

    @TempDir
    Path dir;

    @Test
    void noValueOfTheEnvironmentReachesAReportOnlyTheTemplate() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        for (Map.Entry<String, Run> byFormat : Run.inEveryFormat(dir, ENV, "check", ".", "--fail-on", "never")
                .entrySet()) {
            String format = byFormat.getKey();
            Run run = byFormat.getValue();
            assertEquals(0, run.exitCode(), run.toString());
            assertAbsent(run.out(), format + " stdout");
            assertAbsent(run.err(), format + " stderr");
            List<Path> reports = files(dir.resolve("out-" + format));
            for (Path file : reports) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals(Invocation.TEMPLATE_FILE)) {
                    assertTrue(text.contains(VALUE), "the template carries the value");
                } else {
                    assertAbsent(text, file.toString());
                }
            }
            // the template, the SARIF log, the page, the service map and the (empty) lock file: every one but
            // the template without it
            assertEquals(5, reports.size(), reports.toString());
        }
        // the messages name the references instead: the rate's finding, the queue's ARN ...
        String json = Run.in(dir, ENV, "check", ".", "--output", "out-json", "--format", "json",
                "--fail-on", "never").out();
        assertTrue(json.contains("rate(${env:SLSGUARD_TEST_MARKER_RATE})"), json);
        assertTrue(json.contains(":${env:SLSGUARD_TEST_MARKER_QUEUE}"), json);
        assertTrue(json.contains("GET /items/${env:SLSGUARD_TEST_MARKER_PATH}"), json);
    }

    @Test
    void aRefusalNamesTheReferenceNotTheValue() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), """
                service: svc
                frameworkVersion: '3'
                provider:
                  name: aws
                  runtime: nodejs20.x
                custom:
                  table: ${self:custom.${env:SLSGUARD_TEST_MARKER_KEY}}
                functions:
                  worker:
                    handler: handler.main
                """);
        for (Map.Entry<String, Run> byFormat : Run.inEveryFormat(dir, ENV, "check", ".").entrySet()) {
            String format = byFormat.getKey();
            Run run = byFormat.getValue();
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains("custom.${env:SLSGUARD_TEST_MARKER_KEY} is not set"), run.toString());
            assertAbsent(run.out(), format + " stdout");
            assertAbsent(run.err(), format + " stderr");
        }
    }

    @Test
    void severalServicesAndTheBaselineKeepTheValueOutToo() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/serverless.yml"), SERVICE);
        Files.writeString(dir.resolve("b/serverless.yml"), SERVICE.replace("service: svc", "service: other"));
        Run run = Run.in(dir, ENV, "check", "a", "b", "--output", "out", "--format", "json", "--fail-on", "never",
                "--write-baseline", "baseline.json");
        assertEquals(0, run.exitCode(), run.toString());
        assertAbsent(run.out(), "stdout");
        assertAbsent(Files.readString(dir.resolve("baseline.json")), "baseline");
        for (Path file : files(dir.resolve("out"))) {
            if (!file.getFileName().toString().equals(Invocation.TEMPLATE_FILE)) {
                assertAbsent(Files.readString(file), file.toString());
            }
        }
    }

    /** The value, and the ways names and escaping spell it, are nowhere in {@code text}. */
    private static void assertAbsent(String text, String where) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> spellings = new ArrayList<>(List.of(VALUE, VALUE.replaceAll("[^0-9A-Za-z]", ""),
                VALUE.replace("-", "Dash").replace("_", "Underscore"),
                VALUE.replace("-", "Dash").replace("_", "Underscore").replaceAll("[^0-9A-Za-z]", "")));
        for (String spelling : spellings) {
            assertFalse(lower.contains(spelling.toLowerCase(Locale.ROOT)), where + " shows " + spelling + ":\n" + text);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(OutputFiles.MARKER))
                    .sorted().toList();
        }
    }
}
