package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} with an org pack one of whose rules throws: an error finding, the other rules still report, exit 1. */
class ThrowingRuleTest {

    private static final String PACK = """
            package org.acme.broken;

            import dev.slsguard.engine.model.Function;
            import dev.slsguard.engine.rules.Report;

            rule "team tag lookup"
              @id("ACME-TAG-001") @severity("note")
            when
              $f : Function()
            then
              String team = null;
              Report.finding(kcontext, $f.ref(), "team " + team.trim());
            end

            rule "function named"
              @id("ACME-FN-001") @severity("note")
            when
              $f : Function()
            then
              Report.finding(kcontext, $f.ref(), "function " + $f.key());
            end
            """;

    @TempDir
    Path dir;

    @Test
    void aThrowingRuleIsAnErrorFindingAndTheExitCodeFollowsTheFindings() throws IOException {
        Services.write(dir, Services.CLEAN);
        Files.createDirectories(dir.resolve("pack"));
        Files.writeString(dir.resolve("pack/broken.drl"), PACK);

        Run run = Run.in(dir, "check", ".", "--rules", "pack", "--format", "json");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("", run.err(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<JsonNode> findings = new ArrayList<>();
        json.findParents("ruleId").forEach(findings::add);
        JsonNode error = findings.stream().filter(f -> f.path("ruleId").asText().equals("ACME-TAG-001"))
                .findFirst().orElseThrow(() -> new AssertionError(run.toString()));
        assertEquals("error", error.path("severity").asText(), error.toString());
        String message = error.path("message").asText();
        assertTrue(message.startsWith("rule ACME-TAG-001 (\"team tag lookup\", "), message);
        assertTrue(message.contains("pack/broken.drl:6) failed: NullPointerException"), message);
        assertTrue(findings.stream().anyMatch(f -> f.path("ruleId").asText().equals("ACME-FN-001")
                && f.path("message").asText().equals("function worker")), run.toString());

        Run failNever = Run.in(dir, "check", ".", "--rules", "pack", "--fail-on", "never");
        assertEquals(0, failNever.exitCode(), failNever.toString());
        assertTrue(failNever.out().contains("ACME-TAG-001"), failNever.toString());
    }
}
