package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's gate: a finding's level and SARIF {@code security-severity} follow what it lets an
 * attacker do. {@code s3:*} on {@code *} fails the default {@code --fail-on error}; a typo in an
 * event option is a warning GitHub does not show as a security alert.
 */
class SeverityFromRiskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String S3_STAR = """
            service: uploads
            frameworkVersion: '3'
            provider:
              name: aws
              runtime: nodejs20.x
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: s3:*
                      Resource: "*"
            functions:
              resize:
                handler: handler.resize
            """;

    private static final String TYPO = """
            service: orders
            frameworkVersion: '3'
            configValidationMode: warn
            provider:
              name: aws
              runtime: nodejs20.x
            functions:
              list:
                handler: handler.list
                events:
                  - http:
                      path: orders/{id}
                      method: get
                      request:
                        paths:
                          id: true
            """;

    /** Rule id to the {@code security-severity} of its rule in the SARIF log ("" when it has none), for every result. */
    private Map<String, String> results(String service) throws Exception {
        JsonNode run = JSON.readTree(dir.resolve("out-" + service + "/slsguard.sarif").toFile()).get("runs").get(0);
        Map<String, String> out = new TreeMap<>();
        for (JsonNode result : run.get("results")) {
            JsonNode rule = run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt());
            out.put(result.get("ruleId").asText() + " " + result.get("level").asText(),
                    rule.at("/properties/security-severity").asText(""));
        }
        return out;
    }

    @Test
    void s3StarOnEveryResourceFailsTheDefaultGate() throws Exception {
        Files.createDirectories(dir.resolve("uploads"));
        Files.writeString(dir.resolve("uploads/serverless.yml"), S3_STAR);
        Run run = Run.in(dir, "check", "uploads", "--output", "out-uploads");
        assertEquals(1, run.exitCode(), run.toString());

        Map<String, String> results = results("uploads");
        assertEquals("7.5", results.get("SLS-IAM-109 error"), results.toString()); // every object readable
        assertEquals("8.5", results.get("SLS-IAM-110 error"), results.toString()); // every bucket policy writable
        assertEquals("5.0", results.get("SLS-IAM-102 warning"), results.toString());
    }

    @Test
    void aSchemaTypoIsNoSecurityAlert() throws Exception {
        Files.createDirectories(dir.resolve("orders"));
        Files.writeString(dir.resolve("orders/serverless.yml"), TYPO);
        Run run = Run.in(dir, "check", "orders", "--output", "out-orders");
        assertEquals(0, run.exitCode(), run.toString());

        Map<String, String> results = results("orders");
        String typo = results.keySet().stream().filter(k -> k.startsWith("SLS-VAL-703")).findFirst().orElseThrow(
                () -> new AssertionError("no finding on request.paths: " + results));
        assertEquals("SLS-VAL-703 warning", typo);
        assertEquals("", results.get(typo), "no security-severity");
        JsonNode rules = JSON.readTree(dir.resolve("out-orders/slsguard.sarif").toFile())
                .at("/runs/0/tool/driver/rules");
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().startsWith("SLS-VAL-")) {
                assertFalse(rule.at("/properties/tags").toString().contains("\"security\""), rule.toString());
            }
        }
        assertTrue(rules.size() > 100, "every rule is listed");
    }
}
