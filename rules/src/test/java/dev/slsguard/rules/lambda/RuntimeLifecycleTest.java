package dev.slsguard.rules.lambda;

import dev.slsguard.rules.TestPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.vars.VariableOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dated runtime table, and the runtime rules as of the evaluation date the pipeline is given. */
class RuntimeLifecycleTest {

    @Test
    void tableIsConsistent() {
        Map<String, RuntimeLifecycle> table = RuntimeLifecycles.table();
        assertTrue(table.size() >= 40, "runtimes: " + table.size());
        for (RuntimeLifecycle life : table.values()) {
            assertFalse(life.blockUpdate().isBefore(life.blockCreate()), life.toString());
            life.successor().ifPresent(s -> {
                assertTrue(table.containsKey(s), life.runtime() + ": successor " + s + " is not in the table");
                assertTrue(table.get(s).successor().isEmpty(), life.runtime() + ": successor " + s + " has one too");
            });
        }
        assertEquals(LocalDate.of(2025, 9, 1), table.get("nodejs18.x").deprecated());
        assertEquals(Optional.of("nodejs24.x"), table.get("nodejs20.x").successor());
    }

    @Test
    void datesComeFromCfnLintsLifecycleDataWithTheSupplementNamed() {
        Map<String, RuntimeLifecycle> table = RuntimeLifecycles.table();
        // cfn-lint's LmbdRuntimeLifecycle.json moved nodejs18.x's creation block to 2026-06-01
        assertEquals(LocalDate.of(2026, 6, 1), table.get("nodejs18.x").blockCreate());
        assertEquals("cfn-lint 1.51.0's LmbdRuntimeLifecycle.json", table.get("nodejs18.x").data());
        assertTrue(table.get("dotnet7").data().startsWith("the AWS Lambda runtimes page"), table.get("dotnet7").data());
        assertEquals(Optional.of("dotnet10"), table.get("dotnet8").successor(),
                "cfn-lint's dotnet9 is replaced: Lambda has no managed .NET 9 runtime");
    }

    @Test
    void findingsFollowTheEvaluationDate() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/fixtures/lambda/runtimes-past-their-dates/serverless.yml").toURI());
        // before python3.8's deprecation: only the long-blocked nodejs12.x and nodejs14.x
        assertEquals(List.of("SLS-LMB-002 7", "SLS-LMB-002 18"), runtimeFindings(fixture, LocalDate.of(2024, 8, 1)));
        // python3.8 deprecated on 2024-10-14, creation blocked from 2026-06-01 (cfn-lint 1.51.0's data)
        assertEquals(List.of("SLS-LMB-002 7", "SLS-LMB-001 15", "SLS-LMB-002 18"),
                runtimeFindings(fixture, LocalDate.of(2024, 10, 14)));
        assertEquals(List.of("SLS-LMB-002 7", "SLS-LMB-001 15", "SLS-LMB-002 18"),
                runtimeFindings(fixture, LocalDate.of(2026, 5, 31)));
        assertEquals(List.of("SLS-LMB-002 7", "SLS-LMB-002 15", "SLS-LMB-002 18"),
                runtimeFindings(fixture, LocalDate.of(2026, 6, 1)));
        // nothing was deprecated yet
        assertEquals(List.of(), runtimeFindings(fixture, LocalDate.of(2020, 1, 1)));
    }

    @Test
    void withoutAChosenDateThePipelineUsesTodayInUtc() {
        Pipeline pipeline = new Pipeline(new ServerlessCompiler(), TestPipeline.rules(), Limits.DEFAULT);
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        LocalDate used = pipeline.evaluationDate();
        assertTrue(!used.isBefore(before) && !used.isAfter(LocalDate.now(ZoneOffset.UTC)), used.toString());
        assertEquals(LocalDate.of(2021, 2, 3), pipeline.withEvaluationDate(LocalDate.of(2021, 2, 3)).evaluationDate());
    }

    @Test
    void messageNamesTheSuccessorAndTheDates() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/fixtures/lambda/runtimes-past-their-dates/serverless.yml").toURI());
        List<Finding> findings = new Pipeline(new ServerlessCompiler(), TestPipeline.rules(), Limits.DEFAULT)
                .withEvaluationDate(LocalDate.of(2025, 6, 1)).evaluate(fixture, TestPipeline.FILE, VariableOptions.none())
                .findings();
        Finding provider = findings.stream().filter(f -> f.location().line() == 7).findFirst().orElseThrow();
        assertEquals("provider.runtime nodejs14.x, with which Lambda has refused to create functions since 2024-01-09"
                + " and will refuse updates from 2026-07-01 (deprecated 2023-12-04); move to nodejs24.x"
                + " (dates: cfn-lint 1.51.0's LmbdRuntimeLifecycle.json)", provider.message());
        Finding own = findings.stream().filter(f -> f.location().line() == 15).findFirst().orElseThrow();
        assertTrue(own.message().startsWith("function own uses runtime python3.8, which Lambda deprecated on 2024-10-14"),
                own.message());
        assertTrue(own.message().endsWith("move to python3.14 (dates: cfn-lint 1.51.0's LmbdRuntimeLifecycle.json)"),
                own.message());
    }

    private static List<String> runtimeFindings(Path fixture, LocalDate day) {
        return new Pipeline(new ServerlessCompiler(), TestPipeline.rules(), Limits.DEFAULT, Optional.of(day))
                .evaluate(fixture, TestPipeline.FILE, VariableOptions.none()).findings().stream()
                .filter(f -> f.ruleId().startsWith("SLS-LMB-00"))
                .sorted(java.util.Comparator.comparingInt((Finding f) -> f.location().line()))
                .map(f -> f.ruleId() + " " + f.location().line()).toList();
    }
}
