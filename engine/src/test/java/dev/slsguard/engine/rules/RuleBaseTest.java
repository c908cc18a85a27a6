package dev.slsguard.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {

    private static final String HEADER = """
            package org.acme.checks;
            import dev.slsguard.engine.model.Service;
            import dev.slsguard.engine.model.CfnValue;
            import dev.slsguard.engine.model.StatementOrder;
            import dev.slsguard.engine.rules.Report;
            import java.util.List;
            import java.util.Optional;
            """;

    @TempDir
    Path dir;

    private static Service service(String name, int line) {
        SourceRef ref = new SourceRef("serverless.yml", line, 1, "/service");
        return new Service(name, "dev", "us-east-1", "warn", Optional.empty(), true, ref,
                new MapNode(new SourceRef("serverless.yml", 1, 1, ""), List.of()));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private RuleBase load(Path... dirs) {
        return RuleBase.load(List.of(), List.of(dirs));
    }

    @Test
    void orgPackFiresOnModelFactsAndItsMetadataIsListed() throws IOException {
        write("org/naming.drl", HEADER + """
                rule "short service name"
                  @id("ORG-002") @severity("warning") @title("Service name is short")
                  @description("Short names collide.") @help("Use a longer name.") @tags("org, naming, acme:N1")
                when
                  $s : Service(name.length() < 5)
                then
                  Report.finding(kcontext, $s.ref(), "service name " + $s.name() + " is shorter than 5 characters");
                end
                """);
        write("org/mvel/stage.drl", HEADER + """
                rule "dev stage"
                  @id("ORG-001") @severity("note")
                  dialect "mvel"
                when
                  $s : Service(stage == "dev")
                then
                  Report.finding(kcontext, $s.ref(), "stage is dev");
                end
                """);
        RuleBase rules = load(dir.resolve("org"));

        List<RuleInfo> infos = rules.rules();
        assertEquals(List.of("ORG-001", "ORG-002"), infos.stream().map(RuleInfo::id).toList());
        RuleInfo naming = infos.get(1);
        assertEquals(Severity.WARNING, naming.severity());
        assertEquals("Service name is short", naming.title());
        assertEquals("Short names collide.", naming.description());
        assertEquals("Use a longer name.", naming.help());
        assertEquals(List.of("org", "naming", "acme:N1"), naming.tags());
        assertEquals("org.acme.checks", naming.pack());
        assertEquals("short service name", naming.ruleName());
        assertEquals("dev stage", infos.get(0).title(), "title defaults to the rule name");

        RuleOutcome outcome = rules.run(List.of(service("api", 3)));
        assertEquals(2, outcome.findings().size());
        Finding first = outcome.findings().get(0);
        assertEquals("ORG-001", first.ruleId());
        assertEquals(Severity.NOTE, first.severity());
        Finding second = outcome.findings().get(1);
        assertEquals("ORG-002", second.ruleId());
        assertEquals("service name api is shorter than 5 characters", second.message());
        assertEquals(3, second.location().line());
        assertEquals(Report.fingerprint("ORG-002", "/service", second.message()), second.fingerprint());
        assertEquals(32, second.fingerprint().length());

        assertTrue(rules.run(List.of(service("orders", 3))).findings().stream()
                .noneMatch(f -> f.ruleId().equals("ORG-002")));
    }

    @Test
    void syntaxErrorNamesTheFileAndLine() throws IOException {
        write("org/sub/broken.drl", HEADER + """
                rule "broken"
                  @id("ORG-9") @severity("error")
                when
                  $s : Service(name ==
                then
                end
                """);
        UserError error = assertThrows(UserError.class, () -> load(dir.resolve("org")));
        String file = dir.resolve("org").toString().replace('\\', '/') + "/sub/broken.drl";
        assertEquals(file, error.location().file());
        assertTrue(error.location().line() >= 11 && error.location().line() <= 13,
                "line of the error: " + error.oneLine());
        assertTrue(error.getMessage().startsWith("rule pack does not compile: "), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"), error.getMessage());
    }

    @Test
    void unknownFactTypeIsACompileError() throws IOException {
        write("org/types.drl", HEADER + """
                rule "unknown type"
                  @id("ORG-9") @severity("error")
                when
                  $q : Queue()
                then
                end
                """);
        UserError error = assertThrows(UserError.class, () -> load(dir.resolve("org")));
        assertTrue(error.location().file().endsWith("org/types.drl"), error.oneLine());
        assertTrue(error.getMessage().contains("Queue"), error.getMessage());
    }

    @Test
    void ruleWithoutIdIsRejectedAtItsLine() throws IOException {
        write("org/noid.drl", HEADER + "\n\n" + """
                rule "no id"
                  @severity("error")
                when
                  Service()
                then
                end
                """);
        UserError error = assertThrows(UserError.class, () -> load(dir.resolve("org")));
        assertTrue(error.location().file().endsWith("org/noid.drl"), error.oneLine());
        assertEquals(10, error.location().line(), error.oneLine());
        assertTrue(error.getMessage().contains("no @id"), error.getMessage());
    }

    @Test
    void aRuleThatOnlyInsertsFactsNeedsNoIdAndIsNotListed() throws IOException {
        write("org/layers.drl", HEADER + """
                declare Tagged
                  service : Service
                end

                rule "tag every service"
                  @inserts("Tagged")
                when
                  $s : Service()
                then
                  insert(new Tagged($s));
                end

                rule "tagged service"
                  @id("ORG-9") @severity("note")
                when
                  Tagged($s : service)
                then
                  Report.finding(kcontext, $s.ref(), "tagged " + $s.name());
                end
                """);
        RuleBase rules = load(dir.resolve("org"));
        assertEquals(List.of("ORG-9"), rules.rules().stream().map(RuleInfo::id).toList());
        RuleOutcome outcome = rules.run(List.of(service("svc", 3)));
        assertEquals(List.of("ORG-9 tagged svc"),
                outcome.findings().stream().map(f -> f.ruleId() + " " + f.message()).toList());
    }

    @Test
    void unknownSeverityIsRejected() throws IOException {
        write("org/sev.drl", HEADER + """
                rule "bad severity"
                  @id("ORG-3") @severity("critical")
                when
                  Service()
                then
                end
                """);
        UserError error = assertThrows(UserError.class, () -> load(dir.resolve("org")));
        assertEquals(8, error.location().line(), error.oneLine());
        assertTrue(error.getMessage().contains("critical"), error.getMessage());
    }

    @Test
    void aRiskSetsTheLevelAndTheSecurityScore() throws IOException {
        write("org/risk.drl", HEADER + """
                rule "public"
                  @id("ORG-R1") @risk("permissions-management")
                when
                  $s : Service()
                then
                  Report.finding(kcontext, $s.ref(), "opens everything");
                end
                rule "plain"
                  @id("ORG-R2") @severity("warning")
                when
                  Service()
                then
                end
                """);
        RuleBase rules = load(dir.resolve("org"));
        RuleInfo risky = rules.rules().get(0);
        assertEquals(Risk.PERMISSIONS_MANAGEMENT, risky.securityRisk().orElseThrow());
        assertEquals(Severity.ERROR, risky.severity(), "a high risk fails the default gate");
        assertEquals(Severity.ERROR, rules.run(List.of(service("svc", 3))).findings().get(0).severity());
        assertTrue(rules.rules().get(1).securityRisk().isEmpty(), "no @risk: not a security rule");
    }

    @Test
    void anUnknownRiskOrALevelThatContradictsItIsRejectedAtItsLine() throws IOException {
        write("org/unknown.drl", HEADER + """
                rule "unknown risk"
                  @id("ORG-R3") @risk("scary")
                when
                  Service()
                then
                end
                """);
        UserError unknown = assertThrows(UserError.class, () -> load(dir.resolve("org")));
        assertEquals(8, unknown.location().line(), unknown.oneLine());
        assertTrue(unknown.getMessage().contains("unknown @risk \"scary\" (use one of administrator, "),
                unknown.getMessage());

        Files.delete(dir.resolve("org/unknown.drl"));
        write("org/contradiction.drl", HEADER + """
                rule "typo is critical"
                  @id("ORG-R4") @severity("note") @risk("administrator")
                when
                  Service()
                then
                end
                """);
        UserError contradiction = assertThrows(UserError.class, () -> load(dir.resolve("org")));
        assertTrue(contradiction.getMessage().contains(
                "has @severity(\"note\") but @risk(\"administrator\") means error"), contradiction.getMessage());
    }

    @Test
    void duplicateIdsAcrossPacksAreRejected() throws IOException {
        write("a/one.drl", HEADER.replace("org.acme.checks", "org.acme.a") + """
                rule "one"
                  @id("ORG-7") @severity("error")
                when
                  Service()
                then
                end
                """);
        write("b/two.drl", HEADER.replace("org.acme.checks", "org.acme.b") + """
                rule "two"
                  @id("ORG-7") @severity("error")
                when
                  Service()
                then
                end
                """);
        UserError error = assertThrows(UserError.class, () -> load(dir.resolve("a"), dir.resolve("b")));
        assertTrue(error.getMessage().contains("ORG-7"), error.getMessage());
    }

    @Test
    void missingDirectoryAndEmptyDirectoryAreUserErrors() throws IOException {
        assertThrows(UserError.class, () -> load(dir.resolve("nope")));
        Files.createDirectories(dir.resolve("empty"));
        assertThrows(UserError.class, () -> load(dir.resolve("empty")));
    }

    @Test
    void packThatNeverSettlesHitsTheFiringLimitNamingTheRulesThatKeptFiring() throws IOException {
        write("loop/loop.drl", HEADER + """
                rule "ping"
                  @id("ORG-PING") @severity("note")
                when
                  $s : String(this == "ping")
                then
                  delete($s);
                  insert("pong");
                end

                rule "pong"
                  @id("ORG-PONG") @severity("note")
                when
                  $s : String(this == "pong")
                then
                  delete($s);
                  insert("ping");
                end

                rule "once"
                  @id("ORG-ONCE") @severity("note")
                  salience 10
                when
                  Service()
                then
                end
                """);
        RuleBase rules = load(dir.resolve("loop")).withFiringLimit(500);
        UserError error = assertThrows(UserError.class, () -> rules.run(List.of(service("svc", 1), "ping")));
        // ORG-ONCE fired too, but once: it is not among the rules that kept firing
        assertEquals("rule packs did not settle after 500 firings; rules that kept firing: ORG-PING (250 times), "
                + "ORG-PONG (250 times)", error.getMessage());
        assertTrue(error.location().file().endsWith("loop/loop.drl"), error.oneLine());
    }

    @Test
    void identicalFindingsAreReportedOnceAndSorted() throws IOException {
        write("org/dup.drl", HEADER + """
                rule "twice"
                  @id("ORG-5") @severity("error")
                when
                  $s : Service()
                then
                  Report.finding(kcontext, $s.ref(), "b message");
                  Report.finding(kcontext, $s.ref(), "b message");
                  Report.finding(kcontext, $s.ref(), "a message");
                  Report.finding(kcontext, new dev.slsguard.engine.model.SourceRef("serverless.yml", 1, 1, "/x"), "early");
                end
                """);
        RuleOutcome outcome = load(dir.resolve("org")).run(List.of(service("svc", 4)));
        List<String> messages = outcome.findings().stream().map(Finding::message).toList();
        assertEquals(List.of("early", "a message", "b message"), messages);
    }

    @Test
    void derivedStatementsCarryRuleIdAndKeepOrderKeyOrder() throws IOException {
        write("org/derive.drl", HEADER + """
                rule "derive"
                  @id("ORG-DRV") @severity("note")
                when
                  $s : Service()
                then
                  Report.statement(kcontext, "IamRoleLambdaExecution", List.of("sqs:SendMessage"),
                      List.of(new CfnValue.Literal("arn:aws:sqs:us-east-1:1:b")), Optional.of("worker"),
                      $s.ref(), StatementOrder.event(19, -1, 0));
                  Report.statement(kcontext, "IamRoleLambdaExecution", List.of("kinesis:GetRecords"),
                      List.of(new CfnValue.Ref("S")), Optional.empty(), $s.ref(), StatementOrder.event(5, 0, 1));
                end
                """);
        ObjectNode doc = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        doc.put("Effect", "Allow");
        IamStatement declared = new IamStatement("IamRoleLambdaExecution", "Allow", List.of("s3:GetObject"),
                List.of(new CfnValue.Literal("*")), doc, IamStatement.DECLARED, "provider.iam.role.statements",
                Optional.empty(), SourceRef.ofFile("serverless.yml"), "1-0000");
        List<Object> facts = new ArrayList<>();
        facts.add(service("svc", 1));
        facts.add(declared);
        RuleOutcome outcome = load(dir.resolve("org")).run(facts);
        List<IamStatement> statements = outcome.statements();
        assertEquals(3, statements.size());
        assertEquals(declared, statements.get(0));
        IamStatement kinesis = statements.get(1);
        assertEquals(List.of("kinesis:GetRecords"), kinesis.actions());
        assertEquals(IamStatement.DERIVED, kinesis.origin());
        assertEquals("ORG-DRV", kinesis.source());
        assertEquals("{\"Effect\":\"Allow\",\"Action\":[\"kinesis:GetRecords\"],\"Resource\":[{\"Ref\":\"S\"}]}",
                kinesis.document().toString());
        assertEquals(Optional.of("worker"), statements.get(2).function());
        assertNotEquals(statements.get(1).orderKey(), statements.get(2).orderKey());
        assertTrue(outcome.findings().isEmpty());
    }

    @Test
    void aThrowingConsequenceBecomesAnErrorFindingAndTheOtherRulesStillReport() throws IOException {
        write("org/broken.drl", HEADER + """
                rule "divides by zero"
                  @id("ORG-DIV") @severity("note")
                when
                  $s : Service()
                then
                  int zero = $s.name().length() - $s.name().length();
                  Report.finding(kcontext, $s.ref(), "never " + (10 / zero));
                end

                rule "mvel throws"
                  @id("ORG-MVEL") @severity("warning")
                  dialect "mvel"
                when
                  $s : Service()
                then
                  Report.finding(kcontext, $s.ref(), "number " + Integer.parseInt($s.name()));
                end

                rule "still reports"
                  @id("ORG-OK") @severity("warning")
                when
                  $s : Service()
                then
                  Report.finding(kcontext, $s.ref(), "service " + $s.name());
                end
                """);
        RuleOutcome outcome = load(dir.resolve("org")).run(List.of(service("svc", 4)));
        assertEquals(List.of("ORG-DIV", "ORG-MVEL"), outcome.failures().stream().map(RuleFailure::ruleId).sorted()
                .toList());
        RuleFailure div = outcome.failures().stream().filter(f -> f.ruleId().equals("ORG-DIV")).findFirst()
                .orElseThrow();
        assertTrue(div.rule().file().endsWith("org/broken.drl"), div.rule().toString());
        assertEquals(8, div.rule().line());
        assertEquals("ArithmeticException: / by zero", div.error());
        RuleFailure mvel = outcome.failures().stream().filter(f -> f.ruleId().equals("ORG-MVEL")).findFirst()
                .orElseThrow();
        assertEquals(17, mvel.rule().line());
        assertEquals("NumberFormatException: For input string: \"svc\"", mvel.error());

        List<Finding> findings = outcome.findings();
        assertEquals(List.of("ORG-DIV", "ORG-MVEL", "ORG-OK"), findings.stream().map(Finding::ruleId).sorted()
                .toList());
        Finding error = findings.stream().filter(f -> f.ruleId().equals("ORG-DIV")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, error.severity(), "a failure is an error whatever the rule's severity");
        assertEquals(4, error.location().line(), "at the fact the rule matched");
        assertTrue(error.message().startsWith("rule ORG-DIV (\"divides by zero\", "), error.message());
        assertTrue(error.message().endsWith("org/broken.drl:8) failed: ArithmeticException: / by zero;"
                + " its findings for this match are missing"), error.message());
        assertEquals("service svc", findings.stream().filter(f -> f.ruleId().equals("ORG-OK")).findFirst()
                .orElseThrow().message());
    }

    @Test
    void aThrowingConsequenceOfAPrecompiledPackIsAnErrorFindingToo() {
        PrecompiledPacks packs = new PrecompiledPacks(RuleBaseTest.class.getClassLoader(),
                "dev/slsguard/engine/rules/throwing-model");
        RuleOutcome outcome = RuleBase.load(List.of(packs), List.of()).run(List.of(service("svc", 2)));
        assertEquals(1, outcome.failures().size());
        RuleFailure failure = outcome.failures().get(0);
        assertEquals("TST-THROW", failure.ruleId());
        assertEquals("IllegalStateException: cannot read svc", failure.error());
        assertEquals(List.of("TST-OK", "TST-THROW"), outcome.findings().stream().map(Finding::ruleId).toList());
        Finding error = outcome.findings().get(1);
        assertEquals(Severity.ERROR, error.severity());
        assertEquals(2, error.location().line());
        assertTrue(error.message().contains("failed: IllegalStateException: cannot read svc"), error.message());
    }
}
