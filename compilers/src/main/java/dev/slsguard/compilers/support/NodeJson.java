package dev.slsguard.compilers.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.merge.JsNumbers;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import java.util.Optional;

/**
 * Configuration nodes as the JSON values v3 holds in memory ({@link Nodes#toJson}, with
 * JavaScript's single number type: a double with an integral value is an integer).
 */
public final class NodeJson {

    private NodeJson() {
    }

    public static JsonNode toJson(Node node) {
        return JsNumbers.normalize(Nodes.toJson(node));
    }

    /** The JSON of an optional node; a Java {@code null} (JavaScript {@code undefined}) when absent. */
    public static JsonNode toJsonOrNull(Optional<Node> node) {
        return node.map(NodeJson::toJson).orElse(null);
    }
}
