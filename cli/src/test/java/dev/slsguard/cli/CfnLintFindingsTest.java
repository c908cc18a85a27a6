package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cfn-lint's results as slsguard reports them, from a canned cfn-lint JSON report (a script that
 * prints it stands in for cfn-lint): each at the line of serverless.yml its template path came from,
 * with cfn-lint's rule texts in SARIF; repeats of built-in findings folded into them; identical
 * results once; inline suppressions and {@code .slsguard.yml} severities applied.
 */
class CfnLintFindingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SERVICE = """
            service: billing
            frameworkVersion: '3'
            configValidationMode: warn
            provider:
              name: aws
              runtime: nodejs20.x
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: sqs:SendMessage
                      Resource: arn:aws:sqs:us-east-1:123456789012:placeholder
            functions:
              invoice:
                handler: handler.invoice
                memorySize: 1536MB
                events:
                  - sqs:
                      arn: !GetAtt InvoiceQueue.Arn
                      batchSize: ten
              refund:
                handler: handler.refund
            resources:
              Resources:
                InvoiceQueue:
                  Type: AWS::SQS::Queue
                  Properties:
                    VisibilityTimeout: 60
                DbPassword:
                  Type: AWS::SSM::Parameter
                  Properties:
                    Type: String
                    # slsguard-ignore: cfn-lint:W2501 the password is a placeholder replaced at deploy time
                    Value: hunter2
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        assumeFalse(File.separatorChar == '\\', "the stand-in cfn-lint is a shell script");
        Services.write(dir.resolve("svc"), SERVICE);
    }

    private static String result(String id, String level, String message, String path) {
        StringBuilder segments = new StringBuilder();
        for (String segment : path.split("/")) {
            segments.append(segments.length() == 0 ? "" : ",")
                    .append(segment.matches("\\d+") ? segment : "\"" + segment + "\"");
        }
        return """
                {"Filename": "t.json", "Id": "x", "Level": "%s", "Message": "%s", "ParentId": null,
                 "Location": {"Start": {"LineNumber": 1, "ColumnNumber": 1}, "End": {"LineNumber": 1, "ColumnNumber": 2},
                              "Path": [%s]},
                 "Rule": {"Id": "%s", "ShortDescription": "Short %s", "Description": "Description of %s",
                          "Source": "https://example.com/rules/%s"}}
                """.formatted(level, message, segments, id, id, id, id);
    }

    /** Runs check with the stand-in cfn-lint printing {@code results}; returns the run. */
    private Run check(String projectConfig, String... results) throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "[" + String.join(",", results) + "]");
        Path script = dir.resolve("bin/cfn-lint");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\ncat '" + report + "'\nexit 2\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("svc/.slsguard.yml"), "cfn-lint:\n  mode: local\n  path: " + script + "\n"
                + projectConfig);
        return Run.in(dir, "check", "svc", "--output", "out", "--format", "json", "--fail-on", "never");
    }

    private static int line(String text) {
        List<String> lines = SERVICE.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static List<JsonNode> findings(Run run, String prefix) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).get("findings")) {
            if (f.get("ruleId").asText().startsWith(prefix)) {
                out.add(f);
            }
        }
        return out;
    }

    private static String at(JsonNode finding) {
        return finding.get("ruleId").asText() + " " + finding.get("severity").asText() + " "
                + finding.get("location").get("line").asInt();
    }

    @Test
    void resultsAreReportedAtTheLinesThatProducedThem() throws Exception {
        Run run = check("",
                result("E3012", "Error", "'1536MB' is not of type 'integer'",
                        "Resources/InvoiceLambdaFunction/Properties/MemorySize"),
                result("E3031", "Error", "'arn:aws:sqs:us-east-1:123456789012:placeholder' is a placeholder",
                        "Resources/IamRoleLambdaExecution/Properties/Policies/0/PolicyDocument/Statement/2/Resource"),
                result("W3045", "Warning", "queue without encryption",
                        "Resources/InvoiceQueue/Properties/VisibilityTimeout"),
                result("E3033", "Error", "'billing-dev-invoice' is longer than 3",
                        "Resources/InvoiceLambdaFunction/Properties/FunctionName"),
                result("I1022", "Informational", "Prefer a Sub", "Resources/IamRoleLambdaExecution/Properties/RoleName"),
                result("E1002", "Error", "template too large", "Template"));
        assertEquals(0, run.exitCode(), run.toString());
        List<String> found = findings(run, "cfn-lint:").stream().map(CfnLintFindingsTest::at).toList();
        assertEquals(List.of(
                "cfn-lint:E1002 error 1", // the whole template: at the service
                "cfn-lint:I1022 note 1", // the role name v3 generates from the service name and stage
                "cfn-lint:E3031 error " + line("Resource: arn:aws:sqs"), // a declared statement's value
                "cfn-lint:E3033 error " + line("invoice:"), // a generated function name: at the function
                "cfn-lint:W3045 warning " + line("VisibilityTimeout: 60")), found); // resources: at its own line
        JsonNode memory = findings(run, "SLS-VAL-").stream()
                .filter(f -> f.get("location").get("line").asInt() == line("memorySize: 1536MB")).findFirst().orElseThrow();
        assertEquals("SLS-VAL-007", memory.get("ruleId").asText(), "E3012 on memorySize folded into the schema rule");
        assertTrue(findings(run, "cfn-lint:").get(0).get("message").asText().endsWith("(template: Template)"));
        for (JsonNode f : findings(run, "cfn-lint:")) {
            assertEquals("svc/serverless.yml", f.get("location").get("file").asText());
        }
    }

    @Test
    void sarifCarriesCfnLintsRuleTextsAndTheFoldedIds() throws Exception {
        Run run = check("",
                result("E3012", "Error", "'ten' is not of type 'integer'",
                        "Resources/InvoiceEventSourceMappingSQSInvoiceQueue/Properties/BatchSize"),
                result("W3005", "Warning", "obsolete DependsOn", "Resources/RefundLambdaFunction/DependsOn/0"));
        JsonNode sarifRun = JSON.readTree(Files.readString(dir.resolve("out/slsguard.sarif"))).get("runs").get(0);
        JsonNode w3005 = rule(sarifRun, "cfn-lint:W3005");
        assertEquals("Short W3005", w3005.get("shortDescription").get("text").asText());
        assertEquals("Description of W3005", w3005.get("fullDescription").get("text").asText());
        assertEquals("https://example.com/rules/W3005", w3005.get("helpUri").asText());
        assertEquals("warning", w3005.get("defaultConfiguration").get("level").asText());
        // batchSize: ten is reported by the sqs schema rule; cfn-lint's E3012 joins its tags
        assertTrue(rule(sarifRun, "SLS-VAL-102").get("properties").get("tags").toString().contains("cfn-lint:E3012"));
        assertTrue(findings(run, "cfn-lint:E3012").isEmpty());
        assertEquals(List.of("cfn-lint:W3005 warning " + line("refund:")),
                findings(run, "cfn-lint:").stream().map(CfnLintFindingsTest::at).toList());
        String html = Files.readString(dir.resolve("out/slsguard.html"));
        assertTrue(html.contains("cfn-lint:W3005") && html.contains("obsolete DependsOn"), "in the HTML page too");
    }

    private static JsonNode rule(JsonNode sarifRun, String id) {
        for (JsonNode rule : sarifRun.get("tool").get("driver").get("rules")) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    @Test
    void identicalResultsAreOneFindingAndRepeatsOfBuiltInsFold() throws Exception {
        String runtime = "Runtime 'nodejs20.x' is deprecated";
        Run run = check("",
                result("W2531", "Warning", runtime, "Resources/InvoiceLambdaFunction/Properties/Runtime"),
                result("W2531", "Warning", runtime, "Resources/RefundLambdaFunction/Properties/Runtime"));
        List<JsonNode> found = findings(run, "cfn-lint:");
        assertEquals(1, found.size(), run.toString());
        assertEquals(line("runtime: nodejs20.x"), found.get(0).get("location").get("line").asInt());
        assertEquals(runtime + " (template: Resources/InvoiceLambdaFunction/Properties/Runtime and 1 more)",
                found.get(0).get("message").asText());
    }

    @Test
    void suppressionsSeveritiesAndDisabledRulesApply() throws Exception {
        Run run = check("severity:\n  cfn-lint:W3005: error\ndisable:\n  - cfn-lint:I3011\n",
                result("W2501", "Warning", "Password written in the template",
                        "Resources/DbPassword/Properties/Value"),
                result("W3005", "Warning", "obsolete DependsOn", "Resources/RefundLambdaFunction/DependsOn/0"),
                result("I3011", "Informational", "no UpdateReplacePolicy", "Resources/InvoiceQueue"));
        assertEquals(List.of("cfn-lint:W3005 error " + line("refund:")),
                findings(run, "cfn-lint:").stream().map(CfnLintFindingsTest::at).toList());
        JsonNode results = JSON.readTree(Files.readString(dir.resolve("out/slsguard.sarif"))).get("runs").get(0)
                .get("results");
        boolean suppressed = false;
        for (JsonNode result : results) {
            if (result.get("ruleId").asText().equals("cfn-lint:W2501")) {
                suppressed = result.get("suppressions").get(0).get("justification").asText()
                        .equals("the password is a placeholder replaced at deploy time");
            }
        }
        assertTrue(suppressed, "the inline comment suppresses cfn-lint's W2501, kept in SARIF as suppressed");
        assertFalse(findings(run, "SLS-VAL-006").stream().anyMatch(f -> f.get("message").asText().contains("cfn-lint")),
                "a suppression of a cfn-lint rule is not an unused suppression");
    }

    @Test
    void aTemplateGivenAsInputIsItsOwnSourceMap() throws Exception {
        Files.writeString(dir.resolve("svc/template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: index.handler
                      MemorySize: 1536MB
                      Role: arn:aws:iam::123456789012:role/x
                      Code:
                        ZipFile: x
                """);
        check("", result("E3012", "Error", "'1536MB' is not of type 'integer'", "Resources/Fn/Properties/MemorySize"));
        Run run = Run.in(dir, "check", "svc/template.yaml", "--output", "out", "--format", "json", "--fail-on", "never");
        List<JsonNode> found = findings(run, "cfn-lint:");
        assertEquals(1, found.size(), run.toString());
        assertEquals("svc/template.yaml", found.get(0).get("location").get("file").asText());
        assertEquals(7, found.get(0).get("location").get("line").asInt());
    }

    @Test
    void explainShowsCfnLintsRuleTexts() {
        Run run = Run.in(dir, "explain", "cfn-lint:E3033");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("cfn-lint:E3033: Check if a string has between min and max number of values"
                + " specified\nseverity: error\n"), run.out());
        assertTrue(run.out().contains("Source: https://github.com/aws-cloudformation/cfn-lint/blob/main/docs/"
                + "cfn-schema-specification.md#length"), run.out());
        assertTrue(run.out().contains("Text from cfn-lint " + CfnLintRules.pinnedVersion()), run.out());
        Run unknown = Run.in(dir, "explain", "cfn-lint:E9999");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("slsguard: unknown rule id cfn-lint:E9999"), unknown.err());
    }
}
