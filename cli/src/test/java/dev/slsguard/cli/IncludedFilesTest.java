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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service split over files with {@code ${file()}}, end to end: findings on included values are at
 * the included file's lines with the include as related location, in the console, JSON, SARIF and
 * HTML; suppression comments in included files apply; baselines keep such findings when statements
 * are added above them.
 */
class IncludedFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CONFIG = """
            service: media-pipeline
            frameworkVersion: '3'
            configValidationMode: error
            custom:
              uploads: media-uploads-prod
              settings: ${file(./config/settings.json)}
            provider:
              name: aws
              runtime: nodejs20.x
              iam:
                role:
                  statements: ${file(./iam/role.yml)}
            functions: ${file(./functions.yml)}
            resources: ${file(./resources.yml)}
            """;
    private static final String ROLE = """
            - Effect: Allow
              Action:
                - s3:GetObject
                - s3:PutBucketPolicy
              Resource: "*"
            """;
    private static final String FUNCTIONS = """
            resize:
              handler: handler.resize
              timeout: ${self:custom.settings.timeout}
              events:
                - sqs:
                    arn: !GetAtt ResizeQueue.Arn
                    batchSize: 20
            """;
    private static final String SETTINGS = """
            {
              "timeout": 30
            }
            """;
    private static final String RESOURCES = """
            Resources:
              ResizeQueue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 20
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeService() throws Exception {
        Path svc = dir.resolve("svc");
        Files.createDirectories(svc.resolve("iam"));
        Files.createDirectories(svc.resolve("config"));
        Files.writeString(svc.resolve("serverless.yml"), CONFIG);
        Files.writeString(svc.resolve("iam/role.yml"), ROLE);
        Files.writeString(svc.resolve("functions.yml"), FUNCTIONS);
        Files.writeString(svc.resolve("config/settings.json"), SETTINGS);
        Files.writeString(svc.resolve("resources.yml"), RESOURCES);
    }

    private JsonNode findings(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "svc", "--output", "out", "--format", "json"));
        args.addAll(List.of(extra));
        Run run = Run.in(dir, args.toArray(String[]::new));
        assertTrue(run.exitCode() <= 1, run.toString());
        return JSON.readTree(run.out()).get("findings");
    }

    private static JsonNode only(JsonNode findings, String ruleId) {
        List<JsonNode> found = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("ruleId").asText().equals(ruleId)) {
                found.add(f);
            }
        });
        assertEquals(1, found.size(), ruleId + " in " + findings);
        return found.get(0);
    }

    @Test
    void findingsOnIncludedValuesPointIntoTheIncludedFiles() throws Exception {
        JsonNode findings = findings();
        JsonNode putPolicy = only(findings, "SLS-IAM-110");
        assertEquals("svc/iam/role.yml", putPolicy.at("/location/file").asText());
        assertEquals(4, putPolicy.at("/location/line").asInt());
        assertEquals("/provider/iam/role/statements/0/Action/1", putPolicy.at("/location/pointer").asText());
        assertEquals("included from svc/serverless.yml by ${file(./iam/role.yml)}",
                putPolicy.at("/related/0/label").asText());
        assertEquals("svc/serverless.yml", putPolicy.at("/related/0/file").asText());
        assertEquals(12, putPolicy.at("/related/0/line").asInt());

        // functions: ${file(./functions.yml)}: the event's option is in functions.yml
        JsonNode batch = only(findings, "SLS-VAL-106");
        assertEquals("svc/functions.yml", batch.at("/location/file").asText());
        assertEquals(7, batch.at("/location/line").asInt());

        // resources: ${file(./resources.yml)}: the queue the event reads is defined in resources.yml
        JsonNode visibility = only(findings, "SLS-VAL-104");
        assertEquals("svc/functions.yml", visibility.at("/location/file").asText());
        assertEquals(6, visibility.at("/location/line").asInt());
        assertEquals("queue ResizeQueue is defined here @ svc/resources.yml:2", related(visibility).get(0));
        assertEquals("included from svc/serverless.yml by ${file(./functions.yml)} @ svc/serverless.yml:13",
                related(visibility).get(related(visibility).size() - 1));
    }

    private static List<String> related(JsonNode finding) {
        List<String> related = new ArrayList<>();
        finding.get("related").forEach(r -> related.add(r.get("label").asText() + " @ " + r.get("file").asText() + ":"
                + r.get("line").asInt()));
        return related;
    }

    @Test
    void aValueReachedThroughSelfAndAnIncludeListsBothReferencesInnermostFirst() throws Exception {
        Files.writeString(dir.resolve("svc/functions.yml"), FUNCTIONS.replace("timeout: ${self:custom.settings.timeout}",
                "timeout: ${self:custom.settings.timeout}\n  memorySize: ${self:custom.settings.memory}"));
        Files.writeString(dir.resolve("svc/config/settings.json"), "{\n  \"timeout\": 30,\n  \"memory\": 20000\n}\n");
        JsonNode memory = only(findings(), "SLS-VAL-007");
        assertEquals("svc/config/settings.json", memory.at("/location/file").asText());
        assertEquals(3, memory.at("/location/line").asInt());
        assertEquals("/functions/resize/memorySize", memory.at("/location/pointer").asText());
        assertEquals(List.of(
                "included from svc/serverless.yml by ${file(./config/settings.json)} @ svc/serverless.yml:6",
                "used in svc/functions.yml through ${self:custom.settings.memory} @ svc/functions.yml:4",
                "included from svc/serverless.yml by ${file(./functions.yml)} @ svc/serverless.yml:13"), related(memory));
    }

    @Test
    void sarifAndHtmlShowTheIncludedLineAndTheInclude() throws Exception {
        Run run = Run.in(dir, "check", "svc", "--output", "out");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("svc/iam/role.yml:4:7 ") && l.contains(" SLS-IAM-110 ")),
                run.out());

        JsonNode sarif = JSON.readTree(dir.resolve("out/slsguard.sarif").toFile());
        JsonNode result = null;
        for (JsonNode r : sarif.at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals("SLS-IAM-110")) {
                result = r;
            }
        }
        JsonNode location = result.at("/locations/0/physicalLocation");
        assertEquals("svc/iam/role.yml", location.at("/artifactLocation/uri").asText());
        assertEquals("    - s3:PutBucketPolicy", location.at("/region/snippet/text").asText());
        JsonNode related = result.at("/relatedLocations/0");
        assertEquals("svc/serverless.yml", related.at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", related.at("/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(12, related.at("/physicalLocation/region/startLine").asInt());
        assertEquals("included from svc/serverless.yml by ${file(./iam/role.yml)}", related.at("/message/text").asText());

        String html = Files.readString(dir.resolve("out/slsguard.html"));
        assertTrue(html.contains("<li>included from svc/serverless.yml by ${file(./iam/role.yml)} (svc/serverless.yml:12:19)</li>"),
                html);
        assertTrue(html.contains("<span class=\"ln\">4</span>    - s3:PutBucketPolicy</div>"), html);
        assertTrue(html.contains("declared at svc/iam/role.yml:1 (provider.iam.role.statements)"), html);
        assertTrue(html.contains("declared at line 1 of svc/functions.yml · runs with"), html);
    }

    @Test
    void aSuppressionCommentInAnIncludedFileApplies() throws Exception {
        Files.writeString(dir.resolve("svc/iam/role.yml"), ROLE.replace("    - s3:PutBucketPolicy",
                "    # slsguard-ignore: SLS-IAM-110 the bucket policy is managed by this service, SEC-212\n"
                        + "    - s3:PutBucketPolicy"));
        JsonNode findings = findings();
        findings.forEach(f -> assertFalse(f.get("ruleId").asText().equals("SLS-IAM-110"), findings.toString()));
        JsonNode sarif = JSON.readTree(dir.resolve("out/slsguard.sarif").toFile());
        JsonNode suppressed = null;
        for (JsonNode r : sarif.at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals("SLS-IAM-110")) {
                suppressed = r;
            }
        }
        assertEquals("the bucket policy is managed by this service, SEC-212",
                suppressed.at("/suppressions/0/justification").asText());
        assertEquals("svc/iam/role.yml", suppressed.at("/suppressions/0/location/physicalLocation/artifactLocation/uri")
                .asText());
    }

    @Test
    void aBaselineKeepsIncludedFindingsWhenAStatementIsAddedAbove() throws Exception {
        Run write = Run.in(dir, "check", "svc", "--output", "out", "--write-baseline", "baseline.json");
        assertEquals(1, write.exitCode(), write.toString());
        Files.writeString(dir.resolve("svc/iam/role.yml"), """
                - Effect: Allow
                  Action: dynamodb:GetItem
                  Resource: arn:aws:dynamodb:us-east-1:123456789012:table/media
                """ + ROLE);
        Run again = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "baseline.json");
        assertEquals(0, again.exitCode(), again.toString());
        assertFalse(again.out().contains("new: "), again.out());
    }
}
