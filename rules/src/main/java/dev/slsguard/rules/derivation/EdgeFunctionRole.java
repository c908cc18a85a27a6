package dev.slsguard.rules.derivation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.rules.Report;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Consequence of the Lambda@Edge derivation rule: what Serverless Framework v3 adds to
 * {@code IamRoleLambdaExecution} when the service has {@code cloudFront} events. CloudFront's
 * replicas run the functions with the role, and write their logs in the regions where they run.
 */
public final class EdgeFunctionRole {

    /** The service principal of Lambda@Edge replicas. */
    public static final String EDGE_PRINCIPAL = "edgelambda.amazonaws.com";

    /** The log actions, in v3's order. */
    private static final List<String> LOG_ACTIONS = List.of("logs:CreateLogGroup", "logs:CreateLogStream",
            "logs:PutLogEvents", "logs:TagResource");

    private EdgeFunctionRole() {
    }

    /** The trust of Lambda@Edge, then the log statement on every log group of every region. */
    public static void derive(RuleContext kcontext, Collection<?> sources) {
        EventSource first = EventStatements.inEventOrder(sources).get(0);
        String order = StatementOrder.event(first.pluginOrder(), -1, 0);
        Report.trust(kcontext, EventStatements.EXECUTION_ROLE, EDGE_PRINCIPAL, first.ref(), order);
        CfnValue anyLogGroup = CfnValue.of(JsonNodeFactory.instance.objectNode()
                .put("Fn::Sub", "arn:${AWS::Partition}:logs:*:*:*"));
        Report.statement(kcontext, EventStatements.EXECUTION_ROLE, LOG_ACTIONS, List.of(anyLogGroup), Optional.empty(),
                first.ref(), order);
    }
}
