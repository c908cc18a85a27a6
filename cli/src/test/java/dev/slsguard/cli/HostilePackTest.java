package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: an org rule pack cannot end or fake the run. Packs that would end the process or halt
 * the session are refused at load, named at their DRL line; a pack that retracts the facts the
 * built-in rules report on leaves the built-in findings in place; a pack that recurses without end
 * or allocates without bound is an error finding of its rule while the other rules still report.
 */
class HostilePackTest {

    /** A service with a built-in finding: a deprecated runtime (SLS-LMB-001, later SLS-LMB-002). */
    private static final String SERVICE = """
            service: svc
            frameworkVersion: '3'
            configValidationMode: error
            provider:
              name: aws
              runtime: nodejs16.x
            functions:
              worker:
                handler: handler.main
            """;

    private static final String HEADER = """
            package org.acme.hostile;

            import dev.slsguard.engine.model.Function;
            import dev.slsguard.engine.model.Service;
            import dev.slsguard.engine.rules.Report;

            """;

    private static final String BENIGN = """
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

    private Run check(String rules, String... extra) throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        Files.createDirectories(dir.resolve("pack"));
        Files.writeString(dir.resolve("pack/hostile.drl"), HEADER + rules);
        String[] args = new String[9 + extra.length];
        System.arraycopy(new String[] {"check", ".", "--rules", "pack", "--no-cache", "--format", "json", "--fail-on", "warning"}, 0, args, 0, 9);
        System.arraycopy(extra, 0, args, 9, extra.length);
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Run.in(dir, args));
    }

    private static void assertRefusedAt(Run run, String line, String uses) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        String error = run.errLines().get(0);
        assertTrue(error.startsWith("slsguard: ") && error.contains("pack/hostile.drl:" + line + ": rule pack refused: "
                + "it uses " + uses), run.toString());
    }

    private static String consequence(String id, String body) {
        return "rule \"hostile " + id + "\"\n  @id(\"" + id + "\") @severity(\"note\")\nwhen\n  $f : Function()\nthen\n  "
                + body + "\nend\n";
    }

    @Test
    void systemExitInAConsequenceIsRefusedAtItsLine() throws IOException {
        assertRefusedAt(check(consequence("ACME-X-001", "System.exit(0);")), "12:3", "System.exit");
    }

    @Test
    void runtimeHaltInAConditionIsRefused() throws IOException {
        String rule = "rule \"halt in condition\"\n  @id(\"ACME-X-002\") @severity(\"note\")\nwhen\n"
                + "  $f : Function(eval(java.lang.Runtime.getRuntime() != null))\nthen\nend\n";
        assertRefusedAt(check(rule), "10:32", "Runtime");
    }

    @Test
    void droolsHaltIsRefused() throws IOException {
        assertRefusedAt(check(consequence("ACME-X-003", "drools.halt();")), "12:10", "halt()");
    }

    @Test
    void reflectionAndUnicodeEscapesAreRefused() throws IOException {
        assertRefusedAt(check(consequence("ACME-X-004", "Class.forName(\"java.lang.System\");")), "12:9", "reflection");
        assertRefusedAt(check(consequence("ACME-X-005", "String s = \"\\u0053ystem\";")), "12:15", "a Unicode escape");
    }

    @Test
    void theSameWordsInCommentsAndTextAreNotRefused() throws IOException {
        Run run = check("// never System.exit(0) or drools.halt() here\n/* Runtime */\n"
                + BENIGN.replace("\"function \" + $f.key()", "\"Runtime.halt(0) is not called for \" + $f.key()"));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("ACME-FN-001"), run.toString());
    }

    @Test
    void retractingEveryFactDoesNotRemoveBuiltInFindings() throws IOException {
        Run clean = check(BENIGN);
        Run retracting = check(BENIGN + """
                rule "retract everything"
                  @id("ACME-X-006") @severity("note")
                  salience 1000
                when
                  $o : Object()
                then
                  delete($o);
                end
                """);
        assertEquals(1, retracting.exitCode(), retracting.toString());
        assertTrue(retracting.out().contains("SLS-LMB-00"), retracting.toString());
        assertEquals(builtIn(clean), builtIn(retracting));
    }

    @Test
    void unboundedRecursionIsAnErrorFindingOfThatRule() throws IOException {
        Run run = check(BENIGN + """
                function int deeper(int n) { return deeper(n + 1) + 1; }

                rule "recurse"
                  @id("ACME-X-007") @severity("note")
                when
                  $f : Function()
                then
                  deeper(0);
                end
                """);
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("rule ACME-X-007 (\\\"recurse\\\", "), run.toString());
        assertTrue(run.out().contains("StackOverflowError"), run.toString());
        assertTrue(run.out().contains("SLS-LMB-00"), run.toString());
        assertFalse(run.err().contains("internal error"), run.toString());
    }

    @Test
    void aRuleThatNeverReturnsEndsAtTheTimeBudget() throws IOException {
        Run run = check(BENIGN + """
                rule "spin"
                  @id("ACME-X-008") @severity("note")
                when
                  $f : Function()
                then
                  long n = 0; while (true) { n++; }
                end
                """, "--rule-timeout", "2");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("rule ACME-X-008 (\\\"spin\\\", "), run.toString());
        assertTrue(run.out().contains("did not finish within 2 s (--rule-timeout)"), run.toString());
        assertTrue(run.out().contains("SLS-LMB-00"), run.toString());
    }

    @Test
    void aConditionThatThrowsIsAnErrorFindingOfThatRule() throws IOException {
        Run run = check(BENIGN + """
                rule "bad condition"
                  @id("ACME-X-009") @severity("note")
                when
                  $f : Function(key.substring(1000).isEmpty())
                then
                  Report.finding(kcontext, $f.ref(), "never");
                end
                """);
        assertTrue(run.exitCode() != 0, run.toString());
        assertFalse(run.err().contains("internal error"), run.toString());
        assertTrue((run.out() + run.err()).contains("ACME-X-009") || run.err().contains("pack/hostile.drl"),
                run.toString());
    }

    private static List<String> builtIn(Run run) {
        return run.out().lines().filter(l -> l.contains("\"ruleId\"") && l.contains("SLS-")).sorted().toList();
    }
}
