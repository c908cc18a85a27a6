package dev.slsguard.compilers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.StatementOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Test-only stand-in for the derivation rules: builds v3's sqs and stream statements from the
 * compiler's {@code EventSource} facts, to prove those facts carry everything needed.
 *
 * <ul>
 *   <li>stream (plugin order 5): per function, one statement per kind in this order (only kinds
 *       with sources): dynamodb-stream, kinesis-stream, kinesis-consumer-stream, kinesis-consumer,
 *       on-failure-sns, on-failure-sqs; resources in event order; orderKey
 *       {@code event(5, functionIndex, kindPosition)};</li>
 *   <li>sqs (plugin order 19): one statement for the whole service, resources in function then
 *       event order; orderKey {@code event(19, -1, 0)}.</li>
 * </ul>
 * Nothing is derived when the service has no execution role.
 */
final class V3EventStatements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> STREAM_KINDS = List.of(EventSource.DYNAMODB_STREAM, EventSource.KINESIS_STREAM,
            EventSource.KINESIS_CONSUMER_STREAM, EventSource.KINESIS_CONSUMER, EventSource.ON_FAILURE_SNS,
            EventSource.ON_FAILURE_SQS);
    private static final List<List<String>> STREAM_ACTIONS = List.of(
            List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"),
            List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListStreams"),
            List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"),
            List.of("kinesis:SubscribeToShard"),
            List.of("sns:Publish"),
            List.of("sqs:ListQueues", "sqs:SendMessage"));

    private V3EventStatements() {
    }

    static List<IamStatement> derive(List<Object> facts) {
        Service service = facts.stream().filter(Service.class::isInstance).map(Service.class::cast).findFirst()
                .orElseThrow();
        List<IamStatement> out = new ArrayList<>();
        if (!service.executionRole()) {
            return out;
        }
        List<EventSource> sources = new ArrayList<>(facts.stream().filter(EventSource.class::isInstance)
                .map(EventSource.class::cast).toList());
        sources.sort(Comparator.comparingInt(EventSource::functionIndex).thenComparingInt(EventSource::eventIndex));

        TreeSet<Integer> functions = new TreeSet<>();
        sources.stream().filter(s -> s.eventType().equals("stream")).forEach(s -> functions.add(s.functionIndex()));
        for (int function : functions) {
            for (int kind = 0; kind < STREAM_KINDS.size(); kind++) {
                String kindName = STREAM_KINDS.get(kind);
                List<EventSource> matching = sources.stream().filter(s -> s.eventType().equals("stream")
                        && s.functionIndex() == function && s.kind().equals(kindName)).toList();
                if (!matching.isEmpty()) {
                    out.add(statement(STREAM_ACTIONS.get(kind), matching, StatementOrder.event(5, function, kind)));
                }
            }
        }
        List<EventSource> queues = sources.stream().filter(s -> s.kind().equals(EventSource.SQS_QUEUE)).toList();
        if (!queues.isEmpty()) {
            out.add(statement(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"), queues,
                    StatementOrder.event(19, -1, 0)));
        }
        return out;
    }

    private static IamStatement statement(List<String> actions, List<EventSource> sources, String orderKey) {
        ObjectNode document = JSON.objectNode();
        document.put("Effect", "Allow");
        ArrayNode actionList = document.putArray("Action");
        actions.forEach(actionList::add);
        ArrayNode resources = document.putArray("Resource");
        sources.forEach(s -> resources.add(s.arn().toJson()));
        return new IamStatement("IamRoleLambdaExecution", "Allow", actions, sources.stream().map(EventSource::arn).toList(),
                document, IamStatement.DERIVED, "test-derivation", Optional.empty(), sources.get(0).ref(), orderKey);
    }
}
