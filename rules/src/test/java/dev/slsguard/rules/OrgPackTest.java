package dev.slsguard.rules;

import static dev.slsguard.rules.HandFacts.lit;
import static dev.slsguard.rules.HandFacts.service;
import static dev.slsguard.rules.HandFacts.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.rules.RuleOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Org packs compiled at run time into the rule base of the precompiled built-in packs. */
class OrgPackTest {

    private static final String ORG_PACK = """
            package org.acme.guard;

            import dev.slsguard.engine.model.IamStatement;
            import dev.slsguard.engine.rules.Report;

            rule "no derived sqs access to the payments queue"
              @id("ACME-001")
              @severity("error")
              @title("Payments queue read by a function")
              @description("Only the payments service may read the payments queue.")
              @help("Ask the payments team.")
              @tags("acme, iam")
            when
              $s : IamStatement(origin == IamStatement.DERIVED, actions contains "sqs:ReceiveMessage",
                                resources.toString() matches ".*payments.*")
            then
              Report.finding(kcontext, $s.ref(), "derived statement " + $s.source() + " reads the payments queue");
            end
            """;

    @TempDir
    Path dir;

    @Test
    void orgRuleSeesStatementsDerivedByBuiltInRules() throws IOException {
        Files.createDirectories(dir.resolve("acme"));
        Files.writeString(dir.resolve("acme/guard.drl"), ORG_PACK);
        RuleBase rules = BuiltInPacks.load(List.of(dir.resolve("acme")));

        RuleInfo acme = rules.rule("ACME-001").orElseThrow();
        assertEquals("org.acme.guard", acme.pack());
        assertEquals(List.of("acme", "iam"), acme.tags());
        assertTrue(rules.rule("SLS-DRV-007").isPresent(), "built-in rules stay loaded");
        List<String> ids = rules.rules().stream().map(RuleInfo::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);

        RuleOutcome outcome = rules.run(List.of(service(true, Optional.empty()),
                source("pay", 0, 0, "sqs", EventSource.SQS_QUEUE, lit("arn:aws:sqs:us-east-1:1:payments"))));
        List<Finding> findings = outcome.findings();
        assertEquals(1, findings.size());
        assertEquals("ACME-001", findings.get(0).ruleId());
        assertEquals("derived statement SLS-DRV-007 reads the payments queue", findings.get(0).message());
        assertEquals(HandFacts.at(100), findings.get(0).location());
    }

    @Test
    void orgRuleCannotReuseABuiltInId() throws IOException {
        Files.createDirectories(dir.resolve("acme"));
        Files.writeString(dir.resolve("acme/clash.drl"), ORG_PACK.replace("ACME-001", "SLS-VAL-101"));
        UserError error = assertThrows(UserError.class, () -> BuiltInPacks.load(List.of(dir.resolve("acme"))));
        assertTrue(error.location().file().endsWith("acme/clash.drl"), error.oneLine());
        assertEquals(6, error.location().line(), error.oneLine());
        assertTrue(error.getMessage().contains("SLS-VAL-101"), error.getMessage());
    }

    @Test
    void orgPackCannotUseTheBuiltInPackages() throws IOException {
        Files.createDirectories(dir.resolve("acme"));
        Files.writeString(dir.resolve("acme/sneaky.drl"), ORG_PACK.replace("package org.acme.guard;",
                "package dev.slsguard.rules.validation;"));
        UserError error = assertThrows(UserError.class, () -> BuiltInPacks.load(List.of(dir.resolve("acme"))));
        assertTrue(error.location().file().endsWith("acme/sneaky.drl"), error.oneLine());
        assertEquals(1, error.location().line());
        assertTrue(error.getMessage().contains("dev.slsguard.rules.validation"), error.getMessage());
    }
}
