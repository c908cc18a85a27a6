package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A run over many services always finishes: services that cannot be analysed are error results in
 * every report, at their own line, and the others are analysed (issue 13, point 1).
 */
class BatchRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The broken services and where each one's problem is. */
    private static final List<String> BROKEN = List.of(
            "services/missing/serverless.yml:5:9",
            "services/env/serverless.yml:6:12",
            "services/construct/serverless.yml:6:12",
            "services/malformed/serverless.yml:4:11");
    private static final String OTHER_PROVIDER = "services/google/serverless.yml:3:9";

    @TempDir
    Path dir;

    @BeforeEach
    void twentyServicesFiveBroken() {
        for (int i = 1; i <= 15; i++) {
            Services.write(dir.resolve("services/ok" + i), Services.CLEAN.replace("service: tidy", "service: ok" + i));
        }
        Services.write(dir.resolve("services/missing"), """
                service: missing
                provider:
                  name: aws
                  runtime: nodejs20.x
                custom: ${file(./env.configs.yml)}
                functions:
                  hello:
                    handler: h.h
                """);
        Services.write(dir.resolve("services/env"), """
                service: env
                provider:
                  name: aws
                  runtime: nodejs20.x
                  environment:
                    TOKEN: ${env:SECRET_TOKEN}
                functions:
                  hello:
                    handler: h.h
                """);
        Services.write(dir.resolve("services/construct"), """
                service: construct
                provider:
                  name: aws
                  runtime: nodejs20.x
                  environment:
                    QUEUE: ${construct:jobs.queueUrl}
                functions:
                  hello:
                    handler: h.h
                """);
        Services.write(dir.resolve("services/malformed"), Services.MALFORMED);
        Services.write(dir.resolve("services/google"), """
                service: gcf
                provider:
                  name: google
                  runtime: nodejs16
                functions:
                  hello:
                    handler: hello
                """);
    }

    @Test
    void everyReportNamesTheFiveAndTheFifteenAreAnalysed() throws Exception {
        Run text = Run.in(dir, "check", "--recursive", "services", "--output", "out");
        assertEquals(2, text.exitCode(), text.toString());
        for (String where : BROKEN) {
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith(where + ": error: ")), where + "\n" + text);
        }
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith(OTHER_PROVIDER + ": skipped: provider.name is google")),
                text.out());
        assertTrue(text.out().contains("checked 15 services (15 functions) with "), text.out());
        assertTrue(text.out().contains("; 4 could not be analysed; 1 skipped"), text.out());
        assertTrue(text.err().isEmpty(), "no progress line in captured output: " + text.err());
        for (int i = 1; i <= 15; i++) {
            assertTrue(Files.isRegularFile(dir.resolve("out/services/ok" + i + "/cloudformation-template.json")));
        }
        assertFalse(Files.exists(dir.resolve("out/services/google")));

        // SARIF: the results of the fifteen, a notification at each of the five
        JsonNode sarif = JSON.readTree(dir.resolve("out/slsguard.sarif").toFile());
        Set<String> analysed = new HashSet<>();
        sarif.at("/runs/0/results").forEach(r -> analysed.add(
                r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().replaceFirst("/serverless.yml$", "")));
        assertTrue(analysed.stream().allMatch(s -> s.matches("services/ok\\d+")), analysed.toString());
        JsonNode invocation = sarif.at("/runs/0/invocations/0");
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        List<String> notified = new ArrayList<>();
        for (JsonNode n : invocation.get("toolExecutionNotifications")) {
            JsonNode loc = n.at("/locations/0/physicalLocation");
            notified.add(n.get("level").asText() + " " + loc.at("/artifactLocation/uri").asText() + ":"
                    + loc.at("/region/startLine").asInt() + ":" + loc.at("/region/startColumn").asInt());
        }
        for (String where : BROKEN) {
            assertTrue(notified.contains("error " + where), notified.toString());
        }
        assertTrue(notified.contains("note " + OTHER_PROVIDER), notified.toString());

        // HTML: the summary lists them
        String html = Files.readString(dir.resolve("out/slsguard.html"));
        for (String where : BROKEN) {
            assertTrue(html.contains(where + ": error: "), where);
        }
        assertTrue(html.contains("checked 15 services"));

        // JSON
        Run json = Run.in(dir, "check", "--recursive", "services", "--output", "out", "--format", "json");
        assertEquals(2, json.exitCode(), json.toString());
        JsonNode report = JSON.readTree(json.out());
        assertEquals(15, report.at("/summary/services").asInt());
        assertEquals(5, report.at("/summary/notAnalysed").asInt());
        List<String> listed = new ArrayList<>();
        report.get("notAnalysed").forEach(n -> listed.add(n.get("kind").asText() + " " + n.at("/location/file").asText()
                + ":" + n.at("/location/line").asInt() + ":" + n.at("/location/column").asInt()));
        for (String where : BROKEN) {
            assertTrue(listed.contains("error " + where), listed.toString());
        }
        assertTrue(listed.contains("skipped " + OTHER_PROVIDER), listed.toString());

        // JUnit: an error test case for each
        Run junit = Run.in(dir, "check", "--recursive", "services", "--output", "out", "--format", "junit");
        assertEquals(2, junit.exitCode(), junit.toString());
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("4", root.getAttribute("errors"));
        NodeList errors = root.getElementsByTagName("error");
        List<String> errorTexts = new ArrayList<>();
        for (int i = 0; i < errors.getLength(); i++) {
            errorTexts.add(errors.item(i).getTextContent());
        }
        for (String where : BROKEN) {
            assertTrue(errorTexts.stream().anyMatch(t -> t.startsWith(where + ": ")), errorTexts.toString());
        }
        assertEquals(1, root.getElementsByTagName("skipped").getLength());
    }

    @Test
    void aSkippedProviderAloneDoesNotFailTheRun() {
        Run run = Run.in(dir, "check", "services/ok1", "services/google", "--output", "out", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains(OTHER_PROVIDER + ": skipped: "), run.out());
    }

    @Test
    void aServiceOfAnotherProviderCheckedAloneIsRefusedInOneLine() {
        Run run = Run.in(dir, "check", "services/google");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(List.of("slsguard: " + OTHER_PROVIDER
                + ": provider.name is google: slsguard checks AWS services only, so this service is not analysed"),
                run.errLines());
    }

    @Test
    void placeholdersLetTheFirstThreeBeAnalysedWithANoteAtEachLine() throws Exception {
        Run run = Run.in(dir, "check", "--recursive", "services", "--output", "out", "--format", "json",
                "--unresolved", "placeholder");
        assertEquals(2, run.exitCode(), run.toString()); // the malformed one still cannot be analysed
        JsonNode report = JSON.readTree(run.out());
        assertEquals(18, report.at("/summary/services").asInt(), run.out());
        List<String> notes = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("SLS-VAL-004")) {
                notes.add(f.at("/location/file").asText() + ":" + f.at("/location/line").asInt() + ":"
                        + f.at("/location/column").asInt() + " " + f.get("message").asText());
            }
        });
        for (String where : BROKEN.subList(0, 3)) {
            assertTrue(notes.stream().anyMatch(n -> n.startsWith(where + " ") && n.contains("--unresolved placeholder")
                    && n.contains(" so ")), where + " " + notes);
        }
        List<String> listed = new ArrayList<>();
        report.get("notAnalysed").forEach(n -> listed.add(n.at("/location/file").asText()));
        assertEquals(List.of("services/google/serverless.yml", "services/malformed/serverless.yml"),
                listed.stream().sorted().toList());

        // the same from .slsguard.yml; the command line wins over it
        Files.writeString(dir.resolve("services/env/.slsguard.yml"), "unresolved: placeholder\n");
        Run configured = Run.in(dir, "check", "services/env", "--output", "out2", "--format", "json");
        assertTrue(configured.exitCode() != 2, configured.toString());
        assertTrue(configured.out().contains("SECRET_TOKEN is not set"), configured.out());
        Run strict = Run.in(dir, "check", "services/env", "--output", "out3", "--unresolved", "strict");
        assertEquals(2, strict.exitCode(), strict.toString());
        assertEquals(List.of("slsguard: services/env/serverless.yml:6:12: cannot resolve ${env:SECRET_TOKEN}: "
                + "environment variable SECRET_TOKEN is not set; add a fallback if that is expected: "
                + "${env:SECRET_TOKEN, 'default'}"), strict.errLines());
    }

    @Test
    void aMissingOptionBecomesAPlaceholderButATypoInSelfStaysAnError() {
        Services.write(dir.resolve("opt"), """
                service: opt
                provider:
                  name: aws
                  runtime: nodejs20.x
                  environment:
                    TABLE: ${opt:table}
                functions:
                  hello:
                    handler: h.h
                """);
        Run run = Run.in(dir, "check", "opt", "--output", "out", "--unresolved", "placeholder", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("opt/serverless.yml:6:12 note SLS-VAL-004 ${opt:table} has no value"), run.out());
        Services.write(dir.resolve("self"), """
                service: self
                provider:
                  name: aws
                  runtime: nodejs20.x
                  environment:
                    TABLE: ${self:custom.tabel}
                functions:
                  hello:
                    handler: h.h
                """);
        Run typo = Run.in(dir, "check", "self", "--output", "out", "--unresolved", "placeholder");
        assertEquals(2, typo.exitCode(), typo.toString());
    }

    @Test
    void everyUnresolvableVariableOfAServiceIsReportedAtOnce() {
        Services.write(dir.resolve("many"), """
                service: many
                provider:
                  name: aws
                  runtime: nodejs20.x
                  environment:
                    A: ${env:FIRST}
                    B: ${env:SECOND}
                    C: ${construct:jobs.queueUrl}
                custom: ${file(./absent.yml)}
                functions:
                  hello:
                    handler: h.h
                """);
        Run run = Run.in(dir, "check", "many", "--output", "out");
        assertEquals(2, run.exitCode(), run.toString());
        List<String> lines = run.errLines();
        assertEquals(4, lines.size(), run.toString());
        assertTrue(lines.get(0).startsWith("slsguard: many/serverless.yml:6:8: cannot resolve ${env:FIRST}"), lines.get(0));
        assertTrue(lines.get(1).startsWith("slsguard: many/serverless.yml:7:8: cannot resolve ${env:SECOND}"), lines.get(1));
        assertTrue(lines.get(2).startsWith("slsguard: many/serverless.yml:8:8: unknown variable source 'construct'"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("slsguard: many/serverless.yml:9:9: cannot resolve ${file(./absent.yml)}"),
                lines.get(3));

        // in a batch: the service is one error result with its four lines
        Run batch = Run.in(dir, "check", "many", "services/ok1", "--output", "out2");
        assertEquals(2, batch.exitCode(), batch.toString());
        assertEquals(4, batch.out().lines().filter(l -> l.startsWith("many/serverless.yml:")
                && l.contains(": error: ")).count(), batch.out());
        assertTrue(batch.out().contains("checked 1 service (1 function) with "), batch.out());
        assertTrue(batch.out().contains("; 1 could not be analysed"), batch.out());
    }

    @Test
    void resolutionStopsAfterTwentyUnresolvableVariables() {
        StringBuilder yaml = new StringBuilder("service: lots\nprovider:\n  name: aws\n  runtime: nodejs20.x\n"
                + "  environment:\n");
        for (int i = 1; i <= 30; i++) {
            yaml.append("    V").append(i).append(": ${env:UNSET_").append(i).append("}\n");
        }
        Services.write(dir.resolve("lots"), yaml.toString());
        Run run = Run.in(dir, "check", "lots", "--output", "out");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(20, run.errLines().size(), run.toString());
    }

    @Test
    void aServiceWithThreeIndependentRefusalsReportsAllThree() {
        Services.write(dir.resolve("refusals"), """
                service: refusals
                configValidationMode: warn
                provider:
                  name: aws
                  runtime: nodejs20.x
                functions:
                  a:
                    handler: h.a
                    events:
                      - http: '*'
                  b:
                    handler: h.b
                    events:
                      - httpApi: 'not a route'
                  c:
                    handler: h.c
                    events:
                      - sqs:
                          arn: !Ref SomeQueue
                """);
        Run run = Run.in(dir, "check", "refusals", "--output", "out");
        assertEquals(1, run.exitCode(), run.toString());
        for (String where : List.of("refusals/serverless.yml:10:15 error SLS-VAL-",
                "refusals/serverless.yml:14:18 error SLS-VAL-", "refusals/serverless.yml:19:11 error SLS-VAL-")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(where)), where + "\n" + run.out());
        }
    }
}
