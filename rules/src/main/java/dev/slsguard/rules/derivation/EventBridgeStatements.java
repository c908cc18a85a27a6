package dev.slsguard.rules.derivation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The resources of the statements derived for the legacy {@code Custom::EventBridge} custom resource. */
public final class EventBridgeStatements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventBridgeStatements() {
    }

    /** {@code Join : [arn, Partition, events, Region, AccountId, "event-bus/*"]}: every event bus of the account. */
    public static JsonNode eventBuses() {
        return eventsArn("event-bus/*");
    }

    /** {@code Join : [arn, Partition, events, Region, AccountId, "rule/*"]}: every rule of the account and region, on any bus. */
    public static JsonNode rules() {
        return eventsArn("rule/*");
    }

    private static JsonNode eventsArn(String resource) {
        ObjectNode join = JSON.objectNode();
        ArrayNode args = join.putArray("Fn::Join");
        args.add(":");
        args.addArray().add("arn").add(ref("AWS::Partition")).add("events").add(ref("AWS::Region"))
                .add(ref("AWS::AccountId")).add(resource);
        return join;
    }

    private static ObjectNode ref(String name) {
        return JSON.objectNode().put("Ref", name);
    }
}
