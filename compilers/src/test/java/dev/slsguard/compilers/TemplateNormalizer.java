package dev.slsguard.compilers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java port of the parity corpus's {@code normalize.py} (default options): drops the deployment
 * bucket resources and output, replaces artifact keys, code hashes and timestamps by placeholders,
 * renames hashed {@code AWS::Lambda::Version} (and API deployment) logical ids everywhere they are
 * referenced, and sorts {@code DependsOn} lists. {@link #sortKeys} gives the sorted-key form the
 * script prints.
 */
public final class TemplateNormalizer {

    private static final ObjectMapper MAPPER = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern VERSION = Pattern.compile("^(.+LambdaVersion)[0-9A-Za-z]+$");
    private static final Pattern API_DEPLOYMENT = Pattern.compile("^ApiGatewayDeployment\\d+$");
    private static final Pattern WS_DEPLOYMENT = Pattern.compile("^WebsocketsDeployment[0-9A-Za-z]+$");
    private static final List<String> BUCKET_IDS = List.of("ServerlessDeploymentBucket", "ServerlessDeploymentBucketPolicy");

    private TemplateNormalizer() {
    }

    /** The normalised template; key order is kept (sort separately with {@link #sortKeys}). */
    public static ObjectNode normalize(JsonNode template) {
        ObjectNode tpl = template.deepCopy();
        ObjectNode resources = tpl.get("Resources") instanceof ObjectNode r ? r : tpl.putObject("Resources");
        ObjectNode outputs = tpl.get("Outputs") instanceof ObjectNode o ? o : null;
        BUCKET_IDS.forEach(resources::remove);
        if (outputs != null) {
            outputs.remove("ServerlessDeploymentBucketName");
        }
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            if (!(e.getValue() instanceof ObjectNode resource) || !(resource.get("Properties") instanceof ObjectNode props)) {
                continue;
            }
            for (String holder : List.of("Code", "Content")) {
                if (props.get(holder) instanceof ObjectNode code) {
                    if (code.has("S3Key")) {
                        code.put("S3Key", "<ARTIFACT_S3_KEY>");
                    }
                    if (code.has("S3Bucket")) {
                        code.put("S3Bucket", "<DEPLOYMENT_BUCKET>");
                    }
                }
            }
            if ("AWS::Lambda::Version".equals(resource.path("Type").asText()) && props.has("CodeSha256")) {
                props.put("CodeSha256", "<CODE_SHA256>");
            }
            if (props.has("ForceDeploy") && !props.get("ForceDeploy").isNull()) {
                props.put("ForceDeploy", "<TIMESTAMP>");
            }
        }
        Map<String, String> rename = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            String type = e.getValue().path("Type").asText();
            Matcher m = VERSION.matcher(e.getKey());
            if (type.equals("AWS::Lambda::Version") && m.matches()) {
                rename.put(e.getKey(), m.group(1) + "<HASH>");
            } else if (type.equals("AWS::ApiGateway::Deployment") && API_DEPLOYMENT.matcher(e.getKey()).matches()) {
                rename.put(e.getKey(), "ApiGatewayDeployment<INSTANCE_ID>");
            } else if (type.equals("AWS::ApiGatewayV2::Deployment") && WS_DEPLOYMENT.matcher(e.getKey()).matches()) {
                rename.put(e.getKey(), "WebsocketsDeployment<HASH>");
            }
        }
        Pattern sub = null;
        if (!rename.isEmpty()) {
            List<String> ids = new ArrayList<>(rename.keySet());
            ids.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder alternatives = new StringBuilder();
            for (String id : ids) {
                alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(id));
            }
            sub = Pattern.compile("\\$\\{(" + alternatives + ")([.}])");
        }
        return (ObjectNode) sortDependsOn(rewrite(tpl, rename, sub));
    }

    private static JsonNode rewrite(JsonNode node, Map<String, String> rename, Pattern sub) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> out.set(rename.getOrDefault(e.getKey(), e.getKey()),
                    rewrite(e.getValue(), rename, sub)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(rewrite(item, rename, sub)));
            return out;
        }
        if (node.isTextual()) {
            String s = node.textValue();
            if (rename.containsKey(s)) {
                return JsonNodeFactory.instance.textNode(rename.get(s));
            }
            if (sub != null && s.contains("${")) {
                Matcher m = sub.matcher(s);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement("${" + rename.get(m.group(1)) + m.group(2)));
                }
                m.appendTail(out);
                return JsonNodeFactory.instance.textNode(out.toString());
            }
        }
        return node;
    }

    private static JsonNode sortDependsOn(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> {
                JsonNode value = sortDependsOn(e.getValue());
                if (e.getKey().equals("DependsOn") && value.isArray()) {
                    List<JsonNode> items = new ArrayList<>();
                    value.forEach(items::add);
                    items.sort(Comparator.comparing(TemplateNormalizer::canonical));
                    ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
                    items.forEach(sorted::add);
                    value = sorted;
                }
                out.set(e.getKey(), value);
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sortDependsOn(item)));
            return out;
        }
        return node;
    }

    /** The same value with every object's keys sorted (numbers re-read, so 25 equals 25L). */
    static JsonNode sortKeys(JsonNode node) {
        try {
            return MAPPER.readTree(canonical(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pretty JSON with sorted keys, the form {@code normalize.py} prints. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(canonical(node)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, Object> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), sorted(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(sorted(item)));
            return list;
        }
        return node;
    }
}
