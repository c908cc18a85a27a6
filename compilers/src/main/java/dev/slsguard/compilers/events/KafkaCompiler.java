package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.slsguard.engine.model.KafkaEvent;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kafka} events, self-managed Apache Kafka ({@code package/compile/events/kafka.js}): one
 * {@code AWS::Lambda::EventSourceMapping} per event, {@code <Fn>EventSourceMappingKafka<Topic>}
 * (a second event of one function on the same topic replaces the first, as in v3). Each access
 * configuration becomes a {@code SourceAccessConfigurations} entry; its secrets and VPC access are
 * event sources, from which rules derive v3's per-function statements.
 */
public final class KafkaCompiler implements EventCompiler {

    public static final String VPC_INVALID = "FUNCTION_KAFKA_VPC_ACCESS_CONFIGURATION_INVALID";
    public static final String TIMESTAMP_INVALID = "FUNCTION_KAFKA_STARTING_POSITION_TIMESTAMP_INVALID";

    /** accessConfigurations key: mapping type and URI prefix; VPC entries are not secrets. */
    private record Access(String type, String prefix, boolean secret) {
    }

    private static final Map<String, Access> ACCESS = Map.of(
            "vpcSubnet", new Access("VPC_SUBNET", "subnet:", false),
            "vpcSecurityGroup", new Access("VPC_SECURITY_GROUP", "security_group:", false),
            "saslPlainAuth", new Access("BASIC_AUTH", "", true),
            "saslScram256Auth", new Access("SASL_SCRAM_256_AUTH", "", true),
            "saslScram512Auth", new Access("SASL_SCRAM_512_AUTH", "", true),
            "clientCertificateTlsAuth", new Access("CLIENT_CERTIFICATE_TLS_AUTH", "", true),
            "serverRootCaCertificate", new Access("SERVER_ROOT_CA_CERTIFICATE", "", true));

    @Override
    public EventType eventType() {
        return EventType.KAFKA;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        if (BrokerMappings.skipped(event)) {
            return CompileResult.SKIPPED; // v3 skips it; the schema reports it
        }
        EventConfig config = EventConfig.of(event.config());
        Optional<MapNode> access = config.optionNode("accessConfigurations")
                .filter(MapNode.class::isInstance).map(MapNode.class::cast);
        if (access.isEmpty()) {
            return BrokerMappings.unreadable(event, config, "accessConfigurations", "it reads the VPC settings from it",
                    "a mapping such as {saslScram512Auth: [<secret ARN>]}");
        }
        FunctionSettings function = event.function();
        List<Refusal> refusals = new ArrayList<>();
        vpcHalf(event, access.get()).ifPresent(refusals::add);
        BrokerMappings.timestampMissing(event, config, TIMESTAMP_INVALID).ifPresent(refusals::add);
        if (!refusals.isEmpty()) {
            return new CompileResult.Refused(refusals);
        }
        JsonNode topic = config.option("topic");
        if (topic == null || !topic.isTextual()) {
            return BrokerMappings.unreadable(event, config, "topic", "it names the event source mapping after it",
                    "the name of the topic to read");
        }
        for (MapNode.Field field : access.get().fields()) {
            if (!(field.value() instanceof ListNode)) {
                return CompileResult.refused(event, Refusal.V3_UNREADABLE_OPTION, field.keyRef(), "kafka"
                        + " accessConfigurations." + field.key() + " given as " + Setting.of(field.value()).shown()
                        + " makes Serverless Framework v3 fail to package the service with a TypeError, whatever"
                        + " configValidationMode says (it iterates it as a list); write a list");
            }
        }
        String logicalId = Naming.kafkaLogicalId(function.key(), topic.textValue());

        ObjectNode mapping = EventSourceMappings.empty(function);
        ObjectNode properties = (ObjectNode) mapping.get("Properties");
        properties.set("FunctionName", function.target());
        properties.set("StartingPosition", BrokerMappings.startingPosition(config));
        properties.putObject("SelfManagedEventSource").putObject("Endpoints")
                .set("KafkaBootstrapServers", config.option("bootstrapServers"));
        properties.putArray("Topics").add(topic);
        ArrayNode accessConfigurations = properties.putArray("SourceAccessConfigurations");
        List<EventSource> sources = new ArrayList<>();
        boolean vpc = false;
        for (MapNode.Field field : access.get().fields()) {
            Access kind = ACCESS.getOrDefault(field.key(), new Access(field.key(), "", false));
            vpc |= ACCESS.containsKey(field.key()) && !kind.secret();
            for (Node item : ((ListNode) field.value()).items()) {
                JsonNode value = NodeJson.toJson(item);
                if (kind.secret()) {
                    sources.add(event.source(EventSource.BROKER_SECRET, CfnValue.of(value), item.ref()));
                }
                // a template literal in v3: an intrinsic becomes "[object Object]"
                accessConfigurations.addObject().put("Type", kind.type())
                        .put("URI", kind.prefix() + Js.string(value));
            }
        }
        if (vpc) {
            sources.add(event.source(EventSource.VPC_NETWORK, CfnValue.of(JsonNodeFactory.instance.textNode("*")),
                    access.get().field("vpcSubnet").or(() -> access.get().field("vpcSecurityGroup"))
                            .map(MapNode.Field::keyRef).orElse(event.ref())));
        }
        BrokerMappings.batching(properties, config);
        BrokerMappings.enabled(properties, config);
        JsonNode consumerGroupId = config.option("consumerGroupId");
        if (Js.truthy(consumerGroupId)) {
            properties.putObject("SelfManagedKafkaEventSourceConfig").set("ConsumerGroupId", consumerGroupId);
        }
        JsonNode timestamp = config.option("startingPositionTimestamp");
        if (Js.present(timestamp)) {
            properties.set("StartingPositionTimestamp", timestamp);
        }
        BrokerMappings.filters(properties, config);
        context.putResource(logicalId, mapping, Optional.of(function.key()), event.ref());

        Setting options = Setting.of(event.config(), event.ref());
        context.addEventFact(new KafkaEvent(function.key(), event.index(), topic.textValue(), logicalId,
                options.get("bootstrapServers"), options.get("accessConfigurations"), options.get("startingPosition"),
                options.get("startingPositionTimestamp"), options.get("batchSize"),
                options.get("maximumBatchingWindow"), options.get("enabled"), options.get("consumerGroupId"),
                options.get("filterPatterns"), options, event.ref()));
        sources.forEach(context::addEventFact);
        return CompileResult.COMPILED;
    }

    /** v3 refuses one of vpcSubnet and vpcSecurityGroup without the other (each checked for truthiness). */
    private static Optional<Refusal> vpcHalf(EventItem event, MapNode access) {
        Optional<MapNode.Field> subnet = access.field("vpcSubnet").filter(f -> Js.truthy(NodeJson.toJson(f.value())));
        Optional<MapNode.Field> group = access.field("vpcSecurityGroup")
                .filter(f -> Js.truthy(NodeJson.toJson(f.value())));
        if (subnet.isPresent() == group.isPresent()) {
            return Optional.empty();
        }
        MapNode.Field given = subnet.orElseGet(group::get);
        String missing = subnet.isPresent() ? "vpcSecurityGroup" : "vpcSubnet";
        return Optional.of(CompileResult.refusal(event, VPC_INVALID, given.keyRef(), "kafka accessConfigurations has "
                + given.key() + " without " + missing + ": Lambda reaches a cluster in a VPC through both, and"
                + " Serverless Framework v3 refuses to package function " + event.function().key() + " ("
                + VPC_INVALID + "); add " + missing + " (" + (missing.equals("vpcSubnet") ? "subnet-..." : "sg-...")
                + " ids) or remove " + given.key()));
    }
}
