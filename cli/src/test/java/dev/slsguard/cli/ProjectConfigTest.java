package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .slsguard.yml}: where it is found, what each setting does, and its errors. */
class ProjectConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ORG_PACK = """
            package com.example.cfg;

            import dev.slsguard.engine.model.Function;
            import dev.slsguard.engine.rules.Report;

            rule "every function is seen by the org pack"
              @id("ORG-CFG-001")
              @severity("warning")
              @title("Function seen by the org pack")
              @description("Reports every function, to show that the pack was loaded.")
              @help("Nothing to fix.")
              @tags("org")
            when
              $f : Function()
            then
              Report.finding(kcontext, $f.ref(), "Function " + $f.key() + " was seen by the org pack.");
            end
            """;

    @TempDir
    Path repo;

    /** The rule ids of the error findings of {@link Services#WITH_ERRORS} without a configuration. */
    private Set<String> errorRules;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Services.write(repo.resolve("services/svc"), Services.WITH_ERRORS);
        Run run = check();
        assertEquals(1, run.exitCode(), run.toString());
        errorRules = new TreeSet<>();
        for (JsonNode f : findings(run)) {
            if (f.get("severity").asText().equals("error")) {
                errorRules.add(f.get("ruleId").asText());
            }
        }
        assertFalse(errorRules.isEmpty());
    }

    private Run check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "services/svc", "--output", "out", "--format", "json"));
        args.addAll(List.of(extra));
        return Run.in(repo, args.toArray(String[]::new));
    }

    private static List<JsonNode> findings(Run run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(run.out()).get("findings").forEach(out::add);
        return out;
    }

    private void config(String relativeDir, String text) throws Exception {
        Files.createDirectories(repo.resolve(relativeDir));
        Files.writeString(repo.resolve(relativeDir).resolve(".slsguard.yml"), text);
    }

    @Test
    void severityOverridesChangeFindingsSarifAndTheExitCode() throws Exception {
        StringBuilder yml = new StringBuilder("severity:\n");
        errorRules.forEach(id -> yml.append("  ").append(id).append(": note\n"));
        config("", yml.toString());

        Run run = check();
        assertEquals(0, run.exitCode(), run.toString());
        for (JsonNode f : findings(run)) {
            if (errorRules.contains(f.get("ruleId").asText())) {
                assertEquals("note", f.get("severity").asText(), f.toString());
            }
            assertFalse(f.get("severity").asText().equals("error"), f.toString());
        }
        JsonNode sarif = JSON.readTree(repo.resolve("out/slsguard.sarif").toFile());
        for (JsonNode rule : sarif.at("/runs/0/tool/driver/rules")) {
            if (errorRules.contains(rule.get("id").asText())) {
                assertEquals("note", rule.at("/defaultConfiguration/level").asText());
            }
        }
        for (JsonNode result : sarif.at("/runs/0/results")) {
            if (errorRules.contains(result.get("ruleId").asText())) {
                assertEquals("note", result.get("level").asText());
            }
        }
    }

    @Test
    void disabledRulesReportNothing() throws Exception {
        config("services", "disable:\n" + errorRules.stream().map(id -> "  - " + id + "\n")
                .reduce("", String::concat));
        Run run = check();
        assertEquals(0, run.exitCode(), run.toString());
        for (JsonNode f : findings(run)) {
            assertFalse(errorRules.contains(f.get("ruleId").asText()), f.toString());
        }
        JsonNode sarif = JSON.readTree(repo.resolve("out/slsguard.sarif").toFile());
        for (JsonNode rule : sarif.at("/runs/0/tool/driver/rules")) {
            assertFalse(errorRules.contains(rule.get("id").asText()), rule.toString());
        }
        assertTrue(sarif.at("/runs/0/tool/driver/rules").size() > 0);
    }

    @Test
    void failThresholdFromTheFileAndTheCommandLineWins() throws Exception {
        config("services/svc", "fail-on: never\n");
        assertEquals(0, check().exitCode());
        assertEquals(1, check("--fail-on", "error").exitCode());

        // the clean service has warnings or notes only: fail-on note makes them count
        Services.write(repo.resolve("services/svc"), Services.CLEAN);
        Run clean = check();
        assertEquals(0, clean.exitCode(), clean.toString());
        config("services/svc", "fail-on: note\n");
        Run strict = check();
        assertEquals(findings(strict).isEmpty() ? 0 : 1, strict.exitCode(), strict.toString());
    }

    @Test
    void rulesLoadOrgPacksRelativeToTheFileAndAddUpWithTheOption() throws Exception {
        Files.createDirectories(repo.resolve("policies/org"));
        Files.writeString(repo.resolve("policies/org/seen.drl"), ORG_PACK);
        config("", "rules:\n  - policies/org\n");
        Run run = check();
        List<String> ids = findings(run).stream().map(f -> f.get("ruleId").asText()).toList();
        assertTrue(ids.contains("ORG-CFG-001"), run.toString());

        Files.createDirectories(repo.resolve("more"));
        Files.writeString(repo.resolve("more/second.drl"), ORG_PACK.replace("com.example.cfg", "com.example.more")
                .replace("ORG-CFG-001", "ORG-CFG-002").replace("every function is seen", "every function is met"));
        Run both = check("--rules", "more");
        List<String> bothIds = findings(both).stream().map(f -> f.get("ruleId").asText()).toList();
        assertTrue(bothIds.contains("ORG-CFG-001") && bothIds.contains("ORG-CFG-002"), both.toString());
    }

    @Test
    void rulesLockPinsEachPackAndRefusesAChange() throws Exception {
        Files.createDirectories(repo.resolve("policies/org"));
        Files.writeString(repo.resolve("policies/org/seen.drl"), ORG_PACK);
        String hash = RulesLock.hash(repo.resolve("policies/org"));
        assertTrue(hash.matches("sha256:[0-9a-f]{64}"), hash);
        config("", "rules:\n  - policies/org\nrules-lock:\n  policies/org: " + hash + "\n");
        Run pinned = check();
        assertTrue(findings(pinned).stream().anyMatch(f -> f.get("ruleId").asText().equals("ORG-CFG-001")),
                pinned.toString());

        Files.writeString(repo.resolve("policies/org/seen.drl"), ORG_PACK.replace("was seen", "was met"));
        Run changed = check();
        assertEquals(2, changed.exitCode(), changed.toString());
        assertEquals(List.of("slsguard: .slsguard.yml:4:17: rule pack policies/org changed: its content is now "
                + RulesLock.hash(repo.resolve("policies/org")) + "; review the change, then pin the new hash in "
                + "rules-lock"), changed.errLines());

        Files.createDirectories(repo.resolve("more"));
        Files.writeString(repo.resolve("more/second.drl"), ORG_PACK.replace("com.example.cfg", "com.example.more"));
        config("", "rules:\n  - policies/org\nrules-lock:\n  policies/org: "
                + RulesLock.hash(repo.resolve("policies/org")) + "\n");
        Run unpinned = check("--rules", "more");
        assertEquals(2, unpinned.exitCode(), unpinned.toString());
        assertTrue(unpinned.err().startsWith("slsguard: .slsguard.yml:4:3: rule pack more is not pinned in rules-lock"),
                unpinned.toString());
    }

    @Test
    void baselineFromTheFile() throws Exception {
        assertEquals(1, check("--write-baseline", "accepted.json").exitCode());
        config("", "baseline: accepted.json\n");
        Run run = check();
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void foundUpToTheRepositoryRootAndNotAbove() throws Exception {
        config("", "fail-on: never\n");
        assertEquals(0, check().exitCode());

        // a repository inside the temporary directory: the file above its root is not read
        Path inner = repo.resolve("nested");
        Files.createDirectories(inner.resolve(".git"));
        Services.write(inner.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(repo, "check", "nested/svc", "--output", "out2", "--format", "json");
        assertEquals(1, run.exitCode(), run.toString());
    }

    @Test
    void theNearestFileWins() throws Exception {
        config("", "fail-on: never\n");
        config("services/svc", "fail-on: error\n");
        assertEquals(1, check().exitCode());
    }

    @Test
    void mistakesAreOneLineAtTheirPosition() throws Exception {
        assertError("fail-on: never\ncolour: true\n",
                "slsguard: .slsguard.yml:2:1: unknown setting 'colour' in .slsguard.yml");
        assertError("disable: SLS-VAL-101\n", "slsguard: .slsguard.yml:1:10: disable: expected a list of strings, not string");
        assertError("disable:\n  - 12\n", "slsguard: .slsguard.yml:2:5: disable: expected a list of strings, not integer");
        assertError("severity:\n  " + errorRules.iterator().next() + ": fatal\n",
                "slsguard: .slsguard.yml:2:");
        assertError("fail-on: sometimes\n", "slsguard: .slsguard.yml:1:10: fail-on: 'sometimes' is not one of");
        assertError("disable:\n  - SLS-NOPE-999\n", "slsguard: .slsguard.yml:2:5: no loaded rule has the id SLS-NOPE-999");
        assertError("rules:\n  - missing/dir\n", "slsguard: .slsguard.yml:2:5: rules: missing/dir is not a directory");
        assertError("exclude:\n  - 'a/[b'\n", "slsguard: .slsguard.yml:2:5: exclude: 'a/[b' is not a valid glob");
        assertError("- a\n", "slsguard: .slsguard.yml:1:1: .slsguard.yml must be a mapping");
        assertError("rules: [a\n", "slsguard: .slsguard.yml:");
    }

    private void assertError(String yml, String expectedStart) throws Exception {
        config("", yml);
        Run run = check();
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.errLines().get(0).startsWith(expectedStart), run.errLines().get(0));
        assertEquals("", run.out());
    }
}
