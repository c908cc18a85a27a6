package dev.slsguard.rules.derivation;

import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.rules.Report;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Consequences of the derivation rules: turn the event sources a rule collected into the statement
 * Serverless Framework v3 adds to {@code IamRoleLambdaExecution}. Resources keep the order of
 * functions and events (never the order Drools collected them in) and repeat as v3 repeats them.
 */
public final class EventStatements {

    /** The default execution role v3 creates. */
    public static final String EXECUTION_ROLE = "IamRoleLambdaExecution";

    private static final Comparator<EventSource> EVENT_ORDER = Comparator
            .comparingInt(EventSource::functionIndex)
            .thenComparingInt(EventSource::eventIndex)
            .thenComparing(EventSource::ref, SourceRef.DOCUMENT_ORDER);

    private EventStatements() {
    }

    /**
     * One statement for one function's sources (they all belong to the same function and event
     * type, whose plugin order places the statement).
     *
     * @param kind the statement's position among those the event type adds per function
     */
    public static void perFunction(RuleContext kcontext, Collection<?> sources, List<String> actions, int kind) {
        List<EventSource> ordered = inEventOrder(sources);
        EventSource first = ordered.get(0);
        Report.statement(kcontext, EXECUTION_ROLE, actions, arns(ordered), Optional.of(first.function()),
                first.ref(), StatementOrder.event(first.pluginOrder(), first.functionIndex(), kind));
    }

    /**
     * One statement for the sources of every function (v3's single sqs statement); they are all of
     * one event type, whose plugin order places the statement.
     *
     * @param kind the statement's position among those the event type adds for the service
     */
    public static void serviceWide(RuleContext kcontext, Collection<?> sources, List<String> actions, int kind) {
        List<EventSource> ordered = inEventOrder(sources);
        Report.statement(kcontext, EXECUTION_ROLE, actions, arns(ordered), Optional.empty(),
                ordered.get(0).ref(), StatementOrder.event(ordered.get(0).pluginOrder(), -1, kind));
    }

    /**
     * The sources sorted by function position, then event position, then (several sources of one
     * event, such as a kafka event's secrets) where they were written.
     */
    public static List<EventSource> inEventOrder(Collection<?> sources) {
        List<EventSource> ordered = new ArrayList<>();
        for (Object source : sources) {
            ordered.add((EventSource) source);
        }
        ordered.sort(EVENT_ORDER);
        return ordered;
    }

    private static List<CfnValue> arns(List<EventSource> ordered) {
        return ordered.stream().map(EventSource::arn).toList();
    }
}
