package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.model.SnsEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * v3's quirks in the sns and cloudwatchEvent compilers, on a service whose template v3.40.0 packaged
 * ({@code sns-cloudwatch-event-edges/}): a created topic whose first event has a filter (the
 * inline list starts with a later event), one function subscribed twice to one topic, topic names
 * that normalise to one logical id (merged), the topic name taken from {@code topicName} over the
 * ARN, an ARN with an empty region, cloudwatchEvent numbering between other events, a falsy input
 * beside inputPath, a SnapStart alias. The whole template, the sqs event's statement included,
 * is compared through the rules by cli's {@code PipelineParityTest}.
 */
class SnsCloudWatchEventEdgesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE = "/parity/sns-cloudwatch-event-edges/";

    @TempDir
    Path dir;

    @Test
    void templateWithoutEventStatementsEqualsWhatV3Packaged() throws IOException {
        ParityTest.Compared compared = ParityTest.withoutDerivedStatements(dir, text("serverless.yml"),
                (ObjectNode) MAPPER.readTree(text("expected.json")));
        assertEquals(TemplateNormalizer.pretty(compared.expected()), TemplateNormalizer.pretty(compared.actual()));
        ParityTest.assertSameKeyOrder(compared.expected(), compared.actual(), "");
    }

    @Test
    void snsFactsTellCreatedFromExistingTopicsAndWhereTheSubscriptionIs() throws IOException {
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, text("serverless.yml")));
        List<SnsEvent> events = compilation.facts().stream().filter(SnsEvent.class::isInstance)
                .map(SnsEvent.class::cast).toList();
        assertEquals(7, events.size());
        SnsEvent first = events.get(0);
        assertEquals("SNSTopicOrderevents", first.topicId().orElseThrow());
        assertEquals("DispatcherSnsSubscriptionOrderevents", first.subscriptionId().orElseThrow());
        SnsEvent inline = events.get(1);
        assertEquals(true, inline.created());
        assertEquals(true, inline.subscriptionId().isEmpty());
        SnsEvent weird = events.get(4);
        assertEquals(false, weird.created());
        assertEquals("weird", weird.region().orElseThrow()); // v3 reads the name as the region here
        SnsEvent renamed = events.get(5);
        assertEquals("renamed-local", renamed.topicName());
        assertEquals("arn:aws:sns:us-east-2:123456789012:local", renamed.topicArn().literal().orElseThrow());
        SnsEvent imported = events.get(6);
        assertEquals("{\"Fn::ImportValue\":\"arn:aws:sqs:us-east-2:123456789012:imp-dlq\"}",
                imported.deadLetterTarget().orElseThrow().toJson().toString());
        assertEquals("OrdereventsToThirdDLQPolicy", imported.queuePolicyId().orElseThrow());
    }

    private static String text(String file) throws IOException {
        try (InputStream in = SnsCloudWatchEventEdgesTest.class.getResourceAsStream(BASE + file)) {
            assertNotNull(in, "missing " + BASE + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
