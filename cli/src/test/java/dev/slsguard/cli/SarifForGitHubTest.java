package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF of real checks: line hashes across edits, related locations from a rule, repository-relative URIs. */
class SarifForGitHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode sarif(String... args) throws Exception {
        Run run = Run.in(dir, args);
        assertTrue(run.exitCode() < 2, run.toString());
        return JSON.readTree(dir.resolve("out/slsguard.sarif").toFile()).get("runs").get(0);
    }

    /** "ruleId primaryLocationLineHash" of every result, sorted; and their start lines. */
    private static List<String> hashes(JsonNode run, List<Integer> lines) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            out.add(r.get("ruleId").asText() + " " + r.at("/partialFingerprints/primaryLocationLineHash").asText()
                    + " " + r.at("/partialFingerprints/slsguard~1v1").asText());
            lines.add(r.at("/locations/0/physicalLocation/region/startLine").asInt());
        }
        out.sort(null);
        return out;
    }

    @Test
    void fingerprintsStayWhenLinesAreInsertedAboveTheFindings() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        List<Integer> linesBefore = new ArrayList<>();
        List<String> before = hashes(sarif("check", "svc", "--output", "out"), linesBefore);
        assertFalse(before.isEmpty());

        String edited = Services.WITH_ERRORS.replace("frameworkVersion: '3'\n",
                "frameworkVersion: '3'\n# owned by the payments team\n# see the runbook\n\n");
        Services.write(dir.resolve("svc"), edited);
        List<Integer> linesAfter = new ArrayList<>();
        List<String> after = hashes(sarif("check", "svc", "--output", "out"), linesAfter);
        assertNotEquals(linesBefore, linesAfter, "the findings moved down");
        assertEquals(before, after);
    }

    @Test
    void aRuleGivesRelatedLocations() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Files.createDirectories(dir.resolve("pack"));
        Files.writeString(dir.resolve("pack/related.drl"), """
                package com.example.related;

                import dev.slsguard.engine.model.Function;
                import dev.slsguard.engine.model.EventDecl;
                import dev.slsguard.engine.rules.Report;

                rule "function with an event"
                  @id("ORG-REL-001")
                  @severity("note")
                  @title("Function with an event")
                  @description("Points at the function and at its event.")
                  @help("Nothing to fix.")
                  @tags("org")
                when
                  $f : Function()
                  $e : EventDecl(type == "sqs")
                  eval($e.function().equals($f.key()))
                then
                  Report.finding(kcontext, $f.ref(), "Function " + $f.key() + " has an event.",
                      Report.related($e.ref(), "its " + $e.type() + " event"));
                end
                """);
        JsonNode run = sarif("check", "svc", "--output", "out", "--rules", "pack");
        JsonNode found = null;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("ORG-REL-001")) {
                found = r;
            }
        }
        assertTrue(found != null, run.toString());
        JsonNode related = found.at("/relatedLocations/0");
        assertEquals("its sqs event", related.at("/message/text").asText());
        assertEquals("svc/serverless.yml", related.at("/physicalLocation/artifactLocation/uri").asText());
        int eventLine = Services.WITH_ERRORS.lines().toList().indexOf("      - sqs:") + 1;
        assertEquals(eventLine, related.at("/physicalLocation/region/startLine").asInt());
    }

    @Test
    void builtInRulesPointAtWhatTheFindingDependsOn() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        JsonNode run = sarif("check", "svc", "--output", "out");
        JsonNode found = null;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("SLS-VAL-104")) {
                found = r;
            }
        }
        assertTrue(found != null, run.toString());
        List<String> lines = Services.WITH_ERRORS.lines().toList();
        // the queue that is too short and the function whose timeout it must cover
        assertEquals("queue WorkQueue is defined here", found.at("/relatedLocations/0/message/text").asText());
        assertEquals(lines.indexOf("    WorkQueue:") + 1,
                found.at("/relatedLocations/0/physicalLocation/region/startLine").asInt());
        assertEquals("function worker (timeout 120 s)", found.at("/relatedLocations/1/message/text").asText());
        assertEquals(lines.indexOf("  worker:") + 1,
                found.at("/relatedLocations/1/physicalLocation/region/startLine").asInt());
    }

    @Test
    void urisAreRelativeToTheRepositoryRootOrSarifRoot() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path services = dir.resolve("infra/services");
        Services.write(services.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(services, "check", "svc", "--output", "out", "--format", "sarif");
        JsonNode result = JSON.readTree(run.out()).at("/runs/0/results/0");
        assertEquals("infra/services/svc/serverless.yml",
                result.at("/locations/0/physicalLocation/artifactLocation/uri").asText(), run.toString());

        Run rooted = Run.in(services, "check", "svc", "--output", "out", "--format", "sarif", "--sarif-root", "..");
        assertEquals("services/svc/serverless.yml", JSON.readTree(rooted.out())
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText(), rooted.toString());

        // from a directory outside the root: URIs are still relative to the root
        Run outside = Run.in(services, "check", "svc", "--output", "out", "--format", "sarif", "--sarif-root", "svc");
        assertEquals(1, outside.exitCode(), outside.toString());
        assertEquals("serverless.yml", JSON.readTree(outside.out())
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText(), outside.toString());

        // the service and the root given by absolute paths from an unrelated directory
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Run absolute = Run.in(elsewhere, "check", services.resolve("svc").toString(), "--output", "out",
                "--format", "sarif", "--sarif-root", dir.resolve("infra").toString());
        assertEquals(1, absolute.exitCode(), absolute.toString());
        JsonNode location = JSON.readTree(absolute.out()).at("/runs/0/results/0/locations/0/physicalLocation");
        assertEquals("services/svc/serverless.yml", location.at("/artifactLocation/uri").asText(), absolute.toString());
        assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText(), absolute.toString());

        // a file outside the root climbs out of it
        Run above = Run.in(services, "check", "svc", "--output", "out", "--format", "sarif", "--sarif-root", "../../elsewhere");
        assertEquals("../infra/services/svc/serverless.yml", JSON.readTree(above.out())
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText(), above.toString());
    }
}
