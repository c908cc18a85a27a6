package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code configValidationMode} as v3 has it, on one invalid service: schema violations are
 * warnings in {@code warn} (v3's default), errors in {@code error}, not reported with {@code off};
 * a refusal v3 throws whatever the mode stays an error.
 */
class ConfigValidationModeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String SERVICE = """
            service: modes
            frameworkVersion: '3'
            %s
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              worker:
                handler: handler.worker
                events:
                  - sqs:
                      arn: arn:aws:sqs:us-east-1:123456789012:jobs
                      batchSize: 0
                      queueName: jobs
                  - sqsQueue: arn:aws:sqs:us-east-1:123456789012:typo
                  - alexaSkill
                  - s3: {bucket: photos, existing: true}
                  - s3: {bucket: documents, existing: true}
                  - http: GET hello
            resources:
              Resources:
                Extra:
                  DependsOn: Other
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'',                              warning, 1",
        "'configValidationMode: warn',    warning, 1",
        "'configValidationMode: error',   error,   1",
        "'configValidationMode: off',     none,    1",
    })
    void schemaViolationsFollowTheMode(String modeLine, String schemaSeverity, int exitCode) throws IOException {
        Path service = Files.createDirectories(dir.resolve("svc"));
        Files.writeString(service.resolve("serverless.yml"), SERVICE.formatted(modeLine));
        Run run = Run.in(dir, "check", "svc", "--format", "json", "--output", "out");
        List<String> schema = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (JsonNode f : MAPPER.readTree(run.out()).get("findings")) {
            String rule = f.get("ruleId").asText();
            String line = rule + " " + f.get("severity").asText() + " " + f.get("location").get("line").asInt();
            if (List.of("SLS-VAL-102", "SLS-VAL-103", "SLS-VAL-001", "SLS-VAL-002", "SLS-VAL-701", "SLS-VAL-007")
                    .contains(rule)) {
                schema.add(line);
            } else if (rule.equals("SLS-VAL-507")) {
                refusals.add(line);
            }
        }
        List<String> expected = schemaSeverity.equals("none") ? List.of() : List.of(
                "SLS-VAL-102 " + schemaSeverity + " 13",
                "SLS-VAL-103 " + schemaSeverity + " 14",
                "SLS-VAL-001 " + schemaSeverity + " 15",
                "SLS-VAL-002 " + schemaSeverity + " 16",
                "SLS-VAL-701 " + schemaSeverity + " 19",
                "SLS-VAL-007 " + schemaSeverity + " 6", // nodejs22.x: newer than v3.40.0's list of runtimes
                "SLS-VAL-007 " + schemaSeverity + " 22");
        assertEquals(expected.stream().sorted().toList(), schema.stream().sorted().toList(), run.toString());
        // S3_MULTIPLE_BUCKETS_PER_FUNCTION: v3 refuses to package in every mode
        assertEquals(List.of("SLS-VAL-507 error 18"), refusals, run.toString());
        assertEquals(exitCode, run.exitCode(), run.toString());
    }
}
