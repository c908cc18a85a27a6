package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.json.JsJson;
import java.nio.charset.StandardCharsets;

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
 */
public record MergedTemplate(ObjectNode json, TemplateOrigins origins, long bytes) {

    /** The template with its size computed. */
    public static MergedTemplate of(ObjectNode json, TemplateOrigins origins) {
        return new MergedTemplate(json, origins, JsJson.stringify(json).getBytes(StandardCharsets.UTF_8).length);
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
