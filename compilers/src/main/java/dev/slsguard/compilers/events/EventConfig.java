package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.Optional;

/**
 * An event's value in the two shapes v3 accepts: an ARN string, or an object with options.
 *
 * @param object  the options, when the value is a mapping
 * @param arn     the ARN node: the string itself, or the object's {@code arn}
 */
record EventConfig(Optional<MapNode> object, Optional<Node> arn) {

    static EventConfig of(Node config) {
        if (config instanceof MapNode map) {
            return new EventConfig(Optional.of(map), map.get("arn"));
        }
        if (config instanceof ScalarNode scalar && scalar.isString()) {
            return new EventConfig(Optional.empty(), Optional.of(scalar));
        }
        if (config instanceof ListNode list && list.items().size() == 1
                && list.items().get(0) instanceof ScalarNode scalar && scalar.isString()) {
            // schema coercion: a one-element list where an ARN string is expected becomes the string
            return new EventConfig(Optional.empty(), Optional.of(scalar));
        }
        return new EventConfig(Optional.empty(), Optional.empty());
    }

    /** An option as JSON; a Java {@code null} (undefined) for the string form or an absent key. */
    JsonNode option(String key) {
        return object.flatMap(m -> m.get(key)).map(NodeJson::toJson).orElse(null);
    }

    Optional<Node> optionNode(String key) {
        return object.flatMap(m -> m.get(key));
    }

    SourceRef optionRef(String key, SourceRef fallback) {
        return optionNode(key).map(Node::ref).orElse(fallback);
    }

    /**
     * The result for an {@code arn} v3 cannot read the queue or stream name from: refused when it is
     * an intrinsic function ({@code Ref}, {@code Fn::*}); skipped otherwise, as malformed input the
     * schema validation reports.
     *
     * @param readable the intrinsics v3 reads the name from, for the detail
     * @param hint     added to the detail ({@code ""} for none)
     */
    CompileResult unreadableArn(EventItem event, String readable, String hint) {
        return object.flatMap(m -> m.field("arn"))
                .filter(f -> f.value() instanceof MapNode map && map.size() == 1
                        && (map.keys().get(0).equals("Ref") || map.keys().get(0).startsWith("Fn::")))
                .map(f -> CompileResult.refused(event, Refusal.V3_INTRINSIC_ARN, f.keyRef(), event.type().key()
                        + " arn given as " + ((MapNode) f.value()).keys().get(0) + " makes Serverless Framework v3"
                        + " fail to package the service: it reads the " + (event.type() == EventType.SQS ? "queue"
                        : "stream") + " name only from " + readable + hint))
                .orElse(CompileResult.SKIPPED);
    }
}
