package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slsguard rules test DIR} on small packs written by the test. */
class RulesTestCommandTest {

    private static final String RULE = """
            package org.acme.guard;

            import dev.slsguard.engine.model.Function;
            import dev.slsguard.engine.rules.Report;

            rule "function with a small memory size"
              @id("ACME-MEM-001")
              @severity("warning")
              @title("Small memory size")
              @description("Functions get at least 256 MB.")
              @help("Set memorySize: 256 or more.")
              @tags("acme, cost")
            when
              $f : Function(memorySize < 256)
            then
              Report.finding(kcontext, $f.ref(), "Function " + $f.key() + " has " + $f.memorySize() + " MB.");
            end
            """;

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String service(String functions) {
        return "service: acme\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n" + functions;
    }

    @Test
    void passingPackExitsZeroAndIgnoresBuiltInFindings() throws IOException {
        write("pack/memory.drl", RULE);
        // line 6: a finding of the pack's rule; the sqs event without an arn is a built-in error, not counted
        write("pack/tests/small/serverless.yml", service("""
                  tiny: # expect: ACME-MEM-001
                    handler: h.tiny
                    memorySize: 128
                    events:
                      - sqs: {}
                """));
        write("pack/tests/big/serverless.yml", service("  big:\n    handler: h.big\n"));
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("PASS  big  [silent]", "PASS  small  [ACME-MEM-001]",
                "2 fixtures, 1 rule: 2 passed, 0 failed"), run.out().lines().toList(), run.toString());
        assertEquals("", run.err());
    }

    @Test
    void aBuiltInIdNamedByAMarkerIsCompared() throws IOException {
        write("pack/memory.drl", RULE);
        write("pack/tests/queue/serverless.yml", service("""
                  worker:
                    handler: h.worker
                    events:
                      - sqs:
                          arn: arn:aws:sqs:us-east-1:123456789012:jobs
                          batchSize: 5000 # expect: SLS-NOPE-999
                """));
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("FAIL  queue  [SLS-NOPE-999] (pack/tests/queue/serverless.yml)\n"
                + "        missing finding: SLS-NOPE-999 at line 11\n"), run.toString());
        assertTrue(run.out().contains("note: rules no fixture expects: ACME-MEM-001\n"), run.toString());
    }

    @Test
    void failingFixtureNamesMissingAndUnexpectedFindings() throws IOException {
        write("pack/memory.drl", RULE);
        write("pack/tests/wrong-line/serverless.yml", service("""
                  tiny: # expect: ACME-MEM-001
                    handler: h.tiny
                  small:
                    handler: h.small
                    memorySize: 128
                """));
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("FAIL  wrong-line  [ACME-MEM-001] (pack/tests/wrong-line/serverless.yml)",
                "        missing finding: ACME-MEM-001 at line 6",
                "        unexpected finding: ACME-MEM-001 at line 8 - Function small has 128 MB.",
                "1 fixture, 1 rule: 0 passed, 1 failed"), run.out().lines().toList(), run.toString());
    }

    @Test
    void fixtureThatCannotBeReadFails() throws IOException {
        write("pack/memory.drl", RULE);
        write("pack/tests/broken/serverless.yml", "service: [unclosed\n");
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("FAIL  broken  [silent] (pack/tests/broken/serverless.yml)\n"
                + "        error: serverless.yml:"), run.toString());
    }

    @Test
    void fixtureOnWhichARuleThrowsFailsNamingTheRule() throws IOException {
        write("pack/memory.drl", RULE.replace("Report.finding(kcontext, $f.ref(), \"Function \" + $f.key() + \" has \" + $f.memorySize() + \" MB.\");",
                "Object none = null; none.toString();"));
        write("pack/tests/small/serverless.yml", service("  tiny: # expect: ACME-MEM-001\n    handler: h.tiny\n    memorySize: 128\n"));
        write("pack/tests/big/serverless.yml", service("  big:\n    handler: h.big\n"));
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(1, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("PASS  big  [silent]", lines.get(0), run.toString());
        assertEquals("FAIL  small  [ACME-MEM-001] (pack/tests/small/serverless.yml)", lines.get(1), run.toString());
        assertTrue(lines.get(2).startsWith("        error: rule ACME-MEM-001 (\"function with a small memory size\", "),
                run.toString());
        assertTrue(lines.get(2).contains("pack/memory.drl:6) failed: NullPointerException"), run.toString());
        assertEquals("        missing finding: ACME-MEM-001 at line 6", lines.get(3), run.toString());
    }

    @Test
    void packThatDoesNotCompileExitsTwoNamingFileAndLine() throws IOException {
        write("pack/memory.drl", RULE.replace("$f : Function(memorySize < 256)", "$f : Function(memorySize <"));
        write("pack/tests/small/serverless.yml", service("  tiny:\n    handler: h.tiny\n"));
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("slsguard: " + dir.resolve("pack/memory.drl").toString().replace('\\', '/')
                + ":"), run.toString());
        assertTrue(run.err().contains("rule pack does not compile"), run.toString());
    }

    @Test
    void packWithoutFixturesOrRulesExitsTwo() throws IOException {
        write("pack/memory.drl", RULE);
        Run noFixtures = Run.in(dir, "rules", "test", "pack");
        assertEquals(2, noFixtures.exitCode(), noFixtures.toString());
        assertEquals("slsguard: pack: no fixtures (tests/**/serverless.yml or tests/*.yml)\n", noFixtures.err());

        write("empty/tests/a/serverless.yml", service("  a:\n    handler: h.a\n"));
        Run noRules = Run.in(dir, "rules", "test", "empty");
        assertEquals(2, noRules.exitCode(), noRules.toString());
        assertTrue(noRules.err().contains("no .drl files under rule pack directory"), noRules.toString());

        Run missing = Run.in(dir, "rules", "test", "nowhere");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertEquals("slsguard: nowhere: not a directory\n", missing.err());
    }

    @Test
    void yamlTestFilesListCasesWithPathOrInlineServicesAndLineOrCountExpectations() throws IOException {
        write("pack/memory.drl", RULE);
        write("pack/tests/services/two-small.yml", service("""
                  tiny:
                    handler: h.tiny
                    memorySize: 128
                  small:
                    handler: h.small
                    memorySize: 192
                """));
        write("pack/tests/memory.yml", """
                - name: two small functions
                  service: services/two-small.yml
                  expect:
                    - rule: ACME-MEM-001
                      line: 6
                    - rule: ACME-MEM-001
                      line: 9
                - name: counted
                  service: services/two-small.yml
                  expect:
                    - {rule: ACME-MEM-001, count: 2}
                - name: inline big function
                  service: |
                    service: acme
                    provider:
                      name: aws
                    functions:
                      big:
                        handler: h.big
                        memorySize: 1024
                  expect: []
                """);
        // a marker fixture beside the test file still runs
        write("pack/tests/small/serverless.yml", service("  tiny: # expect: ACME-MEM-001\n    handler: h.tiny\n"
                + "    memorySize: 128\n"));
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("PASS  small  [ACME-MEM-001]", "PASS  memory.yml: two small functions  [ACME-MEM-001]",
                "PASS  memory.yml: counted  [ACME-MEM-001]", "PASS  memory.yml: inline big function  [silent]",
                "4 fixtures, 1 rule: 4 passed, 0 failed"), run.out().lines().toList(), run.toString());
    }

    @Test
    void aFailingYamlCaseNamesTheCaseAndTheDifferences() throws IOException {
        write("pack/memory.drl", RULE);
        write("pack/tests/cases.yaml", """
                - name: wrong line and count
                  service: |
                    service: acme
                    provider:
                      name: aws
                    functions:
                      tiny:
                        handler: h.tiny
                        memorySize: 128
                  expect:
                    - rule: ACME-MEM-001
                      line: 7
                - name: wrong count
                  service: |
                    service: acme
                    provider:
                      name: aws
                    functions:
                      tiny:
                        handler: h.tiny
                        memorySize: 128
                  expect:
                    - rule: ACME-MEM-001
                      count: 0
                """);
        Run run = Run.in(dir, "rules", "test", "pack");
        assertEquals(1, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("FAIL  cases.yaml: wrong line and count  [ACME-MEM-001] ("), run.toString());
        assertTrue(lines.get(0).endsWith("pack/tests/cases.yaml:1)"), run.toString());
        assertEquals(List.of("        missing finding: ACME-MEM-001 at line 7",
                "        unexpected finding: ACME-MEM-001 at line 5 - Function tiny has 128 MB."), lines.subList(1, 3));
        assertTrue(lines.get(3).startsWith("FAIL  cases.yaml: wrong count  [ACME-MEM-001] ("), run.toString());
        assertTrue(lines.get(3).endsWith("pack/tests/cases.yaml:13)"), run.toString());
        assertEquals("        ACME-MEM-001: expected 0 findings, got 1 (line 5)", lines.get(4));
        assertEquals("2 fixtures, 1 rule: 0 passed, 2 failed", lines.get(5));
    }

    @Test
    void anInvalidTestFileExitsTwoNamingFileAndLine() throws IOException {
        write("pack/memory.drl", RULE);
        write("pack/tests/bad.yml", """
                - name: a
                  service: nowhere/serverless.yml
                  expect: []
                """);
        Run missing = Run.in(dir, "rules", "test", "pack");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("pack/tests/bad.yml:2:12: service file not found: nowhere/serverless.yml"),
                missing.toString());

        write("pack/tests/bad.yml", """
                - name: a
                  service: |
                    service: a
                  expect:
                    - rule: ACME-MEM-001
                      line: 3
                      count: 1
                """);
        Run both = Run.in(dir, "rules", "test", "pack");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("pack/tests/bad.yml:5:7: an expectation of ACME-MEM-001 has a line or a count"),
                both.toString());
    }
}
