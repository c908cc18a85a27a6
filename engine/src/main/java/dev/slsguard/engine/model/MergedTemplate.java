package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.json.JsJson;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's CloudFormation template as the rules see it, one per service: the compiled
 * resources and outputs with the user's {@code resources:} merged in, the execution role holding its
 * core and declared statements (the statements derivation rules add are merged after the rules run),
 * and where each part came from.
 *
 * @param json    the template; treat as read-only
 * @param origins the source map: {@link #locate(String...)} gives the line to report a template path at
 * @param bytes   the template's size as Serverless Framework v3 uploads it ({@code JSON.stringify},
 *                UTF-8), without the derived statements
 * @param resourceBytes the same for each resource's definition, by logical id, in the template's order
 * @param written the configuration as written, before variables were resolved (for
 *                {@link #fromVariable})
 */
public record MergedTemplate(ObjectNode json, TemplateOrigins origins, long bytes, Map<String, Long> resourceBytes,
                             Optional<Node> written) {

    public MergedTemplate {
        resourceBytes = Collections.unmodifiableMap(resourceBytes);
    }

    /** The template with its size, and each resource's, computed (in one count). */
    public static MergedTemplate of(ObjectNode json, TemplateOrigins origins, Optional<Node> written) {
        Map<String, Long> resources = new LinkedHashMap<>();
        long bytes = JsJson.stringifiedUtf8Length(json, "Resources", resources::put);
        return new MergedTemplate(json, origins, bytes, resources, written);
    }

    /**
     * True when the value at {@code path} is written in the configuration as a variable
     * ({@code ${sls:stage}}, {@code ${self:custom.x}}): it is fixed for this stage and region, not for
     * every deployment.
     */
    public boolean fromVariable(String... path) {
        SourceRef ref = origins.locate(path);
        Optional<Node> node = written.filter(root -> SourceRef.normalizeFile(root.ref().file())
                .equals(SourceRef.normalizeFile(ref.file())));
        for (String raw : ref.pointer().isEmpty() ? new String[0] : ref.pointer().substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            node = node.flatMap(n -> n instanceof MapNode map ? map.get(segment)
                    : n instanceof ListNode list && segment.matches("\\d+") && Integer.parseInt(segment) < list.items().size()
                    ? Optional.of(list.items().get(Integer.parseInt(segment))) : Optional.empty());
        }
        return node.filter(n -> n instanceof ScalarNode scalar && scalar.value() instanceof String text
                && text.contains("${")).isPresent();
    }

    /** The {@code service} key: where problems of the whole template are reported. */
    public SourceRef ref() {
        return origins.fallback();
    }

    /** The line that produced the template value at {@code path} ({@code "Resources", "Queue", "Properties"}). */
    public SourceRef locate(String... path) {
        return origins.locate(path);
    }

    /** The number of entries of {@code Resources}. */
    public int resourceCount() {
        JsonNode resources = json.get("Resources");
        return resources != null && resources.isObject() ? resources.size() : 0;
    }

    /** A top-level section ({@code Resources}, {@code Conditions}, {@code Parameters} ...), empty when absent. */
    public ObjectNode section(String name) {
        return json.get(name) instanceof ObjectNode section ? section : json.objectNode();
    }
}
