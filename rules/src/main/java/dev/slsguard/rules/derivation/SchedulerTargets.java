package dev.slsguard.rules.derivation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.rules.Report;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Consequences of the EventBridge Scheduler derivation rules: what Serverless Framework v3 adds to
 * {@code IamRoleLambdaExecution} when any {@code schedule} event uses {@code method: scheduler}.
 */
public final class SchedulerTargets {

    /** The scheduler's service principal. */
    public static final String SCHEDULER_PRINCIPAL = "scheduler.amazonaws.com";

    private SchedulerTargets() {
    }

    /**
     * One {@code lambda:InvokeFunction} statement for the service: each function with a scheduler
     * event once, in function order, as its ARN and its ARN with {@code :*} (any version or alias).
     */
    public static void invokeStatement(RuleContext kcontext, Collection<?> sources) {
        List<EventSource> ordered = EventStatements.inEventOrder(sources);
        Set<String> functions = new LinkedHashSet<>();
        List<CfnValue> resources = new ArrayList<>();
        for (EventSource source : ordered) {
            JsonNode sub = source.arn().toJson().get("Fn::Sub");
            if (!functions.add(source.function()) || sub == null || !sub.isTextual()) {
                continue;
            }
            resources.add(CfnValue.of(JsonNodeFactory.instance.objectNode().put("Fn::Sub", sub.textValue())));
            resources.add(CfnValue.of(JsonNodeFactory.instance.objectNode().put("Fn::Sub", sub.textValue() + ":*")));
        }
        Report.statement(kcontext, EventStatements.EXECUTION_ROLE, List.of("lambda:InvokeFunction"), resources,
                Optional.empty(), ordered.get(0).ref(), StatementOrder.event(ordered.get(0).pluginOrder(), -1, 0));
    }

    /** The scheduler may assume the execution role. */
    public static void trust(RuleContext kcontext, Collection<?> sources) {
        List<EventSource> ordered = EventStatements.inEventOrder(sources);
        Report.trust(kcontext, EventStatements.EXECUTION_ROLE, SCHEDULER_PRINCIPAL, ordered.get(0).ref(),
                StatementOrder.event(ordered.get(0).pluginOrder(), -1, 0));
    }
}
