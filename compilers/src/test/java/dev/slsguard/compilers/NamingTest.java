package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void alphaNumericOnlyDropsWhatTheCharacterClassDoes() {
        String[] names = {"", "plain", "Orders-Queue_1", "-leading", "trailing.", "ab+c/12=3", "caf\u00e9 \u2192 9",
            "\ud83d\ude80rocket", "---", "a1-b2-c3"};
        for (String name : names) {
            assertEquals(name.replaceAll("[^0-9A-Za-z]", ""), Naming.alphaNumericOnly(name), name);
        }
        assertEquals("Ordersqueue1", Naming.normalizeNameToAlphaNumericOnly("orders-queue_1"));
    }

    @Test
    void normalizesFunctionNamesLikeV3() {
        assertEquals("MyDashfnUnderscorex", Naming.normalizedFunctionName("my-fn_x"));
        assertEquals("Ingest", Naming.normalizedFunctionName("ingest"));
        assertEquals("IngestLambdaFunction", Naming.lambdaLogicalId("ingest"));
        assertEquals("MyDashfnLogGroup", Naming.logGroupLogicalId("my-fn"));
        assertEquals("IngestProvConcLambdaAlias", Naming.provisionedConcurrencyAliasLogicalId("ingest"));
        assertEquals("IngestLambdaFunctionQualifiedArn", Naming.lambdaVersionOutputId("ingest"));
        assertEquals("IngestLambdaVersionabc123", Naming.lambdaVersionLogicalId("ingest", "ab+c/12=3"));
    }

    @Test
    void alphanumericNormalisationDropsEverythingElse() {
        assertEquals("Orderspriority", Naming.normalizeNameToAlphaNumericOnly("orders-priority"));
        assertEquals("SharedinfraDeadLetterQueueArn",
                Naming.normalizeNameToAlphaNumericOnly("shared-infra-DeadLetterQueueArn"));
        assertEquals("", Naming.normalizeNameToAlphaNumericOnly("--"));
    }

    @Test
    void queueNameFromEveryArnShape() {
        assertEquals(Optional.of("orders-incoming"),
                Naming.queueName(json("\"arn:aws:sqs:us-east-1:123456789012:orders-incoming\"")));
        assertEquals(Optional.of("WorkQueue"), Naming.queueName(json("{\"Fn::GetAtt\":[\"WorkQueue\",\"Arn\"]}")));
        assertEquals(Optional.of("shared-infra-DeadLetterQueueArn"),
                Naming.queueName(json("{\"Fn::ImportValue\":\"shared-infra-DeadLetterQueueArn\"}")));
        assertEquals(Optional.of("audit-queue"), Naming.queueName(json(
                "{\"Fn::Join\":[\":\",[\"arn\",{\"Ref\":\"AWS::Partition\"},\"sqs\",\"audit-queue\"]]}")));
        // v3 fails on these shapes: no name, the event is left uncompiled
        assertEquals(Optional.empty(), Naming.queueName(json("{\"Ref\":\"QueueArnParam\"}")));
        assertEquals(Optional.empty(), Naming.queueName(json("{\"Fn::ImportValue\":{\"Fn::Sub\":\"x-${AWS::Region}\"}}")));
        assertEquals(Optional.empty(), Naming.queueName(json("null")));
    }

    @Test
    void streamNameFromEveryArnShape() {
        assertEquals(Optional.of("raw-clicks"),
                Naming.streamName(json("\"arn:aws:kinesis:us-east-1:123456789012:stream/raw-clicks\"")));
        assertEquals(Optional.of("Sessions"), Naming.streamName(json(
                "\"arn:aws:dynamodb:us-east-1:123456789012:table/Sessions/stream/2024-01-01T00:00:00.000\"")));
        assertEquals(Optional.of("InventoryTable"),
                Naming.streamName(json("{\"Fn::GetAtt\":[\"InventoryTable\",\"StreamArn\"]}")));
        assertEquals(Optional.of("platform-OrdersStreamArn"),
                Naming.streamName(json("{\"Fn::ImportValue\":\"platform-OrdersStreamArn\"}")));
        assertEquals(Optional.of("UpstreamStreamArn"), Naming.streamName(json("{\"Ref\":\"UpstreamStreamArn\"}")));
        assertEquals(Optional.of("partner-feed"), Naming.streamName(json(
                "{\"Fn::Join\":[\"\",[\"arn:aws:kinesis:\",{\"Ref\":\"AWS::Region\"},\":stream/partner-feed\"]]}")));
        assertEquals(Optional.empty(), Naming.streamName(json("\"arn:aws:kinesis:us-east-1:1:nostream\"")));
    }

    @Test
    void streamLogicalIdsAndConsumerNames() {
        assertEquals("AggregateEventSourceMappingKinesisRawclicks",
                Naming.streamLogicalId("aggregate", "kinesis", "raw-clicks"));
        assertEquals("AuditEventSourceMappingDynamodbSessions", Naming.streamLogicalId("audit", "dynamodb", "Sessions"));
        assertEquals("metricsdevice-telemetryConsumer",
                Naming.streamConsumerName("metrics", "device-telemetry", false, "telemetry", "dev"));
        assertEquals("metricsdevice-telemetrytelemetrystagingConsumer",
                Naming.streamConsumerName("metrics", "device-telemetry", true, "telemetry", "staging"));
        assertEquals("MetricsdeviceDashtelemetryConsumerStreamConsumer",
                Naming.streamConsumerLogicalId("metricsdevice-telemetryConsumer"));
    }

    @Test
    void queueLogicalId() {
        assertEquals("IngestEventSourceMappingSQSOrdersincoming", Naming.queueLogicalId("ingest", "orders-incoming"));
        assertEquals("InStackRoleEventSourceMappingSQSRecordsretry",
                Naming.queueLogicalId("inStackRole", "records-retry"));
    }
}
