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
import dev.slsguard.engine.model.MskEvent;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.Optional;

/**
 * {@code msk} events, Amazon MSK ({@code package/compile/events/msk/}): one
 * {@code AWS::Lambda::EventSourceMapping} per event, {@code <Fn>EventSourceMappingMSK<Cluster><Topic>}.
 * The cluster and the VPC access are event sources, from which rules derive v3's per-function
 * statements (v3 grants nothing on the {@code saslScram512} secret).
 */
public final class MskCompiler implements EventCompiler {

    public static final String TIMESTAMP_INVALID = "FUNCTION_MSK_STARTING_POSITION_TIMESTAMP_INVALID";

    private static final String ARN_FIX = "the cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<id>),"
            + " or !Ref / !ImportValue of it";

    @Override
    public EventType eventType() {
        return EventType.MSK;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        if (BrokerMappings.skipped(event)) {
            return CompileResult.SKIPPED; // v3 skips it; the schema reports it
        }
        EventConfig config = EventConfig.of(event.config());
        if (config.object().isEmpty()) {
            return BrokerMappings.unreadable(event, config, "arn", "it reads the cluster name from its arn", ARN_FIX);
        }
        Optional<Refusal> timestamp = BrokerMappings.timestampMissing(event, config, TIMESTAMP_INVALID);
        if (timestamp.isPresent()) {
            return new CompileResult.Refused(java.util.List.of(timestamp.get()));
        }
        JsonNode arn = config.option("arn");
        Optional<String> cluster = Naming.mskClusterNameToken(arn);
        if (cluster.isEmpty()) {
            return unreadableArn(event, config);
        }
        JsonNode topic = config.option("topic");
        if (topic == null || !topic.isTextual()) {
            return BrokerMappings.unreadable(event, config, "topic", "it names the event source mapping after it",
                    "the name of the topic to read");
        }
        FunctionSettings function = event.function();
        String logicalId = Naming.mskLogicalId(function.key(), cluster.get(), topic.textValue());

        ObjectNode mapping = EventSourceMappings.empty(function);
        ObjectNode properties = (ObjectNode) mapping.get("Properties");
        properties.set("EventSourceArn", arn);
        properties.set("FunctionName", function.target());
        properties.set("StartingPosition", BrokerMappings.startingPosition(config));
        properties.putArray("Topics").add(topic);
        JsonNode timestampValue = config.option("startingPositionTimestamp");
        if (Js.present(timestampValue)) {
            properties.set("StartingPositionTimestamp", timestampValue);
        }
        BrokerMappings.batching(properties, config);
        JsonNode consumerGroupId = config.option("consumerGroupId");
        if (Js.truthy(consumerGroupId)) {
            properties.putObject("AmazonManagedKafkaEventSourceConfig").set("ConsumerGroupId", consumerGroupId);
        }
        BrokerMappings.enabled(properties, config);
        JsonNode secret = config.option("saslScram512");
        if (Js.present(secret)) {
            properties.putArray("SourceAccessConfigurations").addObject()
                    .put("Type", "SASL_SCRAM_512_AUTH").set("URI", secret);
        }
        BrokerMappings.filters(properties, config);
        context.putResource(logicalId, mapping, Optional.of(function.key()), event.ref());

        SourceRef arnRef = config.optionRef("arn", event.ref());
        Setting options = Setting.of(event.config(), event.ref());
        context.addEventFact(new MskEvent(function.key(), event.index(), CfnValue.of(arn), cluster.get(),
                topic.textValue(), logicalId, options.get("startingPosition"), options.get("startingPositionTimestamp"),
                options.get("batchSize"), options.get("maximumBatchingWindow"), options.get("enabled"),
                options.get("saslScram512"), options.get("consumerGroupId"), options.get("filterPatterns"), options,
                event.ref(), arnRef));
        context.addEventFact(event.source(EventSource.MSK_CLUSTER, CfnValue.of(arn), arnRef));
        context.addEventFact(event.source(EventSource.VPC_NETWORK,
                CfnValue.of(JsonNodeFactory.instance.textNode("*")), arnRef));
        return CompileResult.COMPILED;
    }

    /**
     * An {@code arn} v3 reads no cluster name from: refused when it is an intrinsic other than
     * {@code Ref} and {@code Fn::ImportValue} (v3 calls {@code split} on it and crashes); otherwise
     * (missing, not a string, a string without {@code /}) v3 crashes naming the mapping.
     */
    private static CompileResult unreadableArn(EventItem event, EventConfig config) {
        return config.object().flatMap(m -> m.field("arn"))
                .filter(f -> f.value() instanceof MapNode map && map.size() == 1
                        && (map.keys().get(0).equals("Ref") || map.keys().get(0).startsWith("Fn::")))
                .map(f -> CompileResult.refused(event, Refusal.V3_INTRINSIC_ARN, f.keyRef(), "msk arn given as "
                        + ((MapNode) f.value()).keys().get(0) + " makes Serverless Framework v3 fail to package the"
                        + " service: it reads the cluster name only from a literal ARN, Ref or Fn::ImportValue of a"
                        + " name; use one of those (e.g. a parameter with the cluster ARN)"))
                .orElseGet(() -> BrokerMappings.unreadable(event, config, "arn",
                        "it names the event source mapping after the cluster name, the part after the first '/'",
                        ARN_FIX));
    }
}
