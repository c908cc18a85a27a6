package dev.slsguard.rules.derivation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.rules.Report;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The EC2 statement Serverless Framework v3 adds for a function whose kafka, msk, activemq or
 * rabbitmq event source mapping reaches its broker inside a VPC: Lambda creates, describes and
 * deletes network interfaces there. v3 writes its resource as the single string {@code "*"}.
 */
public final class NetworkInterfaceStatements {

    /** The actions, in v3's order. */
    public static final List<String> ACTIONS = List.of("ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DeleteNetworkInterface",
            "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups");

    private NetworkInterfaceStatements() {
    }

    /**
     * One statement for one function's {@link EventSource#VPC_NETWORK} sources of one event type.
     *
     * @param kind the statement's position among those the event type adds per function
     */
    public static void perFunction(RuleContext kcontext, Collection<?> sources, int kind) {
        EventSource first = EventStatements.inEventOrder(sources).get(0);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("Effect", "Allow");
        ArrayNode actions = document.putArray("Action");
        ACTIONS.forEach(actions::add);
        document.put("Resource", "*");
        Report.statement(kcontext, EventStatements.EXECUTION_ROLE, document, Optional.of(first.function()),
                first.ref(), StatementOrder.event(first.pluginOrder(), first.functionIndex(), kind));
    }
}
