package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.model.CloudWatchLogEvent;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.ScheduleEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schedule and cloudwatchLog events v3 refuses, and the facts rules read. */
class ScheduleCloudWatchLogEdgeCasesTest {

    @TempDir
    Path dir;

    private Compilation compile(String functions) {
        return new ServerlessCompiler().compile(LoadedDocuments.resolved(dir,
                "service: edge\nprovider:\n  name: aws\n  runtime: nodejs18.x\nfunctions:\n" + functions));
    }

    private static List<String> ids(Compilation compilation, String type) {
        return compilation.draft().resources().stream().filter(r -> r.type().equals(type))
                .map(Resource::logicalId).toList();
    }

    private static <T> List<T> facts(Compilation compilation, Class<T> type) {
        return compilation.facts().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void eventsV3RefusesAddNothing() {
        Compilation compilation = compile("""
                  f:
                    handler: h.f
                    events:
                      - schedule: {name: one, rate: [rate(1 hour), rate(2 hours)]}
                      - schedule: {method: scheduler, rate: [rate(1 hour)], inputPath: $.x}
                      - schedule: {rate: [rate(1 hour)], timezone: Europe/Paris}
                      - schedule: {rate: [rate(1 hour)], description: 'say "hi"'}
                      - schedule: {rate: [rate(1 hour)], input: {body: 'not json'}}
                      - schedule: {rate: [rate(3 hours)], input: {body: '{"a": 1}'}}
                """);
        assertEquals(List.of("FEventsRuleSchedule1"), ids(compilation, "AWS::Events::Rule"));
        assertEquals(List.of(), ids(compilation, "AWS::Scheduler::Schedule"));
        assertEquals(1, facts(compilation, ScheduleEvent.class).size());
    }

    @Test
    void schedulerEventsGiveOneTargetSourcePerEventWithTheFunctionArn() {
        Compilation compilation = compile("""
                  f:
                    handler: h.f
                    name: custom-name
                    events:
                      - schedule: {method: scheduler, rate: [rate(1 hour), rate(2 hours)]}
                      - schedule: rate(3 hours)
                      - schedule: {method: scheduler, rate: []}
                """);
        assertEquals(List.of("FSchedulerSchedule1", "FSchedulerSchedule2"),
                ids(compilation, "AWS::Scheduler::Schedule"));
        assertEquals(List.of("FEventsRuleSchedule3"), ids(compilation, "AWS::Events::Rule"));
        List<EventSource> sources = facts(compilation, EventSource.class);
        assertEquals(1, sources.size());
        assertEquals(EventSource.SCHEDULER_TARGET, sources.get(0).kind());
        assertEquals("{\"Fn::Sub\":\"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:custom-name\"}",
                sources.get(0).arn().toJson().toString());
    }

    @Test
    void subscriptionsCountPerLogGroupAcrossFunctions() {
        Compilation compilation = compile("""
                  f:
                    handler: h.f
                    events:
                      - cloudwatchLog: /shared
                      - cloudwatchLog: {logGroup: /other}
                      - cloudwatchLog: /shared
                  g:
                    handler: h.g
                    events:
                      - cloudwatchLog: /shared
                      - cloudwatchLog: {filter: x}
                """);
        List<CloudWatchLogEvent> events = facts(compilation, CloudWatchLogEvent.class);
        assertEquals(List.of(1, 1, 2, 3), events.stream().map(CloudWatchLogEvent::occurrence).toList());
        assertEquals(List.of("FLogsSubscriptionFilterCloudWatchLog1", "FLambdaPermissionLogsSubscriptionFilterCloudWatchLog",
                        "FLogsSubscriptionFilterCloudWatchLog2", "FLogsSubscriptionFilterCloudWatchLog3",
                        "GLogsSubscriptionFilterCloudWatchLog1", "GLambdaPermissionLogsSubscriptionFilterCloudWatchLog"),
                compilation.draft().resources().stream().map(Resource::logicalId)
                        .filter(id -> id.contains("CloudWatchLog")).toList());
        String prefix = compilation.draft().resources().stream()
                .filter(r -> r.logicalId().equals("FLambdaPermissionLogsSubscriptionFilterCloudWatchLog")).findFirst()
                .orElseThrow().definition().at("/Properties/SourceArn/Fn::Join/1/7").asText();
        assertEquals("/*", prefix);
    }
}
