package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.reports.TemplateWriter;
import dev.slsguard.rules.BuiltInPacks;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real cfn-lint (the executable on the PATH; skipped where there is none) on the templates of
 * parity cases 15, 21 and 23 and of a service whose long name and stage break the names v3
 * generates: every result it reports is mapped to a line of the service's own serverless.yml
 * (never line 0, never the generated template), and the report's cfn-lint findings are there too.
 */
class CfnLintLocalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path cfnLint;
    private static Pipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void findCfnLint() {
        Optional<Path> found = LocalCfnLint.find("cfn-lint", System.getenv());
        assumeTrue(found.isPresent(), "cfn-lint is not on the PATH (pip install cfn-lint): the real-cfn-lint tests"
                + " are skipped");
        cfnLint = found.get();
        pipeline = new Pipeline(new ServerlessCompiler(), BuiltInPacks.load(List.of()), Limits.DEFAULT,
                Optional.of(LocalDate.of(2025, 6, 1)));
    }

    private Path service(String resource) throws Exception {
        Path service = Files.createDirectories(dir.resolve("svc"));
        try (InputStream in = getClass().getResourceAsStream("/" + resource + "/serverless.yml")) {
            Files.write(service.resolve("serverless.yml"), in.readAllBytes());
        }
        return service;
    }

    /** Every raw cfn-lint result on the service's template, with the line the source map gives it. */
    private Map<String, SourceRef> mapped(Path service) throws Exception {
        Analysis analysis = pipeline.run(service.resolve("serverless.yml"), "svc/serverless.yml",
                VariableOptions.none());
        CfnLintRunner.Run run = new LocalCfnLint(cfnLint).run(TemplateWriter.bytes(analysis.template()), List.of(),
                Duration.ofSeconds(300));
        Map<String, SourceRef> out = new TreeMap<>();
        for (CfnLintResult result : CfnLintResult.parse(run.stdout())) {
            out.put(result.ruleId() + " " + result.path(), analysis.origins().locate(result.path()));
        }
        return out;
    }

    private static void assertInTheServiceFile(SourceRef ref, int lines, String what) {
        assertEquals("svc/serverless.yml", ref.file(), what);
        assertTrue(ref.line() >= 1 && ref.line() <= lines, what + " at line " + ref.line() + " of " + lines);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cases/15-http-apigateway-provider-settings", "cases/21-iam-wildcards-region-stage",
            "cases/23-invalid-config-error-mode", "cfn-lint/long-names"})
    void everyResultIsReportedAtALineOfTheServicesOwnFile(String resource) throws Exception {
        Path service = service(resource);
        int lines = Files.readAllLines(service.resolve("serverless.yml")).size();
        Map<String, SourceRef> mapped = mapped(service);
        assertFalse(mapped.isEmpty(), "cfn-lint reports something on " + resource);
        mapped.forEach((result, ref) -> assertInTheServiceFile(ref, lines, result));

        Run run = Run.in(dir, Map.of("PATH", System.getenv("PATH")), "check", "svc", "--output", "out",
                "--format", "json", "--cfn-lint=local", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> cfnLintFindings = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).get("findings")) {
            String id = f.get("ruleId").asText();
            assertFalse(id.equals(CfnLintRules.RUN), f.toString());
            if (id.startsWith(CfnLintRules.PREFIX)) {
                JsonNode at = f.get("location");
                assertInTheServiceFile(new SourceRef(at.get("file").asText(), at.get("line").asInt(),
                        at.get("column").asInt(), ""), lines, f.toString());
                cfnLintFindings.add(id);
            }
        }
        JsonNode sarif = JSON.readTree(Files.readString(dir.resolve("out/slsguard.sarif"))).get("runs").get(0);
        for (JsonNode result : sarif.get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            assertEquals("svc/serverless.yml", location.get("artifactLocation").get("uri").asText());
            assertTrue(location.get("region").get("startLine").asInt() >= 1);
        }
        assertEquals(cfnLintFindings.size(), sarif.get("results").findValues("ruleId").stream()
                .filter(id -> id.asText().startsWith(CfnLintRules.PREFIX)).count());
    }

    @Test
    void namesGeneratedFromTheServiceAndStageAreReportedThere() throws Exception {
        Path service = service("cfn-lint/long-names");
        List<String> lines = Files.readAllLines(service.resolve("serverless.yml"));
        Map<String, Integer> byResult = new TreeMap<>();
        mapped(service).forEach((result, ref) -> byResult.put(result, ref.line()));
        assertEquals(lines.indexOf("service: customer-notification-preferences-synchronisation") + 1,
                byResult.get("W1032 [Resources, IamRoleLambdaExecution, Properties, RoleName, Fn::Join]"),
                "the role name v3 builds from service and stage: at the service name");
        assertEquals(lines.indexOf("  processPreferenceChanges:") + 1,
                byResult.get("E3033 [Resources, ProcessPreferenceChangesLambdaFunction, Properties, FunctionName]"),
                "the function name v3 builds: at the function");
        assertEquals(lines.indexOf("  memorySize: 1536MB") + 1,
                byResult.get("E3012 [Resources, ProcessPreferenceChangesLambdaFunction, Properties, MemorySize]"),
                "an inherited setting: at the provider's line");
    }
}
