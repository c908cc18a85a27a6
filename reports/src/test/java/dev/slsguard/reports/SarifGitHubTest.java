package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What GitHub code scanning reads: related locations, line hashes, required fields, upload limits. */
class SarifGitHubTest {

    private static final ToolInfo TOOL = ToolInfo.slsguard("1.2.3");
    private static final String FILE = SampleAnalysis.FILE;

    private static List<String> validate(String sarif) throws Exception {
        try (InputStream in = SarifGitHubTest.class.getClassLoader()
                .getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            return schema.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
        }
    }

    private static Analysis analysis(List<Finding> findings, String text) {
        Analysis base = SampleAnalysis.analysis();
        return new Analysis(base.source(), base.template(), findings, base.rules(), text, List.of(), List.of(),
                List.of());
    }

    private static JsonNode run(Analysis analysis) throws Exception {
        String text = SarifReport.render(analysis, TOOL);
        assertEquals(List.of(), validate(text), text);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("runs").get(0);
    }

    @Test
    void relatedLocationsPointAtWhatCausedTheFinding() throws Exception {
        SourceRef statement = new SourceRef(FILE, 30, 11, "/provider/iam/role/statements/0");
        SourceRef event = new SourceRef(FILE, 18, 11, "/functions/worker/events/0/sqs");
        Finding finding = new Finding("SLS-IAM-001", Severity.ERROR, "Statement allows \"*\".", statement, "f1",
                List.of(new RelatedLocation(event, "the sqs event of function worker that derived it")));
        JsonNode result = run(analysis(List.of(finding), "")).get("results").get(0);
        JsonNode related = result.get("relatedLocations");
        assertEquals(1, related.size());
        assertEquals(1, related.get(0).get("id").asInt());
        assertEquals("the sqs event of function worker that derived it", related.get(0).at("/message/text").asText());
        assertEquals(FILE, related.get(0).at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", related.get(0).at("/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(18, related.get(0).at("/physicalLocation/region/startLine").asInt());
        assertEquals(11, related.get(0).at("/physicalLocation/region/startColumn").asInt());

        // a finding without related locations has none; the old constructor still works
        Finding plain = new Finding("SLS-IAM-001", Severity.ERROR, "m", statement, "f2");
        assertEquals(List.of(), plain.related());
        assertFalse(run(analysis(List.of(plain), "")).get("results").get(0).has("relatedLocations"));
    }

    /** A service text with {@code above} extra lines at the top, and findings on its two wildcard lines. */
    private static Analysis wildcards(int above) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < above; i++) {
            lines.add("# inserted line " + i);
        }
        lines.add("provider:");
        lines.add("  iam:");
        lines.add("    role:");
        lines.add("      statements:");
        lines.add("        - Effect: Allow");
        lines.add("          Action: '*'");
        lines.add("          Resource: arn:aws:s3:::a");
        lines.add("        - Effect: Allow");
        lines.add("          Action:   '*'");
        lines.add("          Resource: arn:aws:s3:::b");
        String text = String.join("\n", lines) + "\n";
        List<Finding> findings = List.of(
                new Finding("SLS-IAM-001", Severity.ERROR, "Statement 0 allows \"*\".",
                        new SourceRef(FILE, above + 6, 19, "/provider/iam/role/statements/0/Action"), "s0"),
                new Finding("SLS-IAM-001", Severity.ERROR, "Statement 1 allows \"*\".",
                        new SourceRef(FILE, above + 9, 21, "/provider/iam/role/statements/1/Action"), "s1"),
                new Finding("SLS-VAL-101", Severity.ERROR, "Another rule on the same line.",
                        new SourceRef(FILE, above + 6, 11, "/provider/iam/role/statements/0"), "v0"));
        return analysis(findings, text);
    }

    private static List<String> lineHashes(JsonNode run) {
        List<String> out = new ArrayList<>();
        for (JsonNode result : run.get("results")) {
            out.add(result.get("message").get("text").asText() + " -> "
                    + result.at("/partialFingerprints/primaryLocationLineHash").asText());
        }
        out.sort(null);
        return out;
    }

    @Test
    void primaryLocationLineHashSurvivesLinesInsertedAbove() throws Exception {
        JsonNode before = run(wildcards(0));
        JsonNode after = run(wildcards(7));
        assertNotEquals(before.at("/results/0/locations/0/physicalLocation/region/startLine").asInt(),
                after.at("/results/0/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(lineHashes(before), lineHashes(after));

        List<String> hashes = lineHashes(before);
        // sorted by message: "Another rule ...", "Statement 0 ...", "Statement 1 ..."
        String other = hashes.get(0).substring(hashes.get(0).indexOf("-> ") + 3);
        String first = hashes.get(1).substring(hashes.get(1).indexOf("-> ") + 3);
        String second = hashes.get(2).substring(hashes.get(2).indexOf("-> ") + 3);
        assertTrue(first.matches("[0-9a-f]{16}:1"), first);
        // the same rule on a line with the same content (white space aside): the same hash, the next index
        assertEquals(first.replace(":1", ":2"), second);
        // another rule on the first line: another hash
        assertNotEquals(first.split(":")[0], other.split(":")[0]);
    }

    @Test
    void everyRuleAndResultHasWhatGitHubRequires() throws Exception {
        Analysis base = SampleAnalysis.analysis();
        List<Finding> findings = new ArrayList<>(base.findings());
        findings.add(new Finding("SLS-IAM-001", Severity.ERROR, "Derived statement allows \"*\".",
                new SourceRef(FILE, 20, 3, "/functions/a"), "rel",
                List.of(new RelatedLocation(new SourceRef(FILE, 22, 9, "/functions/a/events/0"), "the event"))));
        JsonNode run = run(analysis(findings, "x\n".repeat(50)));
        JsonNode driver = run.at("/tool/driver");
        for (String field : List.of("name", "version", "informationUri")) {
            assertFalse(driver.path(field).asText().isEmpty(), field);
        }
        JsonNode rules = driver.get("rules");
        for (JsonNode rule : rules) {
            assertFalse(rule.path("id").asText().isEmpty(), rule.toString());
            assertFalse(rule.path("name").asText().isEmpty(), rule.toString());
            assertFalse(rule.at("/shortDescription/text").asText().isEmpty(), rule.toString());
            assertFalse(rule.at("/fullDescription/text").asText().isEmpty(), rule.toString());
            assertFalse(rule.at("/help/text").asText().isEmpty(), rule.toString());
            assertFalse(rule.at("/help/markdown").asText().isEmpty(), rule.toString());
            assertTrue(List.of("error", "warning", "note").contains(rule.at("/defaultConfiguration/level").asText()));
            boolean security = false;
            for (JsonNode tag : rule.at("/properties/tags")) {
                security |= tag.asText().equals("security");
            }
            // GitHub ranks security alerts by the score; a rule without the tag must not have one
            assertEquals(security, rule.at("/properties/security-severity").isTextual(), rule.toString());
            if (security) {
                assertTrue(rule.at("/properties/security-severity").asText().matches("\\d+\\.\\d"), rule.toString());
            }
        }
        for (JsonNode result : run.get("results")) {
            assertFalse(result.path("ruleId").asText().isEmpty());
            assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
            assertTrue(List.of("error", "warning", "note").contains(result.path("level").asText()));
            assertFalse(result.at("/message/text").asText().isEmpty());
            JsonNode physical = result.at("/locations/0/physicalLocation");
            assertFalse(physical.at("/artifactLocation/uri").asText().isEmpty(), result.toString());
            assertTrue(physical.at("/region/startLine").asInt() >= 1, result.toString());
            assertTrue(physical.at("/region/startColumn").asInt() >= 1, result.toString());
            assertFalse(result.at("/partialFingerprints/primaryLocationLineHash").asText().isEmpty());
            assertFalse(result.at("/partialFingerprints/" + SarifReport.FINGERPRINT_KEY.replace("/", "~1"))
                    .asText().isEmpty(), result.toString());
        }
        assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
        assertFalse(run.at("/automationDetails/id").asText().isEmpty());
    }

    private static long gzipped(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.size();
    }

    @Test
    void aLogLargerThanTheGzipLimitIsTruncatedWithANotification() throws Exception {
        List<Finding> many = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            many.add(new Finding("SLS-VAL-101", Severity.ERROR, "Finding " + i + " " + Long.toHexString(random.nextLong()),
                    new SourceRef(FILE, i + 1, 1, "/x/" + i), Long.toHexString(random.nextLong())));
        }
        Analysis analysis = analysis(many, "");
        SarifSettings settings = SarifReport.settings(analysis);
        String full = SarifReport.render(List.of(analysis), TOOL, settings);
        long limit = gzipped(full) / 3;

        String text = SarifReport.render(List.of(analysis), TOOL, settings.withLimits(25_000, limit));
        assertTrue(gzipped(text) <= limit, gzipped(text) + " > " + limit);
        assertEquals(List.of(), validate(text));
        JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("runs").get(0);
        int kept = run.get("results").size();
        assertTrue(kept > 0 && kept < 400, "kept " + kept);
        String message = run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText();
        assertTrue(message.startsWith((400 - kept) + " of 400 results were left out: GitHub code scanning accepts at most "
                + limit + " bytes of gzipped SARIF per upload"), message);
        // level "warning" is SARIF's default for a notification, so it is not written
        assertTrue(run.at("/invocations/0/toolExecutionNotifications/0/level").asText("warning").equals("warning"));
        // the full log within the limit: nothing left out, no notification
        assertFalse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(full).at("/runs/0/invocations/0")
                .has("toolExecutionNotifications"));
    }

    @Test
    void uriPrefixMakesUrisRelativeToTheRepositoryRoot() throws Exception {
        Analysis analysis = SampleAnalysis.analysis();
        String text = SarifReport.render(List.of(analysis), TOOL, SarifReport.settings(analysis).withUriPrefix("infra"));
        JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("runs").get(0);
        List<String> uris = new ArrayList<>();
        run.get("results").forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.contains("infra/" + FILE), uris.toString());
        assertTrue(uris.contains("infra/other.yml"), uris.toString());
        assertEquals("infra/x.yml", SarifReport.artifact("./sub/../x.yml", "infra/").getUri());
        assertEquals("x.yml", SarifReport.artifact("../x.yml", "infra/").getUri());
        assertEquals("../x.yml", SarifReport.artifact("../x.yml", "").getUri());
    }
}
