package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CloudFormation value as rules need to see it: a literal, or one of the intrinsics that name
 * resources ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::ImportValue}), or anything else kept verbatim. {@link #toJson()} gives back exactly
 * the JSON it was read from.
 */
public sealed interface CfnValue
        permits CfnValue.Literal, CfnValue.Ref, CfnValue.GetAtt, CfnValue.Sub, CfnValue.Join,
                CfnValue.ImportValue, CfnValue.Other {

    JsonNode toJson();

    /** The literal text when this is a plain string, e.g. an ARN. */
    default Optional<String> literal() {
        return Optional.empty();
    }

    /** True for a plain string that starts with {@code arn:}. */
    default boolean isLiteralArn() {
        return literal().filter(s -> s.startsWith("arn:")).isPresent();
    }

    /** For a literal ARN, its service ({@code arn:aws:sqs:...} gives {@code sqs}). */
    default Optional<String> arnService() {
        return literal().filter(s -> s.startsWith("arn:")).map(s -> s.split(":", -1))
                .filter(p -> p.length > 2).map(p -> p[2]);
    }

    /** A plain string. */
    record Literal(String value) implements CfnValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.textNode(value);
        }

        @Override
        public Optional<String> literal() {
            return Optional.of(value);
        }
    }

    /** {@code {"Ref": logicalId}}. */
    record Ref(String logicalId) implements CfnValue {
        @Override
        public JsonNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("Ref", logicalId);
        }
    }

    /** {@code {"Fn::GetAtt": [resource, attribute]}}. */
    record GetAtt(String resource, String attribute) implements CfnValue {
        @Override
        public JsonNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.putArray("Fn::GetAtt").add(resource).add(attribute);
            return node;
        }
    }

    /** {@code {"Fn::Sub": template}} or the two-element form; {@code raw} is the whole intrinsic. */
    record Sub(String template, JsonNode raw) implements CfnValue {
        @Override
        public JsonNode toJson() {
            return raw.deepCopy();
        }
    }

    /** {@code {"Fn::Join": [delimiter, [parts...]]}}. */
    record Join(String delimiter, List<CfnValue> parts) implements CfnValue {
        public Join {
            parts = List.copyOf(parts);
        }

        @Override
        public JsonNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ArrayNode args = node.putArray("Fn::Join");
            args.add(delimiter);
            ArrayNode list = args.addArray();
            parts.forEach(p -> list.add(p.toJson()));
            return node;
        }
    }

    /** {@code {"Fn::ImportValue": name}}; the name is itself a value (often a Sub). */
    record ImportValue(CfnValue name) implements CfnValue {
        @Override
        public JsonNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.set("Fn::ImportValue", name.toJson());
            return node;
        }
    }

    /** Anything else (numbers, booleans, other intrinsics, malformed intrinsics), verbatim. */
    record Other(JsonNode raw) implements CfnValue {
        @Override
        public JsonNode toJson() {
            return raw.deepCopy();
        }
    }

    /** Reads a value from template JSON; never fails: unknown shapes become {@link Other}. */
    static CfnValue of(JsonNode json) {
        if (json == null) {
            return new Other(JsonNodeFactory.instance.nullNode());
        }
        if (json.isTextual()) {
            return new Literal(json.asText());
        }
        if (json.isObject() && json.size() == 1) {
            String key = json.fieldNames().next();
            JsonNode arg = json.get(key);
            switch (key) {
                case "Ref":
                    if (arg.isTextual()) {
                        return new Ref(arg.asText());
                    }
                    break;
                case "Fn::GetAtt":
                    if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isTextual()) {
                        return new GetAtt(arg.get(0).asText(), arg.get(1).asText());
                    }
                    break;
                case "Fn::Sub":
                    if (arg.isTextual()) {
                        return new Sub(arg.asText(), json.deepCopy());
                    }
                    if (arg.isArray() && arg.size() >= 1 && arg.get(0).isTextual()) {
                        return new Sub(arg.get(0).asText(), json.deepCopy());
                    }
                    break;
                case "Fn::Join":
                    if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isArray()) {
                        List<CfnValue> parts = new ArrayList<>();
                        arg.get(1).forEach(p -> parts.add(of(p)));
                        return new Join(arg.get(0).asText(), parts);
                    }
                    break;
                case "Fn::ImportValue":
                    return new ImportValue(of(arg));
                default:
                    break;
            }
        }
        return new Other(json.deepCopy());
    }
}
