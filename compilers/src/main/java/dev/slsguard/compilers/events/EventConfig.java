package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.support.NodeJson;
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
}
