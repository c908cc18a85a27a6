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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slsguard rules list} and {@code slsguard explain}, read from the loaded rule base. */
class RulesListAndExplainTest {

    private static final String RULE = """
            package org.acme.guard;

            import dev.slsguard.engine.model.Function;
            import dev.slsguard.engine.rules.Report;

            rule "function with a small memory size"
              @id("ACME-MEM-001")
              @severity("warning")
              @title("Small memory size")
              @description("Functions get at least 256 MB | no less.")
              @help("Set memorySize: 256 or more.")
              @tags("acme, cost")
            when
              $f : Function(memorySize < 256)
            then
              Report.finding(kcontext, $f.ref(), "Function " + $f.key() + " has " + $f.memorySize() + " MB.");
            end
            """;

    private static final String BAD = """
            service: acme
            provider:
              name: aws
            functions:
              tiny: # expect: ACME-MEM-001
                handler: h.tiny
                memorySize: 128
            """;

    private static final String GOOD = """
            service: acme
            provider:
              name: aws
            functions:
              big:
                handler: h.big
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void pack() throws IOException {
        Files.createDirectories(dir.resolve("pack/tests/memory/bad"));
        Files.createDirectories(dir.resolve("pack/tests/memory/good"));
        Files.writeString(dir.resolve("pack/memory.drl"), RULE);
        Files.writeString(dir.resolve("pack/pack.yml"), "name: acme-guard\nversion: 2.1.0\ndescription: Acme's guard rails\n");
        Files.writeString(dir.resolve("pack/tests/memory/bad/serverless.yml"), BAD);
        Files.writeString(dir.resolve("pack/tests/memory/good/serverless.yml"), GOOD);
    }

    @Test
    void listTextHasEveryLoadedRuleSortedById() {
        Run run = Run.in(dir, "rules", "list", "--rules", "pack");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("org pack acme-guard 2.1.0 (pack, 1 rule): Acme's guard rails", lines.get(lines.size() - 1));
        lines = lines.subList(0, lines.size() - 1);
        List<String> ids = lines.subList(0, lines.size() - 1).stream().map(l -> l.split(" ")[0]).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertTrue(ids.contains("SLS-IAM-001") || ids.stream().anyMatch(i -> i.startsWith("SLS-VAL-")), ids.toString());
        String acme = lines.stream().filter(l -> l.startsWith("ACME-MEM-001 ")).findFirst().orElseThrow();
        assertTrue(acme.matches("ACME-MEM-001 +warning  Small memory size  \\[acme, cost]"), acme);
        assertEquals(ids.size() + " rules", lines.get(lines.size() - 1));

        Run builtIn = Run.in(dir, "rules", "list");
        assertEquals(0, builtIn.exitCode(), builtIn.toString());
        assertTrue(!builtIn.out().contains("ACME-MEM-001"), builtIn.out());
        assertEquals(ids.size() - 1 + " rules", builtIn.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void listJsonAndMarkdownCarryTheMetadata() throws IOException {
        Run json = Run.in(dir, "rules", "list", "--rules", "pack", "--format", "json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode rules = new ObjectMapper().readTree(json.out()).get("rules");
        JsonNode acme = null;
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : rules) {
            ids.add(rule.get("id").asText());
            if (rule.get("id").asText().equals("ACME-MEM-001")) {
                acme = rule;
            }
        }
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals("{\"id\":\"ACME-MEM-001\",\"severity\":\"warning\",\"title\":\"Small memory size\","
                + "\"description\":\"Functions get at least 256 MB | no less.\",\"help\":\"Set memorySize: 256 or more.\","
                + "\"tags\":[\"acme\",\"cost\"],\"pack\":\"org.acme.guard\",\"orgPack\":\"acme-guard\"}", String.valueOf(acme));
        assertEquals("[{\"name\":\"acme-guard\",\"version\":\"2.1.0\",\"description\":\"Acme's guard rails\","
                + "\"directory\":\"pack\",\"rules\":[\"ACME-MEM-001\"]}]",
                new ObjectMapper().readTree(json.out()).get("orgPacks").toString());

        Run markdown = Run.in(dir, "rules", "list", "--rules", "pack", "--format", "markdown");
        assertEquals(0, markdown.exitCode(), markdown.toString());
        assertTrue(markdown.out().startsWith("# Rules\n\n" + ids.size() + " rules in "), markdown.out());
        assertTrue(markdown.out().contains("\n## Pack `guard`\n\n| Id | Severity | Security severity | Title |\n"
                + "| --- | --- | --- | --- |\n| [ACME-MEM-001](#acme-mem-001) | warning |  | Small memory size |\n"),
                markdown.out());
        assertTrue(markdown.out().contains("| [SLS-IAM-002](#sls-iam-002) | error | 9.5 critical (administrator) |"),
                "a security rule shows its risk");
        assertTrue(markdown.out().contains("| `privilege-escalation` | 8.8 high | error |"), "the scale");
        assertTrue(markdown.out().contains("\n### ACME-MEM-001\n\n**Small memory size** (warning, pack `guard`, org pack acme-guard 2.1.0)\n\n"
                + "Functions get at least 256 MB | no less.\n\nHow to fix: Set memorySize: 256 or more.\n\n"
                + "Tags: `acme`, `cost`\n"), markdown.out());
        assertTrue(markdown.out().endsWith("\n## Org packs\n\n| Pack | Version | Directory | Rules | Description |\n"
                + "| --- | --- | --- | --- | --- |\n| acme-guard | 2.1.0 | `pack` | ACME-MEM-001 | Acme's guard rails |\n"),
                markdown.out());
    }

    @Test
    void aBrokenPackYmlExitsTwoNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("pack/pack.yml"), "name: acme-guard\nversion: 2.1\n");
        for (String[] args : List.of(new String[] {"rules", "list", "--rules", "pack"},
                new String[] {"explain", "ACME-MEM-001", "--rules", "pack"}, new String[] {"rules", "test", "pack"})) {
            Run run = Run.in(dir, args);
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("slsguard: "), run.toString());
            assertTrue(run.err().contains("pack/pack.yml:2:10: version in pack.yml must be text, not a number"),
                    run.toString());
        }
    }

    @Test
    void explainShowsMetadataAndTheFixturesAsExamples() {
        Run run = Run.in(dir, "explain", "ACME-MEM-001", "--rules", "pack");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("""
                ACME-MEM-001: Small memory size
                severity: warning
                tags: acme, cost
                pack: org.acme.guard
                org pack: acme-guard 2.1.0 (pack)
                  Acme's guard rails

                Functions get at least 256 MB | no less.

                How to fix: Set memorySize: 256 or more.

                Bad example (pack/tests/memory/bad/serverless.yml, finding at line 5):
                """ + BAD.indent(4) + """

                Good example (pack/tests/memory/good/serverless.yml):
                """ + GOOD.indent(4), run.out());
    }

    @Test
    void explainABuiltInRuleShowsItsOwnFixturesAndAnUnknownIdIsRefused() {
        Run builtIn = Run.in(dir, "explain", "SLS-DEP-001");
        assertEquals(0, builtIn.exitCode(), builtIn.toString());
        String out = builtIn.out();
        assertTrue(out.startsWith("SLS-DEP-001: Kinesis consumer naming changes in v4\nseverity: warning\n"), out);
        assertTrue(out.contains("\nHow to fix: Set provider.kinesis.consumerNamingMode"), out);
        // the bad example is a fixture of the deprecation pack that expects the rule, quoted whole with its marker
        java.util.regex.Matcher bad = java.util.regex.Pattern
                .compile("\nBad example \\(built-in fixture (deprecation/[a-z0-9-]+), finding at line (\\d+)\\):\n").matcher(out);
        assertTrue(bad.find(), out);
        String badBody = out.substring(bad.end());
        String findingLine = badBody.lines().toList().get(Integer.parseInt(bad.group(2)) - 1);
        assertTrue(findingLine.contains("# expect: SLS-DEP-001") || findingLine.matches(".*# expect: .*SLS-DEP-001.*"),
                findingLine);
        assertTrue(!out.contains("No example"), out);
        // a rule with a good example too: the fixture marked good for it, after the bad one
        String iam = Run.in(dir, "explain", "SLS-IAM-101").out();
        int good = iam.indexOf("\nGood example (built-in fixture ");
        assertTrue(good > iam.indexOf("\nBad example (built-in fixture "), iam);
        assertTrue(iam.substring(good).matches("(?s).*# good: [^\\n]*SLS-IAM-101.*"), iam.substring(good));
        // a derivation rule: the fixture that derives its statements
        String derived = Run.in(dir, "explain", "SLS-DRV-001").out();
        assertTrue(derived.contains("\nExample (built-in fixture derivation/"), derived);

        Run missingPack = Run.in(dir, "rules", "list", "--rules", "nowhere");
        assertEquals(2, missingPack.exitCode(), missingPack.toString());
        assertEquals("slsguard: --rules nowhere: not a directory\n", missingPack.err());

        Run unknown = Run.in(dir, "explain", "ACME-MEM-001");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertEquals("slsguard: unknown rule id ACME-MEM-001 (`slsguard rules list` shows the loaded rules)\n",
                unknown.err());
    }
}
