package dev.slsguard.rules;

import static dev.slsguard.rules.HandFacts.getAtt;
import static dev.slsguard.rules.HandFacts.lit;
import static dev.slsguard.rules.HandFacts.ref;
import static dev.slsguard.rules.HandFacts.service;
import static dev.slsguard.rules.HandFacts.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The derivation packs on hand-built event sources, compared with what v3 wrote (parity cases). */
class DerivationTest {

    private static RuleBase rules;

    @BeforeAll
    static void load() {
        rules = BuiltInPacks.load(List.of());
    }

    private static String documents(RuleOutcome outcome) {
        List<String> docs = new ArrayList<>();
        for (IamStatement s : outcome.statements()) {
            docs.add(s.document().toString());
        }
        return String.join("\n", docs);
    }

    @Test
    void kinesisConsumersAsInCase04() {
        List<Object> facts = new ArrayList<>();
        facts.add(service(true, Optional.empty()));
        // inserted out of order on purpose: the rules must restore function and event order
        facts.add(source("archiver", 2, 0, "stream", EventSource.KINESIS_STREAM,
                lit("arn:aws:kinesis:us-east-1:123456789012:stream/device-telemetry")));
        facts.add(source("alerts", 1, 2, "stream", EventSource.KINESIS_CONSUMER_STREAM, getAtt("HeartbeatStream", "Arn")));
        facts.add(source("alerts", 1, 2, "stream", EventSource.KINESIS_CONSUMER,
                ref("AlertsHeartbeatStreamConsumerStreamConsumer")));
        facts.add(source("alerts", 1, 0, "stream", EventSource.KINESIS_CONSUMER_STREAM,
                lit("arn:aws:kinesis:us-east-1:123456789012:stream/device-telemetry")));
        facts.add(source("alerts", 1, 0, "stream", EventSource.KINESIS_CONSUMER,
                ref("AlertsdeviceDashtelemetryConsumerStreamConsumer")));
        facts.add(source("alerts", 1, 1, "stream", EventSource.KINESIS_CONSUMER_STREAM,
                lit("arn:aws:kinesis:us-east-1:123456789012:stream/device-alarms")));
        facts.add(source("alerts", 1, 1, "stream", EventSource.KINESIS_CONSUMER,
                lit("arn:aws:kinesis:us-east-1:123456789012:stream/device-alarms/consumer/alarms-efo:1700000000")));
        facts.add(source("metrics", 0, 0, "stream", EventSource.KINESIS_CONSUMER_STREAM,
                lit("arn:aws:kinesis:us-east-1:123456789012:stream/device-telemetry")));
        facts.add(source("metrics", 0, 0, "stream", EventSource.KINESIS_CONSUMER,
                ref("MetricsdeviceDashtelemetryConsumerStreamConsumer")));

        RuleOutcome outcome = rules.run(facts);

        assertEquals(String.join("\n",
                "{\"Effect\":\"Allow\",\"Action\":[\"kinesis:GetRecords\",\"kinesis:GetShardIterator\",\"kinesis:DescribeStreamSummary\",\"kinesis:ListShards\"],\"Resource\":[\"arn:aws:kinesis:us-east-1:123456789012:stream/device-telemetry\"]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"kinesis:SubscribeToShard\"],\"Resource\":[{\"Ref\":\"MetricsdeviceDashtelemetryConsumerStreamConsumer\"}]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"kinesis:GetRecords\",\"kinesis:GetShardIterator\",\"kinesis:DescribeStreamSummary\",\"kinesis:ListShards\"],\"Resource\":[\"arn:aws:kinesis:us-east-1:123456789012:stream/device-telemetry\",\"arn:aws:kinesis:us-east-1:123456789012:stream/device-alarms\",{\"Fn::GetAtt\":[\"HeartbeatStream\",\"Arn\"]}]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"kinesis:SubscribeToShard\"],\"Resource\":[{\"Ref\":\"AlertsdeviceDashtelemetryConsumerStreamConsumer\"},\"arn:aws:kinesis:us-east-1:123456789012:stream/device-alarms/consumer/alarms-efo:1700000000\",{\"Ref\":\"AlertsHeartbeatStreamConsumerStreamConsumer\"}]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"kinesis:GetRecords\",\"kinesis:GetShardIterator\",\"kinesis:DescribeStream\",\"kinesis:ListStreams\"],\"Resource\":[\"arn:aws:kinesis:us-east-1:123456789012:stream/device-telemetry\"]}"),
                documents(outcome));
        IamStatement first = outcome.statements().get(0);
        assertEquals("SLS-DRV-003", first.source());
        assertEquals(IamStatement.DERIVED, first.origin());
        assertEquals("IamRoleLambdaExecution", first.role());
        assertEquals(Optional.of("metrics"), first.function());
        assertEquals(outcome.statements().get(2).ref(), HandFacts.at(200), "ref is the function's first event");
        assertTrue(outcome.findings().isEmpty());
    }

    @Test
    void streamKindsPerFunctionThenSqsForTheService() {
        List<Object> facts = new ArrayList<>();
        facts.add(service(true, Optional.empty()));
        facts.add(source("audit", 1, 0, "stream", EventSource.ON_FAILURE_SNS, getAtt("AuditFailureTopic", "TopicArn")));
        facts.add(source("audit", 1, 0, "stream", EventSource.DYNAMODB_STREAM,
                lit("arn:aws:dynamodb:us-east-1:123456789012:table/Sessions/stream/2024-01-01T00:00:00.000")));
        facts.add(source("aggregate", 0, 1, "stream", EventSource.ON_FAILURE_SQS,
                lit("arn:aws:sqs:us-east-1:123456789012:clicks-dlq")));
        facts.add(source("aggregate", 0, 1, "stream", EventSource.KINESIS_STREAM,
                lit("arn:aws:kinesis:us-east-1:123456789012:stream/enriched-clicks")));
        facts.add(source("aggregate", 0, 0, "stream", EventSource.KINESIS_STREAM,
                lit("arn:aws:kinesis:us-east-1:123456789012:stream/raw-clicks")));
        facts.add(source("audit", 1, 3, "sqs", EventSource.SQS_QUEUE, lit("arn:aws:sqs:us-east-1:1:c")));
        facts.add(source("aggregate", 0, 4, "sqs", EventSource.SQS_QUEUE, lit("arn:aws:sqs:us-east-1:1:b")));
        facts.add(source("aggregate", 0, 2, "sqs", EventSource.SQS_QUEUE, lit("arn:aws:sqs:us-east-1:1:a")));
        facts.add(source("audit", 1, 1, "sqs", EventSource.SQS_QUEUE, lit("arn:aws:sqs:us-east-1:1:a")));

        RuleOutcome outcome = rules.run(facts);

        assertEquals(String.join("\n",
                "{\"Effect\":\"Allow\",\"Action\":[\"kinesis:GetRecords\",\"kinesis:GetShardIterator\",\"kinesis:DescribeStream\",\"kinesis:ListStreams\"],\"Resource\":[\"arn:aws:kinesis:us-east-1:123456789012:stream/raw-clicks\",\"arn:aws:kinesis:us-east-1:123456789012:stream/enriched-clicks\"]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"sqs:ListQueues\",\"sqs:SendMessage\"],\"Resource\":[\"arn:aws:sqs:us-east-1:123456789012:clicks-dlq\"]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetRecords\",\"dynamodb:GetShardIterator\",\"dynamodb:DescribeStream\",\"dynamodb:ListStreams\"],\"Resource\":[\"arn:aws:dynamodb:us-east-1:123456789012:table/Sessions/stream/2024-01-01T00:00:00.000\"]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"sns:Publish\"],\"Resource\":[{\"Fn::GetAtt\":[\"AuditFailureTopic\",\"TopicArn\"]}]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"],\"Resource\":[\"arn:aws:sqs:us-east-1:1:a\",\"arn:aws:sqs:us-east-1:1:b\",\"arn:aws:sqs:us-east-1:1:a\",\"arn:aws:sqs:us-east-1:1:c\"]}"),
                documents(outcome));
        IamStatement sqs = outcome.statements().get(4);
        assertEquals("SLS-DRV-007", sqs.source());
        assertEquals(Optional.empty(), sqs.function());
        assertEquals(HandFacts.at(102), sqs.ref());
    }

    @Test
    void noStatementsWithoutTheDefaultExecutionRole() {
        RuleOutcome outcome = rules.run(List.of(service(false, Optional.empty()),
                source("f", 0, 0, "sqs", EventSource.SQS_QUEUE, lit("arn:aws:sqs:us-east-1:1:a")),
                source("f", 0, 1, "stream", EventSource.DYNAMODB_STREAM, lit("arn:aws:dynamodb:us-east-1:1:table/T/stream/x"))));
        assertTrue(outcome.statements().isEmpty());
    }
}
