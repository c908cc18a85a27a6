package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StreamEvent;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code stream} events, DynamoDB and Kinesis ({@code package/compile/events/stream.js}): one
 * {@code AWS::Lambda::EventSourceMapping} per event,
 * {@code <Fn>EventSourceMapping<Type><StreamName>}, plus an {@code AWS::Kinesis::StreamConsumer}
 * for {@code consumer: true} on Kinesis. Event sources (stream, consumer, onFailure destination)
 * carry what the derivation rules need for v3's per-function statements.
 */
public final class StreamCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public EventType eventType() {
        return EventType.STREAM;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        EventConfig config = EventConfig.of(event.config());
        if (config.arn().isEmpty()) {
            return CompileResult.SKIPPED; // no arn: the schema validation reports it
        }
        JsonNode arn = NodeJson.toJson(config.arn().get());
        JsonNode typeOption = config.option("type");
        String streamType;
        if (Js.truthy(typeOption)) {
            streamType = typeOption.isTextual() ? typeOption.textValue() : Js.stringify(typeOption);
        } else if (arn.isTextual()) {
            streamType = Naming.arnService(arn.textValue()).orElse("");
        } else {
            return CompileResult.SKIPPED; // v3 fails on an intrinsic ARN without type; the schema reports it
        }
        Optional<String> streamName = Naming.streamName(arn);
        if (streamName.isEmpty()) {
            return config.unreadableArn(event, "Fn::GetAtt, Ref, Fn::ImportValue of a name or the last element"
                    + " of Fn::Join", "");
        }
        FunctionSettings function = event.function();
        ServiceSettings settings = context.settings();
        String logicalId = Naming.streamLogicalId(function.key(), streamType, streamName.get());
        boolean dynamodb = streamType.equals("dynamodb");

        ObjectNode mapping = EventSourceMappings.start(function, config);
        ObjectNode properties = (ObjectNode) mapping.get("Properties");
        JsonNode enabled = config.option("enabled");
        properties.set("Enabled", enabled != null ? enabled : JSON.booleanNode(true));
        properties.set("EventSourceArn", arn);
        properties.set("FunctionName", function.target());
        JsonNode parallelization = config.option("parallelizationFactor");
        if (Js.truthy(parallelization)) {
            properties.set("ParallelizationFactor", parallelization);
        }
        JsonNode startingPosition = config.option("startingPosition");
        properties.set("StartingPosition", Js.truthy(startingPosition) ? startingPosition
                : JSON.textNode("TRIM_HORIZON"));

        JsonNode consumer = config.option("consumer");
        boolean consumerSet = Js.truthy(consumer);
        SourceRef arnRef = config.arn().get().ref();
        List<EventSource> sources = new ArrayList<>();
        String streamKind = dynamodb ? EventSource.DYNAMODB_STREAM
                : consumerSet ? EventSource.KINESIS_CONSUMER_STREAM : EventSource.KINESIS_STREAM;
        sources.add(event.source(streamKind, CfnValue.of(arn), arnRef));

        setIfPresent(properties, "MaximumBatchingWindowInSeconds", config.option("batchWindow"));
        setIfPresent(properties, "MaximumRetryAttempts", config.option("maximumRetryAttempts"));
        setIfPresent(properties, "BisectBatchOnFunctionError", config.option("bisectBatchOnFunctionError"));
        JsonNode responseType = config.option("functionResponseType");
        if (Js.present(responseType)) {
            properties.putArray("FunctionResponseTypes").add(responseType);
        }
        JsonNode recordAge = config.option("maximumRecordAgeInSeconds");
        if (Js.truthy(recordAge)) {
            properties.set("MaximumRecordAgeInSeconds", recordAge);
        }
        setIfPresent(properties, "TumblingWindowInSeconds", config.option("tumblingWindowInSeconds"));

        Optional<CfnValue> onFailure = Optional.empty();
        Optional<String> onFailureType = Optional.empty();
        Optional<Node> onFailureNode = config.optionNode("destinations")
                .filter(MapNode.class::isInstance).flatMap(d -> ((MapNode) d).get("onFailure"));
        if (Js.truthy(config.option("destinations")) && onFailureNode.isPresent()
                && Js.truthy(NodeJson.toJson(onFailureNode.get()))) {
            JsonNode destination = NodeJson.toJson(onFailureNode.get());
            Node destinationArnNode = onFailureNode.get();
            JsonNode destinationArn = destination;
            JsonNode givenType = null;
            if (destination.isObject()) {
                destinationArn = destination.get("arn") != null ? destination.get("arn") : JSON.nullNode();
                givenType = destination.get("type");
                destinationArnNode = ((MapNode) onFailureNode.get()).get("arn").orElse(onFailureNode.get());
            }
            if (Js.truthy(givenType)) {
                onFailureType = Optional.of(givenType.asText());
            } else if (destinationArn.isTextual()) {
                onFailureType = Naming.arnService(destinationArn.textValue());
            }
            boolean sns = onFailureType.filter("sns"::equals).isPresent();
            onFailure = Optional.of(CfnValue.of(destinationArn));
            sources.add(event.source(sns ? EventSource.ON_FAILURE_SNS : EventSource.ON_FAILURE_SQS,
                    CfnValue.of(destinationArn), destinationArnNode.ref()));
            properties.putObject("DestinationConfig").putObject("OnFailure").set("Destination", destinationArn);
        }
        FilterCriteria.of(config.option("filterPatterns")).ifPresent(c -> properties.set("FilterCriteria", c));

        Optional<CfnValue> consumerArn = Optional.empty();
        Optional<String> consumerId = Optional.empty();
        ObjectNode consumerResource = null;
        if (consumerSet && !consumer.equals(JSON.booleanNode(true))) {
            consumerArn = Optional.of(CfnValue.of(consumer));
        }
        JsonNode timestamp = config.option("startingPositionTimestamp");
        if (consumerSet && streamType.equals("kinesis")) {
            SourceRef consumerRef = config.optionRef("consumer", event.ref());
            JsonNode consumerValue;
            if (consumer.equals(JSON.booleanNode(true))) {
                String consumerName = Naming.streamConsumerName(function.key(), streamName.get(),
                        settings.consumerNamingMode().filter(Js::truthy).isPresent(), settings.name(),
                        settings.stage());
                String id = Naming.streamConsumerLogicalId(consumerName);
                consumerResource = JSON.objectNode();
                consumerResource.put("Type", "AWS::Kinesis::StreamConsumer");
                ObjectNode consumerProperties = consumerResource.putObject("Properties");
                consumerProperties.set("StreamARN", arn);
                consumerProperties.put("ConsumerName", consumerName);
                ((ArrayNode) mapping.get("DependsOn")).add(id); // after the role and alias
                consumerValue = Cfn.ref(id);
                consumerId = Optional.of(id);
            } else {
                consumerValue = consumer;
            }
            properties.set("EventSourceArn", consumerValue);
            sources.add(event.source(EventSource.KINESIS_CONSUMER, CfnValue.of(consumerValue), consumerRef));
            if (Js.truthy(timestamp)) {
                properties.set("StartingPositionTimestamp", timestamp);
            }
        }

        context.mergeResource(logicalId, mapping, Optional.of(function.key()), event.ref());
        if (consumerResource != null) {
            context.mergeResource(consumerId.get(), consumerResource, Optional.of(function.key()),
                    config.optionRef("consumer", event.ref()));
        }
        context.addEventFact(new StreamEvent(function.key(), event.index(), streamType, CfnValue.of(arn),
                streamName.get(), logicalId, consumerSet, consumerArn, consumerId,
                event.options().get("startingPosition"),
                Js.present(config.option("startingPositionTimestamp")), onFailure, onFailureType, event.options(),
                event.ref(), arnRef));
        sources.forEach(context::addEventFact);
        return CompileResult.COMPILED;
    }

    private static void setIfPresent(ObjectNode properties, String key, JsonNode value) {
        if (Js.present(value)) {
            properties.set(key, value);
        }
    }
}
