package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The v3 error and warning probes of the parity corpus (shared/parity/probes, copied to
 * {@code probes/}) for the event types slsguard compiles: where v3 refuses to package (exit 1),
 * {@code slsguard check} reports an error at the offending line and exits 1; where v3 only warns,
 * a warning and exit 0. Each row: probe, v3's exit code, the finding slsguard must report.
 */
class ProbeFindingsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // sns, cloudwatchEvent
        "sns-missing-topic-name,                  1, SLS-VAL-304 error 12:9",
        "cloudwatch-event-multiple-inputs,        1, SLS-VAL-354 error 15:11",
        // eventBridge
        "eventbridge-multiple-inputs,             1, SLS-VAL-804 error 15:11",
        "eventbridge-cr-retry-policy,             1, SLS-VAL-805 error 16:11",
        "eventbridge-cr-dlq,                      1, SLS-VAL-806 error 16:31",
        "eventbridge-cr-dlq,                      1, SLS-DEP-020 warning 9:5",
        "eventbridge-cr-intrinsic-bus,            1, SLS-VAL-807 error 15:11",
        "eventbridge-flag-without-events,         0, SLS-DEP-022 warning 9:5",
        // schedule, cloudwatchLog
        "schedule-name-multiple-rates,            1, SLS-VAL-403 error 13:17",
        "schedule-scheduler-input-transformer,    1, SLS-VAL-404 error 15:11",
        "schedule-scheduler-input-path,           1, SLS-VAL-404 error 15:22",
        "schedule-scheduler-external-role-notice, 0, SLS-VAL-407 warning 14:9",
        "schedule-timezone-eventbus,              1, SLS-VAL-405 error 14:21",
        "cloudwatch-log-limit,                    1, SLS-VAL-453 error 17:24",
        // kafka, msk
        "kafka-vpc-subnet-without-sg,             1, SLS-VAL-254 error 16:13",
        "kafka-at-timestamp,                      1, SLS-VAL-255 error 15:29",
        "msk-at-timestamp,                        1, SLS-VAL-264 error 15:29",
        // s3
        "s3-new-bucket-intrinsic,                 1, SLS-VAL-504 error 13:11",
        "s3-invalid-bucket-name,                  1, SLS-VAL-505 error 12:13",
        "s3-existing-multiple-buckets,            1, SLS-VAL-507 error 13:22",
        // httpApi
        "httpapi-authorizer-both-function,        1, SLS-VAL-616 error 10:7",
        "httpapi-authorizer-function-not-found,   1, SLS-VAL-617 error 10:40",
        "httpapi-authorizer-missing-id-name,      1, SLS-VAL-608 error 12:42",
        "httpapi-authorizer-no-function,          1, SLS-VAL-615 error 10:7",
        "httpapi-authorizer-ttl-no-identity,      1, SLS-VAL-618 error 10:63",
        "httpapi-aws-iam-extra-props,             1, SLS-VAL-609 error 12:70",
        "httpapi-duplicate-route,                 1, SLS-VAL-607 error 16:9",
        "httpapi-external-authorizer-id,          1, SLS-VAL-610 error 12:59",
        "httpapi-external-authorizers,            1, SLS-VAL-613 error 10:5",
        "httpapi-external-cors,                   1, SLS-VAL-612 error 10:11",
        "httpapi-external-logs,                   1, SLS-VAL-614 error 11:5",
        "httpapi-invalid-method,                  1, SLS-VAL-606 error 12:27",
        "httpapi-missing-method,                  1, SLS-VAL-605 error 12:9",
        "httpapi-star-path-with-method,           1, SLS-VAL-604 error 12:38",
        "httpapi-timeout-warning,                 0, SLS-VAL-621 warning 11:14",
        "httpapi-unknown-authorizer,              1, SLS-VAL-611 error 12:54",
        // http (REST API)
        "http-api-key-without-usage-plan,         1, SLS-VAL-719 error 10:9",
        "http-authorizer-no-name-no-arn,          1, SLS-VAL-707 error 12:39",
        "http-cognito-claims-proxy,               1, SLS-VAL-708 error 12:126",
        "http-cognito-intrinsic-no-name,          1, SLS-VAL-706 error 12:39",
        "http-external-api-logs,                  1, SLS-VAL-716 error 12:5",
        "http-external-api-tracing,               1, SLS-VAL-715 error 12:5",
        "http-integration-without-response,       1, SLS-VAL-711 error 12:39",
        "http-invalid-stage-name,                 1, SLS-VAL-717 error 8:10",
        "http-missing-request-uri,                1, SLS-VAL-704 error 12:39",
        "http-proxy-request-response-warning,     0, SLS-VAL-712 warning 16:13",
        "http-proxy-request-response-warning,     0, SLS-VAL-713 warning 18:11",
        "http-rest-api-id-without-root,           1, SLS-VAL-714 error 9:5",
        "http-vpc-endpoint-ids-not-private,       1, SLS-VAL-718 error 9:3",
        "http-vpc-link-missing-connection-id,     1, SLS-VAL-705 error 12:64",
        // websocket
        "websocket-intrinsic-arn-no-name,         1, SLS-VAL-525 error 12:51",
        "websocket-invalid-log-level,             1, SLS-VAL-526 error 10:14",
        // alb
        "alb-invalid-listener-arn,                1, SLS-VAL-555 error 12:28",
        "alb-missing-authorizer,                  1, SLS-VAL-559 error 12:163",
        "alb-no-conditions,                       1, SLS-VAL-556 error 12:150",
        "alb-priority-same-function-diff-listener, 1, SLS-VAL-557 error 13:147",
        "alb-priority-same-listener,              1, SLS-VAL-557 error 16:147",
        "alb-target-group-name-and-prefix,        1, SLS-VAL-558 error 14:167",
        // iotFleetProvisioning, cognitoUserPool
        "iot-fleet-multiple,                      1, SLS-VAL-653 error 13:9",
        "cognito-custom-sender-no-kms,            1, SLS-VAL-664 error 12:9",
        "cognito-different-kms-keys,              1, SLS-VAL-665 error 13:77",
        "cognito-existing-multiple-pools,         1, SLS-VAL-663 error 13:33",
        // cloudFront (Lambda@Edge)
        "cloudfront-duplicate-event-type,         1, SLS-VAL-739 error 16:33",
        "cloudfront-duplicate-path-pattern,       1, SLS-VAL-738 error 14:98",
        "cloudfront-external-role-notice,         0, SLS-VAL-742 warning 14:9",
        "cloudfront-memory,                       1, SLS-VAL-733 error 11:17",
        "cloudfront-no-default-origin,            1, SLS-VAL-735 error 12:9",
        "cloudfront-timeout,                      1, SLS-VAL-734 error 11:14",
        "cloudfront-two-default-origins,          1, SLS-VAL-735 error 13:67",
        "cloudfront-unknown-cache-policy,         1, SLS-VAL-736 error 12:104",
        "cloudfront-unused-cache-policy-warning,  0, SLS-VAL-741 warning 10:7",
        "cloudfront-wrong-region,                 1, SLS-VAL-737 error 7:11",
    })
    void probeIsReportedAtItsLine(String probe, int v3ExitCode, String expectedFinding) throws IOException {
        copyProbe(probe);
        Run run = Run.in(dir, "check", probe, "--format", "json", "--output", "out");
        List<String> findings = new ArrayList<>();
        for (JsonNode f : MAPPER.readTree(run.out()).get("findings")) {
            JsonNode at = f.get("location");
            findings.add(f.get("ruleId").asText() + " " + f.get("severity").asText() + " "
                    + at.get("line").asInt() + ":" + at.get("column").asInt());
        }
        assertTrue(findings.contains(expectedFinding), findings + "\n" + run);
        assertEquals(v3ExitCode, run.exitCode(), run.toString());
    }

    /**
     * Probes v3 packages without a word: slsguard says nothing v3 would have said either (no
     * validation or deprecation warning or error); checks beyond v3 (reliability, security) may speak.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"http-external-rest-api", "http-private-endpoint", "http-single-usage-plan-legacy",
        "eventbridge-provider-block-without-flag", "websocket-use-provider-tags", "alb-target-group-prefix"})
    void cleanProbeStaysClean(String probe) throws IOException {
        copyProbe(probe);
        Run run = Run.in(dir, "check", probe, "--format", "json", "--output", "out", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> v3Words = new ArrayList<>();
        for (JsonNode f : MAPPER.readTree(run.out()).get("findings")) {
            String rule = f.get("ruleId").asText();
            if ((rule.startsWith("SLS-VAL-") || rule.startsWith("SLS-DEP-")) && !f.get("severity").asText().equals("note")) {
                v3Words.add(rule + " " + f.get("message").asText());
            }
        }
        assertEquals(List.of(), v3Words, run.toString());
    }

    private void copyProbe(String probe) throws IOException {
        Path service = Files.createDirectories(dir.resolve(probe));
        try (InputStream in = getClass().getResourceAsStream("/probes/" + probe + "/serverless.yml")) {
            if (in == null) {
                throw new IOException("missing test resource probes/" + probe);
            }
            Files.write(service.resolve("serverless.yml"), in.readAllBytes());
        }
    }
}
