package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Findings located in a file the configuration includes with {@code ${file()}}, or on a value reached
 * through {@code ${self:}}: SARIF, JSON and HTML show their own file and line, the line's text from
 * that file, and the include or reference as a related location.
 */
class IncludedLocationsTest {

    private static final ToolInfo TOOL = ToolInfo.slsguard("1.2.3");
    private static final String CONFIG = "services/media/serverless.yml";
    private static final String ROLE = "services/media/iam/role.yml";

    private static final String CONFIG_TEXT = """
            service: media
            custom:
              bucket: media-uploads
            provider:
              name: aws
              iam:
                role:
                  statements: ${file(./iam/role.yml)}
            functions:
              resize:
                handler: handler.resize
                environment:
                  BUCKET: ${self:custom.bucket}
            """;
    private static final String ROLE_TEXT = """
            - Effect: Allow
              Action:
                - s3:GetObject
                - s3:PutBucketPolicy
              Resource: "*"
            """;

    private static final RelatedLocation INCLUDE = new RelatedLocation(
            new SourceRef(CONFIG, 8, 19, "/provider/iam/role/statements"),
            "included from " + CONFIG + " by ${file(./iam/role.yml)}");
    private static final Finding IN_ROLE = new Finding("SLS-IAM-110", Severity.ERROR,
            "s3:PutBucketPolicy manages permissions and is granted on \"*\".",
            new SourceRef(ROLE, 4, 7, "/provider/iam/role/statements/0/Action/1", List.of(INCLUDE)), "f-role",
            List.of(INCLUDE));
    private static final RelatedLocation REFERENCE = new RelatedLocation(
            new SourceRef(CONFIG, 13, 15, "/functions/resize/environment/BUCKET"),
            "used in " + CONFIG + " through ${self:custom.bucket}");
    private static final Finding THROUGH_SELF = new Finding("SLS-SEC-001", Severity.ERROR,
            "environment variable BUCKET of function resize holds a secret.",
            new SourceRef(CONFIG, 3, 11, "/functions/resize/environment/BUCKET", List.of(REFERENCE)), "f-self",
            List.of(REFERENCE));

    private static Analysis analysis() {
        MapNode root = new MapNode(SourceRef.ofFile(CONFIG), List.of());
        SourceDocument config = new SourceDocument(Path.of(CONFIG), CONFIG, root, CONFIG_TEXT);
        SourceDocument role = new SourceDocument(Path.of(ROLE), ROLE, root, ROLE_TEXT);
        return new Analysis(config, JsonNodeFactory.instance.objectNode(), List.of(IN_ROLE, THROUGH_SELF),
                SampleAnalysis.rules(), CONFIG_TEXT, List.of(), List.of(), List.of(), List.of(), List.of(role),
                Optional.empty());
    }

    private static JsonNode result(JsonNode sarif, String ruleId) {
        for (JsonNode result : sarif.at("/runs/0/results")) {
            if (result.get("ruleId").asText().equals(ruleId)) {
                return result;
            }
        }
        throw new AssertionError("no result of " + ruleId + " in " + sarif);
    }

    @Test
    void sarifLocatesTheFindingInTheIncludedFileWithTheIncludeAsRelatedLocation() {
        JsonNode result = result(SarifReport.tree(analysis(), TOOL), "SLS-IAM-110");
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertEquals(ROLE, physical.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
        assertEquals(4, physical.at("/region/startLine").asInt());
        // the snippet is the included file's own line
        assertEquals("    - s3:PutBucketPolicy", physical.at("/region/snippet/text").asText());

        JsonNode related = result.get("relatedLocations");
        assertEquals(1, related.size(), result.toString());
        assertEquals("included from " + CONFIG + " by ${file(./iam/role.yml)}",
                related.at("/0/message/text").asText());
        assertEquals(CONFIG, related.at("/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", related.at("/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(8, related.at("/0/physicalLocation/region/startLine").asInt());
        assertEquals(19, related.at("/0/physicalLocation/region/startColumn").asInt());
    }

    @Test
    void sarifLocatesAValueReachedThroughSelfWhereItIsWritten() {
        JsonNode result = result(SarifReport.tree(analysis(), TOOL), "SLS-SEC-001");
        assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("  bucket: media-uploads", result.at("/locations/0/physicalLocation/region/snippet/text").asText());
        assertEquals("used in " + CONFIG + " through ${self:custom.bucket}",
                result.at("/relatedLocations/0/message/text").asText());
        assertEquals(13, result.at("/relatedLocations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void jsonListsTheIncludeAsRelated() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(analysis().findings(), TOOL));
        JsonNode inRole = null;
        for (JsonNode finding : json.get("findings")) {
            if (finding.get("ruleId").asText().equals("SLS-IAM-110")) {
                inRole = finding;
            }
        }
        assertEquals(ROLE, inRole.at("/location/file").asText());
        assertEquals(4, inRole.at("/location/line").asInt());
        assertEquals("/provider/iam/role/statements/0/Action/1", inRole.at("/location/pointer").asText());
        assertEquals("included from " + CONFIG + " by ${file(./iam/role.yml)}", inRole.at("/related/0/label").asText());
        assertEquals(CONFIG, inRole.at("/related/0/file").asText());
        assertEquals(8, inRole.at("/related/0/line").asInt());
    }

    @Test
    void htmlShowsTheIncludedLinesAndWhereTheyCameFrom() {
        String html = HtmlReport.render(analysis(), TOOL);
        assertTrue(html.contains("<code>" + ROLE + ":4:7</code>"), html);
        assertTrue(html.contains("<li>included from " + CONFIG + " by ${file(./iam/role.yml)} (" + CONFIG
                + ":8:19)</li>"), html);
        assertTrue(html.contains("<li>used in " + CONFIG + " through ${self:custom.bucket} (" + CONFIG
                + ":13:15)</li>"), html);
        // the lines around the finding come from role.yml, the finding's own line marked
        assertTrue(html.contains("<div class=\"hit\"><span class=\"ln\">4</span>    - s3:PutBucketPolicy</div>"), html);
        assertTrue(html.contains("<div class=\"hit\"><span class=\"ln\">3</span>  bucket: media-uploads</div>"), html);
    }
}
