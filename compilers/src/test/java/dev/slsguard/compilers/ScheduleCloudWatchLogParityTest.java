package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.RoleTrust;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.StatementOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity of case 11 (schedule, cloudwatchEvent, cloudwatchLog) while cloudwatchEvent is not
 * compiled here: every resource we produce, the execution role included (its scheduler trust and
 * {@code lambda:InvokeFunction} statement, derived here the way the SLS-DRV-04x rules derive them),
 * equals v3's, in v3's order, and v3's other resources are exactly the cloudwatchEvent ones; and
 * our own service 95 (schedule and cloudwatchLog with stage, region, params and variables) whole.
 */
class ScheduleCloudWatchLogParityTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    @Test
    void scheduleAndCloudWatchLogResourcesAndRoleMatchV3() throws IOException {
        List<String> cloudwatchEvent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            cloudwatchEvent.add("WatcherEventsRuleCloudWatchEvent" + i);
            cloudwatchEvent.add("WatcherLambdaPermissionEventsRuleCloudWatchEvent" + i);
        }
        ParityTest.ParityCase c = ParityTest.load("11-schedule-and-cloudwatch");
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml()));
        List<IamStatement> all = new ArrayList<>(ParityTest.statements(compilation.facts()));
        all.addAll(V3EventStatements.derive(compilation.facts()));
        all.addAll(schedulerStatements(compilation.facts()));
        ObjectNode actual = TemplateNormalizer.normalize(TemplateMerger.merge(compilation.draft(), all,
                schedulerTrust(compilation.facts())));
        ObjectNode expected = TemplateNormalizer.normalize(c.expected());

        for (String section : List.of("Resources", "Outputs")) {
            JsonNode mine = actual.get(section);
            JsonNode theirs = expected.get(section);
            List<String> expectedOnly = new ArrayList<>();
            List<String> theirOrder = new ArrayList<>();
            theirs.properties().forEach(e -> (mine.has(e.getKey()) ? theirOrder : expectedOnly).add(e.getKey()));
            List<String> myOrder = new ArrayList<>();
            mine.properties().forEach(e -> myOrder.add(e.getKey()));
            assertEquals(theirOrder, myOrder, section + ": ours, in v3's order");
            assertEquals(section.equals("Resources") ? cloudwatchEvent : List.of(), expectedOnly,
                    section + " only v3 has");
            for (String id : myOrder) {
                assertEquals(TemplateNormalizer.pretty(theirs.get(id)), TemplateNormalizer.pretty(mine.get(id)),
                        section + "." + id);
                ParityTest.assertSameKeyOrder(theirs.get(id), mine.get(id), "/" + section + "/" + id);
            }
        }
    }

    @Test
    void ownServiceWithVariablesMatchesV3Whole() throws IOException {
        ParityTest.ParityCase c = ParityTest.load("95-schedule-cloudwatch-log-vars");
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml()));
        List<IamStatement> all = new ArrayList<>(ParityTest.statements(compilation.facts()));
        all.addAll(V3EventStatements.derive(compilation.facts()));
        all.addAll(schedulerStatements(compilation.facts()));
        ObjectNode actual = TemplateMerger.merge(compilation.draft(), all, schedulerTrust(compilation.facts()));
        assertEquals(ParityTest.normalized(c.expected()), ParityTest.normalized(actual));
        ParityTest.assertSameKeyOrder(TemplateNormalizer.normalize(c.expected()), TemplateNormalizer.normalize(actual),
                "");
    }

    /** v3's one {@code lambda:InvokeFunction} statement: each scheduler function's ARN and ARN:*. */
    static List<IamStatement> schedulerStatements(List<Object> facts) {
        List<EventSource> targets = schedulerTargets(facts);
        if (targets.isEmpty()) {
            return List.of();
        }
        ObjectNode document = JSON.objectNode();
        document.put("Effect", "Allow");
        document.putArray("Action").add("lambda:InvokeFunction");
        ArrayNode resources = document.putArray("Resource");
        List<CfnValue> values = new ArrayList<>();
        String lastFunction = null;
        for (EventSource target : targets) {
            if (target.function().equals(lastFunction)) {
                continue;
            }
            lastFunction = target.function();
            String template = target.arn().toJson().get("Fn::Sub").textValue();
            for (String arn : List.of(template, template + ":*")) {
                JsonNode sub = JSON.objectNode().put("Fn::Sub", arn);
                resources.add(sub);
                values.add(CfnValue.of(sub));
            }
        }
        return List.of(new IamStatement("IamRoleLambdaExecution", "Allow", List.of("lambda:InvokeFunction"), values,
                document, IamStatement.DERIVED, "test-derivation", Optional.empty(), targets.get(0).ref(),
                StatementOrder.event(0, -1, 0)));
    }

    static List<RoleTrust> schedulerTrust(List<Object> facts) {
        List<EventSource> targets = schedulerTargets(facts);
        return targets.isEmpty() ? List.of() : List.of(new RoleTrust("IamRoleLambdaExecution",
                "scheduler.amazonaws.com", "test-derivation", targets.get(0).ref(), StatementOrder.event(0, -1, 0)));
    }

    private static List<EventSource> schedulerTargets(List<Object> facts) {
        boolean role = facts.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .anyMatch(Service::executionRole);
        if (!role) {
            return List.of();
        }
        List<EventSource> targets = new ArrayList<>(facts.stream().filter(EventSource.class::isInstance)
                .map(EventSource.class::cast).filter(s -> s.kind().equals(EventSource.SCHEDULER_TARGET)).toList());
        targets.sort(Comparator.comparingInt(EventSource::functionIndex).thenComparingInt(EventSource::eventIndex));
        return targets;
    }
}
