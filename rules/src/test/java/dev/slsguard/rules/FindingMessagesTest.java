package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.compilers.events.EventCompiler;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.rules.RuleOutcome;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.vars.VariableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the findings say: the problem, what is allowed, the fix; and their severity and location. */
class FindingMessagesTest {

    private static final String SERVICE = """
            service: messages
            provider:
              name: aws
              runtime: nodejs18.x
            functions:
              worker:
                handler: handler.worker
                events:
                  - sqs:
                      arn: arn:aws:sqs:us-east-1:123456789012:jobs
                      batchSize: 0
                      batchsize: 5
                      enabled: 'yes'
                  - sqsQueue: arn:aws:sqs:us-east-1:123456789012:typo
                  - alexaSkill
                  - websocket: sendMessage
                  - stream:
                      arn: arn:aws:kinesis:us-east-1:123456789012:stream/audit
                      consumer: true
                      startingPosition: AT_TIMESTAMP
                  - sqs:
                      arn: ${ssm:/orders/queue-arn}
                  - stream:
                      arn: arn:aws:kinesis:us-east-1:123456789012:stream/archive
                      startingPosition: AT_TIMESTAMP
                      startingPositionTimestamp: 1704067200
                  - stream:
                      arn: arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000
                      startingPosition: AT_TIMESTAMP
            """;

    private static List<Finding> findings;

    @BeforeAll
    static void analyse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, SERVICE);
        RuleOutcome outcome = TestPipeline.analyse(file);
        findings = outcome.findings();
    }

    private static Finding at(String ruleId, int line) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId) && f.location().line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ruleId + " at line " + line));
    }

    @Test
    void resourcesInMessagesAreWrittenInTheShortFormNotAsIntrinsicJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, """
                service: media
                provider:
                  name: aws
                  runtime: python3.12
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub '${Uploads.Arn}/*'
                functions:
                  ingest:
                    handler: handler.ingest
                    events:
                      - s3:
                          bucket: !Ref Uploads
                          existing: true
                  transcode:
                    handler: handler.transcode
                    events:
                      - sqs: !GetAtt Jobs.Arn
                resources:
                  Resources:
                    Uploads:
                      Type: AWS::S3::Bucket
                    Jobs:
                      Type: AWS::SQS::Queue
                """);
        Finding shared = TestPipeline.analyse(file).findings().stream().filter(f -> f.ruleId().equals("SLS-IAM-008"))
                .findFirst().orElseThrow();
        // v3 derives the existing bucket's ARN as a Fn::Join: shown as a user would write it
        assertTrue(shared.message().contains("on !Join [':', [arn, !Ref AWS::Partition, s3, '', '', !Ref Uploads]]"),
                shared.message());
        assertTrue(!shared.message().contains("Fn::") && !shared.message().contains("{\""), shared.message());
    }

    @Test
    void optionValueSaysWhatIsAllowedAndWhatWasGiven() {
        Finding range = at("SLS-VAL-102", 11);
        assertEquals("sqs batchSize must be an integer from 1 to 10000; got 0", range.message());
        assertEquals(Severity.WARNING, range.severity(), "v3's default configValidationMode (warn)");
        assertEquals(22, range.location().column());
        assertEquals("/functions/worker/events/0/sqs/batchSize", range.location().pointer());
        assertEquals("sqs enabled must be true or false; got 'yes'", at("SLS-VAL-102", 13).message());
    }

    @Test
    void unknownOptionSuggestsTheKnownSpelling() {
        assertEquals("sqs event has no option 'batchsize' (did you mean batchSize?); allowed: arn, batchSize,"
                + " enabled, maximumBatchingWindow, functionResponseType, filterPatterns, maximumConcurrency",
                at("SLS-VAL-103", 12).message());
    }

    @Test
    void unknownEventTypeSuggestsTheKnownOne() {
        assertEquals("unknown event type 'sqsQueue' (did you mean sqs?): Serverless Framework v3 ignores this"
                + " event, so function worker gets no such trigger", at("SLS-VAL-001", 14).message());
    }

    @Test
    void bareEventWordIsMalformedAndReportedOnce() {
        assertEquals("an events item must be a mapping from one event type to its settings; this item is only"
                + " the word alexaSkill: write '- alexaSkill: <settings>'", at("SLS-VAL-002", 15).message());
        // one validation finding (not also "unknown event type"); the deprecation of this form is another matter
        assertEquals(1, findings.stream().filter(f -> f.location().line() == 15 && f.ruleId().startsWith("SLS-VAL"))
                .count(), findings.toString());
        assertEquals(1, findings.stream().filter(f -> f.location().line() == 15 && f.ruleId().equals("SLS-DEP-007"))
                .count(), findings.toString());
    }

    /** Checked with a compiler that lacks the websocket compiler, as every v3 event type is compiled now. */
    @Test
    void notAnalysedEventTypeIsANote(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, SERVICE);
        List<EventCompiler> withoutWebsocket = EventType.compilers().stream()
                .filter(c -> c.eventType() != EventType.WEBSOCKET).toList();
        List<Finding> partial = new Pipeline(new ServerlessCompiler(withoutWebsocket), TestPipeline.rules(),
                Limits.DEFAULT, Optional.of(TestPipeline.FIXTURE_DAY)).evaluate(file, TestPipeline.FILE,
                VariableOptions.none()).findings();
        Finding note = partial.stream().filter(f -> f.ruleId().equals("SLS-VAL-003") && f.location().line() == 16)
                .findFirst().orElseThrow(() -> new AssertionError(partial.toString()));
        assertEquals(Severity.NOTE, note.severity());
        assertTrue(note.message().startsWith("websocket events are not analysed yet"), note.message());
        assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("SLS-VAL-003")), findings.toString());
    }

    @Test
    void consumerWithoutTimestampNamesTheFixAndV3Code() {
        Finding error = at("SLS-VAL-204", 17);
        assertTrue(error.message().contains("needs startingPositionTimestamp"), error.message());
        assertTrue(error.message().contains("FUNCTION_STREAM_STARTING_POSITION_TIMESTAMP_INVALID"), error.message());
        Finding deprecation = at("SLS-DEP-001", 19);
        assertEquals(Severity.WARNING, deprecation.severity());
        assertEquals("/functions/worker/events/4/stream/consumer", deprecation.location().pointer());
        assertTrue(deprecation.message().contains("provider.kinesis.consumerNamingMode: serviceSpecific"),
                deprecation.message());
    }

    @Test
    void unresolvedVariableIsANoteThatSaysWhatItLimits() {
        Finding note = at("SLS-VAL-004", 22);
        assertEquals(Severity.NOTE, note.severity());
        assertTrue(note.message().startsWith("${ssm:/orders/queue-arn} cannot be resolved offline"), note.message());
        assertTrue(note.message().contains("not type- or range-checked"), note.message());
        assertTrue(findings.stream().noneMatch(f -> f.location().line() == 22 && !f.ruleId().equals("SLS-VAL-004")),
                "a placeholder is not reported as a bad ARN: " + findings);
    }

    @Test
    void atTimestampWithoutConsumerSaysTheTimestampIsDroppedAndTheFix() {
        Finding warning = at("SLS-VAL-206", 25);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(29, warning.location().column());
        assertEquals("function worker reads Kinesis stream archive from AT_TIMESTAMP without a consumer: Serverless"
                + " Framework v3 passes startingPositionTimestamp on only for consumers and drops the one given here,"
                + " so the event source mapping has StartingPosition AT_TIMESTAMP without StartingPositionTimestamp,"
                + " which Lambda rejects at deploy time; add consumer: true (with startingPositionTimestamp) or use"
                + " startingPosition LATEST or TRIM_HORIZON", warning.message());
    }

    @Test
    void atTimestampOnDynamoDbIsAnErrorNamingTheAllowedPositions() {
        Finding error = at("SLS-VAL-207", 29);
        assertEquals(Severity.ERROR, error.severity());
        assertEquals("/functions/worker/events/7/stream/startingPosition", error.location().pointer());
        assertTrue(error.message().contains("DynamoDB streams support only LATEST and TRIM_HORIZON"), error.message());
        assertTrue(findings.stream().noneMatch(f -> f.location().line() == 29 && !f.ruleId().equals("SLS-VAL-207")),
                "one finding for the DynamoDB starting position: " + findings);
    }
}
