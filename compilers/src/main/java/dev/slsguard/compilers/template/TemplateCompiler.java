package dev.slsguard.compilers.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.core.AnalysedStatements;
import dev.slsguard.compilers.core.StatementFacts;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.compile.TemplateInput;
import dev.slsguard.engine.merge.TemplateDraft;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.NotAnalysed;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts of a CloudFormation or SAM template given as input, in the fact model of a service:
 * the template is read as a service whose {@code resources:} is the template ({@code Service.config}
 * holds it under {@code resources}), so every rule that reads {@code resources.Resources} finds the
 * template's resources at their own lines. Facts: {@code Service}; a {@code Function} per
 * {@code AWS::Lambda::Function} and {@code AWS::Serverless::Function} (its config in
 * serverless.yml's words: {@code runtime}, {@code environment}, {@code kmsKeyArn}, {@code handler},
 * each at the line of the property it comes from); a {@code Resource} per resource, at its key;
 * the {@code IamStatement}s of IAM roles and policies (as for {@code resources:}) and of SAM
 * functions' {@code Policies}; {@code NotAnalysed} for what is read past.
 */
public final class TemplateCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SAM_FUNCTION = "AWS::Serverless::Function";
    private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    /** Lambda's defaults when a function sets no Timeout / MemorySize. */
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;

    private TemplateCompiler() {
    }

    public static Compilation compile(SourceDocument document) {
        MapNode root = (MapNode) document.root();
        SourceRef rootRef = root.ref();
        MapNode config = new MapNode(rootRef, List.of(new MapNode.Field("resources", rootRef, root)));
        Service service = new Service(serviceName(document.displayName()), "", "", "off", Optional.empty(), false,
                root.fields().isEmpty() ? rootRef : root.fields().get(0).keyRef(), config);
        boolean sam = isSam(root);
        Optional<MapNode> globals = sam ? map(root.at("Globals", "Function")) : Optional.empty();
        MapNode resources = map(root.get("Resources")).orElse(new MapNode(rootRef, List.of()));

        List<Function> functions = new ArrayList<>();
        List<Resource> resourceFacts = new ArrayList<>();
        List<IamStatement> statements = new ArrayList<>(AnalysedStatements.resourceStatements(resources, "Resources."));
        List<NotAnalysed> notAnalysed = new ArrayList<>();
        transforms(root, notAnalysed);
        int index = 0;
        for (MapNode.Field field : resources.fields()) {
            int position = index++;
            if (!(field.value() instanceof MapNode definition)) {
                continue;
            }
            JsonNode json = NodeJson.toJson(definition);
            String type = text(definition.get("Type")).orElse("");
            resourceFacts.add(new Resource(field.key(), type, json instanceof ObjectNode o ? o : JSON.objectNode(),
                    Optional.empty(), field.keyRef()));
            MapNode properties = map(definition.get("Properties")).orElse(new MapNode(definition.ref(), List.of()));
            if (LAMBDA_FUNCTION.equals(type)) {
                functions.add(function(field, properties, Optional.empty(), functions.size(),
                        properties.get("Role").map(r -> CfnValue.of(NodeJson.toJson(r)))));
            } else if (SAM_FUNCTION.equals(type) && sam) {
                Optional<CfnValue> ownRole = properties.get("Role").map(r -> CfnValue.of(NodeJson.toJson(r)));
                String role = field.key() + "Role"; // the role SAM creates for a function without Role
                functions.add(function(field, properties, globals, functions.size(), ownRole.or(() ->
                        Optional.of(CfnValue.of(JSON.objectNode().set("Fn::GetAtt",
                                JSON.arrayNode().add(role).add("Arn")))))));
                if (ownRole.isEmpty()) {
                    SamPolicies.read(role, field.key(), properties, position, statements, notAnalysed);
                }
                properties.field("Events").ifPresent(events -> notAnalysed.add(new NotAnalysed(
                        "the Events of SAM function " + field.key(),
                        "the resources and permissions SAM creates for them are not checked", events.keyRef())));
            } else if (type.startsWith("AWS::Serverless::") && sam) {
                notAnalysed.add(new NotAnalysed(type + " " + field.key(),
                        "the resources SAM creates from it are not checked", field.keyRef()));
            }
        }
        List<Object> facts = new ArrayList<>();
        facts.add(service);
        facts.addAll(functions);
        facts.addAll(resourceFacts);
        facts.addAll(statements);
        facts.addAll(notAnalysed);
        // the template is its own user section: the source map (cfn-lint's results) finds every path at its node
        return new Compilation(facts, new TemplateDraft(service, resourceFacts, List.of(), Optional.of(root)));
    }

    private static boolean isSam(MapNode root) {
        return transformNames(root).stream().anyMatch(t -> TemplateInput.SAM_TRANSFORM.equals(t.string().orElse("")));
    }

    private static List<ScalarNode> transformNames(MapNode root) {
        Optional<Node> transform = root.get("Transform");
        List<ScalarNode> names = new ArrayList<>();
        if (transform.isPresent() && transform.get() instanceof ScalarNode scalar) {
            names.add(scalar);
        } else if (transform.isPresent() && transform.get() instanceof ListNode list) {
            list.items().stream().filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast).forEach(names::add);
        }
        return names;
    }

    /** Transforms other than SAM's (macros, AWS::Include) change the template before deployment. */
    private static void transforms(MapNode root, List<NotAnalysed> out) {
        for (ScalarNode name : transformNames(root)) {
            String text = name.string().orElse("");
            if (!TemplateInput.SAM_TRANSFORM.equals(text)) {
                out.add(new NotAnalysed("the transform " + text,
                        "what it adds to or changes in the template is not checked", name.ref()));
            }
        }
    }

    private static Function function(MapNode.Field field, MapNode properties, Optional<MapNode> globals, int index,
                                     Optional<CfnValue> role) {
        List<MapNode.Field> config = new ArrayList<>();
        setting(properties, globals, "Runtime", "runtime").ifPresent(config::add);
        setting(properties, globals, "Handler", "handler").ifPresent(config::add);
        setting(properties, globals, "KmsKeyArn", "kmsKeyArn").ifPresent(config::add);
        setting(properties, globals, "Environment", "environment")
                .flatMap(env -> env.value() instanceof MapNode m ? m.field("Variables") : Optional.empty())
                .map(vars -> new MapNode.Field("environment", vars.keyRef(), vars.value())).ifPresent(config::add);
        Optional<String> runtime = setting(properties, globals, "Runtime", "runtime").flatMap(f -> text(Optional.of(f.value())));
        String name = text(properties.get("FunctionName")).orElse(field.key());
        int timeout = integer(setting(properties, globals, "Timeout", "timeout")).orElse(DEFAULT_TIMEOUT);
        int memory = integer(setting(properties, globals, "MemorySize", "memorySize")).orElse(DEFAULT_MEMORY);
        return new Function(field.key(), name, index, field.key(), runtime, timeout, memory, role, field.keyRef(),
                new MapNode(field.value().ref(), config));
    }

    /** The property {@code key} of the function, else of SAM's {@code Globals.Function}, renamed {@code as}. */
    private static Optional<MapNode.Field> setting(MapNode properties, Optional<MapNode> globals, String key, String as) {
        return properties.field(key).or(() -> globals.flatMap(g -> g.field(key)))
                .map(f -> new MapNode.Field(as, f.keyRef(), f.value()));
    }

    private static Optional<Integer> integer(Optional<MapNode.Field> field) {
        return field.map(MapNode.Field::value).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
                .flatMap(s -> {
                    try {
                        return Optional.of(Integer.parseInt(s.text().trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    private static String serviceName(String displayName) {
        String file = displayName.substring(displayName.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    static Optional<MapNode> map(Optional<Node> node) {
        return node.filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    static Optional<String> text(Optional<Node> node) {
        return node.filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast).flatMap(ScalarNode::string);
    }

    /** A statement of a SAM function's role, at {@code ref}. */
    static IamStatement statement(String role, ObjectNode document, String source, SourceRef ref, String order) {
        return StatementFacts.of(role, document, IamStatement.RESOURCE, source, Optional.empty(), ref, order);
    }

    static String order(int resource, int policy, int position) {
        return StatementOrder.resource(resource, policy, position);
    }
}
