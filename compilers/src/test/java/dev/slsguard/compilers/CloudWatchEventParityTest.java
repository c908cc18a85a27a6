package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.events.CloudWatchEventCompiler;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.CloudwatchEvent;
import dev.slsguard.engine.model.EventSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity of the cloudwatchEvent resources of corpus case 11, which also holds schedule and
 * cloudwatchLog events: every rule and permission the cloudwatchEvent compiler writes equals v3's,
 * with the same keys in the same order, and the rules come in v3's relative order.
 */
class CloudWatchEventParityTest {

    private static final Predicate<String> CLOUDWATCH_EVENT_ID =
            id -> id.matches(".+(EventsRuleCloudWatchEvent|LambdaPermissionEventsRuleCloudWatchEvent)\\d+");

    @TempDir
    Path dir;

    @Test
    void case11CloudWatchEventRulesAndPermissionsEqualV3s() throws IOException {
        ParityTest.ParityCase c = ParityTest.load("11-schedule-and-cloudwatch");
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml()));
        ObjectNode actual = TemplateNormalizer.normalize(TemplateMerger.merge(compilation.draft(),
                ParityTest.statements(compilation.facts())));
        ObjectNode expected = TemplateNormalizer.normalize(c.expected());

        List<String> theirs = ids(expected.get("Resources"));
        List<String> mine = ids(actual.get("Resources"));
        assertEquals(8, theirs.size(), "v3's cloudwatchEvent resources in case 11");
        assertEquals(theirs, mine, "cloudwatchEvent resources, in v3's order");
        for (String id : theirs) {
            JsonNode expectedResource = expected.get("Resources").get(id);
            JsonNode actualResource = actual.get("Resources").get(id);
            assertEquals(TemplateNormalizer.pretty(expectedResource), TemplateNormalizer.pretty(actualResource), id);
            ParityTest.assertSameKeyOrder(expectedResource, actualResource, "/Resources/" + id);
        }
    }

    @Test
    void case11CloudWatchEventFactsNameTheirRulesAndInvocations() throws IOException {
        ParityTest.ParityCase c = ParityTest.load("11-schedule-and-cloudwatch");
        Compilation compilation = new ServerlessCompiler(List.of(new CloudWatchEventCompiler()))
                .compile(LoadedDocuments.resolved(dir, c.yaml()));
        List<CloudwatchEvent> events = compilation.facts().stream().filter(CloudwatchEvent.class::isInstance)
                .map(CloudwatchEvent.class::cast).toList();
        assertEquals(List.of("WatcherEventsRuleCloudWatchEvent1", "WatcherEventsRuleCloudWatchEvent2",
                "WatcherEventsRuleCloudWatchEvent3", "WatcherEventsRuleCloudWatchEvent4"),
                events.stream().map(CloudwatchEvent::ruleId).toList());
        assertEquals("ops-jobs-codepipeline-failed", events.get(1).name().orElseThrow());
        assertFalse(events.get(1).enabled());
        assertEquals("{\"source\":[\"aws.ec2\"],\"detail-type\":[\"EC2 Instance State-change Notification\"],"
                + "\"detail\":{\"state\":[\"pending\",\"stopped\"]}}", events.get(0).eventPattern().toString());
        List<EventSource> sources = compilation.facts().stream().filter(EventSource.class::isInstance)
                .map(EventSource.class::cast).filter(s -> s.kind().equals(EventSource.CLOUDWATCH_EVENT_RULE))
                .toList();
        assertEquals(4, sources.size());
        assertEquals("{\"Fn::GetAtt\":[\"WatcherEventsRuleCloudWatchEvent3\",\"Arn\"]}",
                sources.get(2).arn().toJson().toString());
    }

    private static List<String> ids(JsonNode resources) {
        List<String> ids = new ArrayList<>();
        resources.fieldNames().forEachRemaining(id -> {
            if (CLOUDWATCH_EVENT_ID.test(id)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
