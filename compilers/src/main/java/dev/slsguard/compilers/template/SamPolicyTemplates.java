package dev.slsguard.compilers.template;

import dev.slsguard.engine.Timing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SAM policy templates slsguard expands ({@code sam-policy-templates.json} beside this class,
 * written from the AWS SAM Developer Guide's table): each one's statements with its parameters
 * filled in. A parameter given as a literal is written into the ARN; one given as an intrinsic
 * makes the ARN an {@code Fn::Sub} with that variable, as SAM does.
 */
public final class SamPolicyTemplates {

    private static final String RESOURCE = "/dev/slsguard/compilers/template/sam-policy-templates.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, JsonNode> templates;

    private SamPolicyTemplates(Map<String, JsonNode> templates) {
        this.templates = templates;
    }

    private static final class Holder {
        private static final SamPolicyTemplates INSTANCE = Timing.time("data: SAM policy templates", SamPolicyTemplates::load);
    }

    public static SamPolicyTemplates builtIn() {
        return Holder.INSTANCE;
    }

    /**
     * The statements of template {@code name} with {@code parameters} (the mapping written under the
     * template's name; absent parameters stay as {@code ${Name}} in an {@code Fn::Sub}); empty when
     * the template is not one slsguard knows.
     */
    public Optional<List<ObjectNode>> expand(String name, JsonNode parameters) {
        JsonNode template = templates.get(name);
        if (template == null) {
            return Optional.empty();
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode statement : template.path("statements")) {
            ObjectNode filled = statement.deepCopy();
            JsonNode resource = filled.get("Resource");
            if (resource.isArray()) {
                ArrayNode list = JSON.arrayNode();
                resource.forEach(r -> list.add(fill(r.textValue(), parameters)));
                filled.set("Resource", list);
            } else {
                filled.set("Resource", fill(resource.textValue(), parameters));
            }
            out.add(filled);
        }
        return Optional.of(out);
    }

    /** {@code arn:${AWS::Partition}:s3:::${BucketName}} with the parameters' values. */
    private static JsonNode fill(String pattern, JsonNode parameters) {
        StringBuilder text = new StringBuilder();
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            JsonNode value = parameters.path(m.group(1));
            String replacement = value.isTextual() || value.isNumber() ? value.asText() : m.group();
            if (!value.isMissingNode() && !value.isValueNode()) {
                variables.put(m.group(1), value);
            }
            m.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(text);
        String filled = text.toString();
        if (!filled.contains("${")) {
            return JSON.textNode(filled);
        }
        ObjectNode sub = JSON.objectNode();
        if (variables.isEmpty()) {
            sub.put("Fn::Sub", filled);
        } else {
            ArrayNode args = sub.putArray("Fn::Sub");
            args.add(filled);
            ObjectNode map = args.addObject();
            variables.forEach(map::set);
        }
        return sub;
    }

    private static SamPolicyTemplates load() {
        try (InputStream in = SamPolicyTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            Map<String, JsonNode> templates = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).path("templates").properties()
                    .forEach(e -> templates.put(e.getKey(), e.getValue()));
            return new SamPolicyTemplates(Map.copyOf(templates));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
