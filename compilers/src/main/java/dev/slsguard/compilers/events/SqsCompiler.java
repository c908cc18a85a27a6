package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.SqsEvent;
import java.util.Optional;

/**
 * {@code sqs} events ({@code package/compile/events/sqs.js}): one
 * {@code AWS::Lambda::EventSourceMapping} per event, {@code <Fn>EventSourceMappingSQS<QueueName>}
 * (two events of one function on the same queue merge into one, as in v3). The service-wide
 * statement on all queues is derived by rules from the {@code sqs-queue} event sources.
 */
public final class SqsCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public EventType eventType() {
        return EventType.SQS;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        EventConfig config = EventConfig.of(event.config());
        if (config.arn().isEmpty()) {
            return CompileResult.SKIPPED; // no arn: the schema validation reports it
        }
        JsonNode arn = NodeJson.toJson(config.arn().get());
        Optional<String> queueName = Naming.queueName(arn);
        if (queueName.isEmpty()) {
            return config.unreadableArn(event, "Fn::GetAtt, Fn::ImportValue of a name or the last element of"
                    + " Fn::Join", refHint(arn, context));
        }
        FunctionSettings function = event.function();
        String logicalId = Naming.queueLogicalId(function.key(), queueName.get());

        ObjectNode mapping = EventSourceMappings.start(function, config);
        ObjectNode properties = (ObjectNode) mapping.get("Properties");
        JsonNode window = config.option("maximumBatchingWindow");
        if (Js.present(window)) {
            properties.set("MaximumBatchingWindowInSeconds", window);
        }
        properties.set("EventSourceArn", arn);
        properties.set("FunctionName", function.target());
        JsonNode enabled = config.option("enabled");
        properties.set("Enabled", enabled != null ? enabled : JSON.booleanNode(true));
        JsonNode responseType = config.option("functionResponseType");
        if (Js.present(responseType)) {
            properties.putArray("FunctionResponseTypes").add(responseType);
        }
        FilterCriteria.of(config.option("filterPatterns")).ifPresent(c -> properties.set("FilterCriteria", c));
        JsonNode maximumConcurrency = config.option("maximumConcurrency");
        if (Js.truthy(maximumConcurrency)) {
            properties.putObject("ScalingConfig").set("MaximumConcurrency", maximumConcurrency);
        }
        context.mergeResource(logicalId, mapping, Optional.of(function.key()), event.ref());

        SourceRef arnRef = config.arn().get().ref();
        CfnValue queue = CfnValue.of(arn);
        context.addEventFact(new SqsEvent(function.key(), event.index(), queue, queueName.get(), logicalId,
                event.options(), event.ref(), arnRef));
        context.addEventFact(event.source(EventSource.SQS_QUEUE, queue, arnRef));
        return CompileResult.COMPILED;
    }

    /** For an {@code arn} given as {@code Ref}: a queue's Ref is its URL, not its ARN. */
    private static String refHint(JsonNode arn, CompileContext context) {
        JsonNode ref = arn.get("Ref");
        if (ref == null) {
            return "";
        }
        String target = ref.isTextual() ? ref.textValue() : "";
        boolean queue = context.settings().root().at("resources", "Resources", target, "Type")
                .map(NodeJson::toJson).filter(t -> t.asText().equals("AWS::SQS::Queue")).isPresent();
        return queue ? "; and Ref of a queue is its URL, not its ARN: use !GetAtt " + target + ".Arn"
                : "; use Fn::Join or Fn::GetAtt to build the ARN";
    }
}
