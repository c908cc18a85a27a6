package dev.slsguard.engine.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.RoleTrust;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.TemplateOrigins;
import dev.slsguard.engine.source.Nodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the final CloudFormation template the way Serverless Framework v3's {@code package}
 * finishes it, in this order:
 * <ol>
 *   <li>the compiled resources in draft order; every compiled {@code AWS::IAM::Role} gets as
 *       {@code Policies[0].PolicyDocument.Statement} the statements whose {@code role} is its
 *       logical id and that are {@link IamStatement#inline() inline} (not those expanded from
 *       managed policies or written under {@code resources:}), sorted by {@code orderKey} (stable), and the service principals of the
 *       {@link RoleTrust}s for it appended to its trust statement for {@code lambda.amazonaws.com};</li>
 *   <li>the compiled outputs, each without {@code Export} given
 *       {@code Export.Name = sls-<service>-<stage>-<OutputKey>} (v3 does this before merging the
 *       user's section, so the user's own outputs get no export name);</li>
 *   <li>the user's {@code resources:} section merged with lodash {@code _.merge} semantics
 *       (see {@link LodashMerge}), then {@code resources.extensions} applied;</li>
 *   <li>{@code null} values removed from every resource's {@code Properties}.</li>
 * </ol>
 */
public final class TemplateMerger {

    /** The template's fixed description, as v3 writes it. */
    public static final String DESCRIPTION = "The AWS CloudFormation template for this Serverless application";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ROLE_TYPE = "AWS::IAM::Role";

    private TemplateMerger() {
    }

    public static ObjectNode merge(TemplateDraft draft, List<IamStatement> statements) {
        return merge(draft, statements, List.of());
    }

    /** The template, with {@code trusts} added to the compiled roles' trust policies. */
    public static ObjectNode merge(TemplateDraft draft, List<IamStatement> statements, List<RoleTrust> trusts) {
        ObjectNode template = JSON.objectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", DESCRIPTION);
        ObjectNode resources = template.putObject("Resources");
        ObjectNode outputs = template.putObject("Outputs");

        // A compiled resource is the draft's own definition, and a role's statements are the statements'
        // own documents, until something would change them: then the resource is replaced by a copy
        // first (the draft, the statements and the facts made of them stay as compiled). A large
        // service's template is not built twice over.
        Set<String> shared = new HashSet<>();
        for (Resource resource : draft.resources()) {
            ObjectNode definition = resource.definition();
            if (ROLE_TYPE.equals(resource.type())) {
                definition = definition.deepCopy();
                setStatements(definition, resource.logicalId(), statements);
                addTrusts(definition, resource.logicalId(), trusts);
            }
            resources.set(resource.logicalId(), definition);
            shared.add(resource.logicalId());
        }
        for (TemplateDraft.Output output : draft.outputs()) {
            outputs.set(output.id(), output.definition().deepCopy());
        }
        addExportNames(outputs, draft.service().name(), draft.service().stage());

        draft.userResources().ifPresent(section -> {
            JsonNode user = JsNumbers.normalize(Nodes.toJson(section));
            if (user.isObject()) {
                ObjectNode userSection = (ObjectNode) user;
                JsonNode extensions = userSection.remove("extensions");
                for (String key : List.of("Resources", "Outputs")) {
                    if (!isTruthy(userSection.get(key))) {
                        userSection.putObject(key); // v3 defaults a missing or empty section to {}
                    }
                }
                if (userSection.get("Resources") instanceof ObjectNode userResources) {
                    userResources.fieldNames().forEachRemaining(id -> own(resources, id, shared));
                }
                LodashMerge.merge(template, userSection);
                if (extensions != null && extensions.isObject() && template.get("Resources").isObject()) {
                    ObjectNode merged = (ObjectNode) template.get("Resources");
                    extensions.fieldNames().forEachRemaining(id -> own(merged, id, shared));
                    applyExtensions(merged, (ObjectNode) extensions);
                }
            }
        });
        if (template.get("Resources") instanceof ObjectNode merged) {
            stripNullProperties(merged, shared);
        }
        return template;
    }

    /**
     * Makes the resource {@code id} of {@code resources} the template's own before it is changed: a
     * definition still shared with the draft is replaced by a copy of it.
     */
    private static void own(ObjectNode resources, String id, Set<String> shared) {
        if (shared.remove(id) && resources.get(id) instanceof ObjectNode definition) {
            resources.set(id, definition.deepCopy());
        }
    }

    /** {@code sls-<service>-<stage>-<outputKey>}. */
    public static String exportName(String service, String stage, String outputKey) {
        return "sls-" + service + "-" + stage + "-" + outputKey;
    }

    /**
     * The source map of the template {@link #merge} builds from the same input: each compiled
     * resource at its origin, the finer origins the compilers recorded ({@link TemplateDraft#origins}),
     * each statement of a compiled role's inline policy at the statement's own place (the event it
     * was derived for, the line that declared it), and the user's {@code resources:} section at its
     * own nodes; the {@code service} key for the rest.
     */
    public static TemplateOrigins origins(TemplateDraft draft, List<IamStatement> statements) {
        return origins(draft, statements, Optional.empty());
    }

    /**
     * The same, knowing the merged {@code template}: a value compiled from the configuration is then
     * found at its own line (see {@link TemplateOrigins}).
     */
    public static TemplateOrigins origins(TemplateDraft draft, List<IamStatement> statements, ObjectNode template) {
        return origins(draft, statements, Optional.of(template));
    }

    private static TemplateOrigins origins(TemplateDraft draft, List<IamStatement> statements,
                                           Optional<ObjectNode> template) {
        // what the source map needs of the draft, taken now: the map is made later, when a finding asks,
        // and should not keep the draft's definitions alive until then
        List<CompiledOrigin> resources = new ArrayList<>();
        for (Resource resource : draft.resources()) {
            resources.add(new CompiledOrigin(resource.logicalId(), resource.origin(),
                    ROLE_TYPE.equals(resource.type()) && policyDocument(resource.definition()).isObject()));
        }
        Map<String, SourceRef> finer = draft.origins();
        return new TemplateOrigins(() -> compiledOrigins(resources, finer, statements), draft.userResources(),
                draft.service().ref(), template.map(JsonNode.class::cast), Optional.of(draft.service().config()));
    }

    /** A compiled resource's place, and whether it is a role whose inline policy gets the statements. */
    private record CompiledOrigin(String logicalId, SourceRef origin, boolean inlinePolicy) {
    }

    private static Map<String, SourceRef> compiledOrigins(List<CompiledOrigin> resources, Map<String, SourceRef> finer,
                                                          List<IamStatement> statements) {
        Map<String, SourceRef> compiled = new HashMap<>();
        for (CompiledOrigin resource : resources) {
            compiled.put(TemplateOrigins.pointer(List.of("Resources", resource.logicalId())), resource.origin());
            if (resource.inlinePolicy()) {
                List<IamStatement> own = inlineStatements(resource.logicalId(), statements);
                for (int i = 0; i < own.size(); i++) {
                    compiled.put(TemplateOrigins.pointer(List.of("Resources", resource.logicalId(), "Properties",
                            "Policies", "0", "PolicyDocument", "Statement", String.valueOf(i))), own.get(i).ref());
                }
            }
        }
        compiled.putAll(finer);
        return compiled;
    }

    private static JsonNode policyDocument(ObjectNode role) {
        return role.path("Properties").path("Policies").path(0).path("PolicyDocument");
    }

    /** The statements a compiled role's inline policy holds, in their order there. */
    private static List<IamStatement> inlineStatements(String logicalId, List<IamStatement> statements) {
        List<IamStatement> own = new ArrayList<>();
        for (IamStatement s : statements) {
            if (logicalId.equals(s.role()) && s.inline()) {
                own.add(s);
            }
        }
        own.sort(Comparator.comparing(IamStatement::orderKey)); // List.sort is stable
        return own;
    }

    private static void setStatements(ObjectNode role, String logicalId, List<IamStatement> statements) {
        JsonNode document = policyDocument(role);
        if (!document.isObject()) {
            return;
        }
        ArrayNode list = JSON.arrayNode();
        inlineStatements(logicalId, statements).forEach(s -> list.add(s.document()));
        ((ObjectNode) document).set("Statement", list);
    }

    /**
     * v3 pushes an added service into {@code Principal.Service} of the first trust statement whose
     * services include {@code lambda.amazonaws.com}; a role without one is left as it is.
     */
    private static void addTrusts(ObjectNode role, String logicalId, List<RoleTrust> trusts) {
        List<RoleTrust> own = new ArrayList<>();
        for (RoleTrust t : trusts) {
            if (logicalId.equals(t.role())) {
                own.add(t);
            }
        }
        if (own.isEmpty()) {
            return;
        }
        own.sort(Comparator.comparing(RoleTrust::orderKey));
        JsonNode statements = role.path("Properties").path("AssumeRolePolicyDocument").path("Statement");
        for (JsonNode statement : statements) {
            if (statement.path("Principal").get("Service") instanceof ArrayNode services) {
                for (JsonNode s : services) {
                    if (s.isTextual() && s.textValue().equals("lambda.amazonaws.com")) {
                        own.forEach(t -> services.add(t.service()));
                        return;
                    }
                }
            }
        }
    }

    private static void addExportNames(ObjectNode outputs, String service, String stage) {
        for (Map.Entry<String, JsonNode> e : outputs.properties()) {
            if (e.getValue() instanceof ObjectNode output && !isTruthy(output.get("Export"))) {
                output.putObject("Export").put("Name", exportName(service, stage, e.getKey()));
            }
        }
    }

    /**
     * {@code resources.extensions}: v3 lets a user add to generated resources without replacing
     * them. Extensions of a resource that does not exist, or of an attribute v3 does not support,
     * are skipped here (v3 refuses to package; validation rules report them).
     */
    private static void applyExtensions(ObjectNode resources, ObjectNode extensions) {
        for (Map.Entry<String, JsonNode> ext : extensions.properties()) {
            if (!(resources.get(ext.getKey()) instanceof ObjectNode resource) || !ext.getValue().isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> attr : ext.getValue().properties()) {
                JsonNode value = attr.getValue();
                switch (attr.getKey()) {
                    case "Condition", "CreationPolicy", "DeletionPolicy", "UpdatePolicy", "UpdateReplacePolicy" ->
                            resource.set(attr.getKey(), value.deepCopy());
                    case "Properties", "Metadata" -> assign(resource, attr.getKey(), value);
                    case "DependsOn" -> appendDependsOn(resource, value);
                    default -> {
                        // unsupported attribute: v3 fails; reported by validation rules
                    }
                }
            }
        }
    }

    /** {@code Object.assign(resource[key] ||= {}, value)}: shallow, existing keys keep their place. */
    private static void assign(ObjectNode resource, String key, JsonNode value) {
        if (!isTruthy(resource.get(key)) || !resource.get(key).isObject()) {
            resource.putObject(key);
        }
        if (value.isObject()) {
            ObjectNode into = (ObjectNode) resource.get(key);
            value.properties().forEach(e -> into.set(e.getKey(), e.getValue().deepCopy()));
        }
    }

    private static void appendDependsOn(ObjectNode resource, JsonNode value) {
        JsonNode current = resource.get("DependsOn");
        ArrayNode list;
        if (current instanceof ArrayNode array) {
            list = array;
        } else {
            list = JSON.arrayNode();
            if (isTruthy(current)) {
                list.add(current.deepCopy());
            }
            resource.set("DependsOn", list);
        }
        if (value.isArray()) {
            value.forEach(v -> list.add(v.deepCopy()));
        } else if (!value.isNull()) {
            list.add(value.deepCopy());
        }
    }

    private static void stripNullProperties(ObjectNode resources, Set<String> shared) {
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            if (!(e.getValue() instanceof ObjectNode resource)) {
                continue;
            }
            JsonNode properties = resource.get("Properties");
            boolean strip = isTruthy(properties) ? hasNullInObjects(properties) : resource.has("Properties");
            if (!strip) {
                continue;
            }
            own(resources, e.getKey(), shared);
            resource = (ObjectNode) e.getValue();
            properties = resource.get("Properties");
            if (isTruthy(properties)) {
                stripNulls(properties);
            } else {
                resource.remove("Properties");
            }
        }
    }

    /** Whether {@link #stripNulls} would remove anything from {@code node}. */
    private static boolean hasNullInObjects(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isNull() || hasNullInObjects(e.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasNullInObjects(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes null-valued keys of objects at any depth; nulls inside arrays stay (as in v3). */
    private static void stripNulls(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                JsonNode value = it.next().getValue();
                if (value.isNull()) {
                    it.remove();
                } else {
                    stripNulls(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(TemplateMerger::stripNulls);
        }
    }

    /** JavaScript truthiness of a JSON value ({@code undefined} is a Java null). */
    private static boolean isTruthy(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0 && !Double.isNaN(node.doubleValue());
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        return true;
    }
}
