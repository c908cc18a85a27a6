package dev.slsguard.compilers.bind;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Invocation;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.UnsupportedEvent;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.vars.ResolvedDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bind stage: reads the resolved configuration into settings and facts the way v3 reads it
 * (function order of {@code Object.keys}, default names, role resolution, target aliases). Never
 * fails on a malformed function or event: what cannot be read is left to validation rules.
 */
public final class ServiceBinder {

    private static final String DEFAULT_RUNTIME = "nodejs16.x";

    private ServiceBinder() {
    }

    /**
     * @param compiledTypes the event types slsguard compiles ({@code EventDecl.compiled})
     * @throws UserError when {@code service} is missing (v3 refuses such a file too)
     */
    public static BoundService bind(ResolvedDocument document, Set<EventType> compiledTypes) {
        MapNode root = document.root();
        String file = document.source().displayName();
        Node serviceNode = root.get("service").orElse(null);
        if (!(serviceNode instanceof ScalarNode serviceScalar) || serviceScalar.value() == null
                || serviceScalar.text().isEmpty()) {
            throw new UserError(serviceNode != null ? serviceNode.ref() : root.ref(),
                    "\"service\" must be set to the service name");
        }
        String name = serviceScalar.text();
        SourceRef serviceRef = root.field("service").map(MapNode.Field::keyRef).orElse(serviceNode.ref());
        MapNode provider = root.get("provider").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElse(emptyMap(root.ref()));

        Optional<JsonNode> bucketName = Optional.empty();
        Optional<MapNode> bucketObject = Optional.empty();
        Optional<Node> bucket = provider.get("deploymentBucket");
        if (bucket.isPresent() && bucket.get() instanceof MapNode bucketMap) {
            if (bucketMap.size() > 0) {
                bucketObject = Optional.of(bucketMap);
            }
            bucketName = bucketMap.get("name").map(NodeJson::toJson).filter(Js::truthy);
        } else if (bucket.isPresent()) {
            bucketName = Optional.of(NodeJson.toJson(bucket.get())).filter(Js::truthy);
        }

        JsonNode iamRole = NodeJson.toJsonOrNull(provider.at("iam", "role"));
        boolean existingRole = isExistingRoleProvided(iamRole);
        MapNode roleConfig = provider.at("iam", "role").filter(n -> !existingRole && n instanceof MapNode)
                .map(MapNode.class::cast).orElse(emptyMap(provider.ref()));
        JsonNode legacyRole = NodeJson.toJsonOrNull(provider.get("role"));
        Optional<JsonNode> consumerNamingMode = provider.at("kinesis", "consumerNamingMode").map(NodeJson::toJson);

        List<FunctionSettings> functions = new ArrayList<>();
        Map<String, MapNode> functionConfigs = functionConfigs(root);
        for (Map.Entry<String, MapNode> entry : functionConfigs.entrySet()) {
            functions.add(bindFunction(entry.getKey(), functions.size(), entry.getValue(), root, name,
                    document.stage(), existingRole ? iamRole : null, legacyRole,
                    compiledTypes.contains(EventType.CLOUD_FRONT)));
        }
        boolean everyFunctionHasRole = functions.stream().allMatch(f -> f.config().has("role"));
        boolean executionRole = !functions.isEmpty() && !existingRole && !provider.has("role")
                && !everyFunctionHasRole;

        ServiceSettings settings = new ServiceSettings(name, document.stage(), document.region(), file, root,
                provider, serviceRef, bucketName, bucketObject, roleConfig, executionRole, consumerNamingMode);
        String validationMode = root.get("configValidationMode").filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()).orElse("warn");
        Service service = new Service(name, document.stage(), document.region(), validationMode,
                consumerNamingMode.filter(JsonNode::isTextual).map(JsonNode::textValue), executionRole,
                serviceRef, root);

        List<Function> functionFacts = new ArrayList<>();
        List<EventItem> events = new ArrayList<>();
        List<EventDecl> declarations = new ArrayList<>();
        List<UnsupportedEvent> unsupported = new ArrayList<>();
        for (FunctionSettings function : functions) {
            functionFacts.add(functionFact(function, settings));
            bindEvents(function, compiledTypes, events, declarations, unsupported);
        }
        return new BoundService(settings, functions, events, service, functionFacts, declarations, unsupported);
    }

    /** {@code functions:} in the order of {@code Object.keys}; null entries dropped like v3 does. */
    private static Map<String, MapNode> functionConfigs(MapNode root) {
        Map<String, MapNode> byKey = new LinkedHashMap<>();
        Optional<Node> functions = root.get("functions");
        List<MapNode.Field> fields = new ArrayList<>();
        if (functions.isPresent() && functions.get() instanceof MapNode map) {
            fields.addAll(map.fields());
        } // the list form was merged into a mapping after variable resolution (LegacyArrays)
        Map<String, MapNode> inOrder = new LinkedHashMap<>();
        for (MapNode.Field f : fields) {
            if (f.value() instanceof MapNode config) {
                byKey.put(f.key(), config);
            } else {
                byKey.remove(f.key()); // null or not a mapping: not a function v3 compiles
            }
        }
        for (String key : Js.objectKeyOrder(List.copyOf(byKey.keySet()))) {
            inOrder.put(key, byKey.get(key));
        }
        return inOrder;
    }

    private static FunctionSettings bindFunction(String key, int index, MapNode config, MapNode root,
                                                 String service, String stage, JsonNode existingProviderRole,
                                                 JsonNode legacyRole, boolean compilesCloudFront) {
        JsonNode nameValue = NodeJson.toJsonOrNull(config.get("name"));
        String name = Js.truthy(nameValue) ? (nameValue.isTextual() ? nameValue.textValue() : Js.stringify(nameValue))
                : Naming.defaultFunctionName(service, stage, key);
        SourceRef ref = functionKeyRef(root, key, config);

        JsonNode ownRole = NodeJson.toJsonOrNull(config.get("role"));
        JsonNode customRole = Js.truthy(ownRole) ? ownRole
                : existingProviderRole != null ? existingProviderRole
                : Js.truthy(legacyRole) ? legacyRole : null;

        Optional<TargetAlias> alias = Optional.empty();
        if (Js.truthy(NodeJson.toJsonOrNull(config.get("provisionedConcurrency")))) {
            alias = Optional.of(new TargetAlias(Naming.PROVISIONED_ALIAS_NAME,
                    Naming.provisionedConcurrencyAliasLogicalId(key)));
        }
        if (Js.truthy(NodeJson.toJsonOrNull(config.get("snapStart")))) {
            alias = Optional.of(new TargetAlias(Naming.SNAP_START_ALIAS_NAME, Naming.snapStartAliasLogicalId(key)));
        }
        return new FunctionSettings(key, index, name, Naming.lambdaLogicalId(key), config, ref,
                Optional.ofNullable(customRole), roleDependency(customRole), alias,
                compilesCloudFront && hasCloudFrontEvent(config));
    }

    /** v3's {@code events.find(event => event.cloudFront)}: an item with a truthy {@code cloudFront}. */
    private static boolean hasCloudFrontEvent(MapNode config) {
        return config.get("events").filter(ListNode.class::isInstance).map(ListNode.class::cast)
                .map(list -> list.items().stream().anyMatch(item -> item instanceof MapNode map
                        && Js.truthy(NodeJson.toJsonOrNull(map.get(EventType.CLOUD_FRONT.key())))))
                .orElse(false);
    }

    private static SourceRef functionKeyRef(MapNode root, String key, MapNode config) {
        return root.get("functions").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .flatMap(m -> m.field(key)).map(MapNode.Field::keyRef).orElse(config.ref());
    }

    /** v3's {@code isExistingRoleProvided}: a string, or an object with an intrinsic-looking key. */
    static boolean isExistingRoleProvided(JsonNode role) {
        if (role == null) {
            return false;
        }
        if (role.isTextual()) {
            return true;
        }
        if (role.isObject()) {
            for (Map.Entry<String, JsonNode> e : role.properties()) {
                if (e.getKey().contains("::")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** v3's {@code resolveFunctionIamRoleResourceName}. */
    static Optional<String> roleDependency(JsonNode customRole) {
        if (customRole == null) {
            return Optional.of(Naming.ROLE_LOGICAL_ID);
        }
        if (customRole.isTextual()) {
            String role = customRole.textValue();
            return role.contains(":") ? Optional.empty() : Optional.of(role);
        }
        JsonNode getAtt = customRole.get("Fn::GetAtt");
        if (getAtt != null && getAtt.isArray() && getAtt.size() == 2 && getAtt.get(0).isTextual()
                && getAtt.get(1).isTextual() && getAtt.get(1).textValue().equals("Arn")) {
            return Optional.of(getAtt.get(0).textValue());
        }
        if (Js.truthy(customRole.get("Fn::ImportValue")) || Js.truthy(customRole.get("Ref"))
                || Js.truthy(customRole.get("Fn::Sub"))) {
            return Optional.empty();
        }
        return Optional.of(Naming.ROLE_LOGICAL_ID);
    }

    private static Function functionFact(FunctionSettings function, ServiceSettings settings) {
        MapNode config = function.config();
        Optional<String> runtime;
        if (Js.truthy(function.value("image")) && !Js.truthy(function.value("handler"))) {
            runtime = Optional.empty();
        } else {
            JsonNode own = function.value("runtime");
            JsonNode providerRuntime = settings.providerValue("runtime");
            JsonNode effective = Js.truthy(own) ? own : Js.truthy(providerRuntime) ? providerRuntime : null;
            runtime = Optional.of(effective == null ? DEFAULT_RUNTIME
                    : effective.isTextual() ? effective.textValue() : Js.stringify(effective));
        }
        // Lambda@Edge: v3 gives the function 5 s and 128 MB unless it sets its own, whatever the provider says
        int timeout = function.lambdaAtEdge() ? positiveInt(function.value("timeout"), null, 5)
                : positiveInt(function.value("timeout"), settings.providerValue("timeout"), 6);
        int memory = function.lambdaAtEdge() ? positiveInt(function.value("memorySize"), null, 128)
                : positiveInt(function.value("memorySize"), settings.providerValue("memorySize"), 1024);
        Optional<CfnValue> role = config.get("role").map(NodeJson::toJson).map(CfnValue::of);
        return new Function(function.key(), function.name(), function.index(), function.logicalId(), runtime,
                timeout, memory, role, function.ref(), config);
    }

    /** {@code own || provider || fallback} after coercion, as an int when it is a number. */
    private static int positiveInt(JsonNode own, JsonNode provider, int fallback) {
        for (JsonNode candidate : new JsonNode[] {own, provider}) {
            if (Js.truthy(candidate)) {
                return candidate.isNumber() ? candidate.intValue() : fallback;
            }
        }
        return fallback;
    }

    /**
     * One {@code EventDecl} per item, with its type's plugin order and invocation from the
     * registry (-1 and {@code NONE} for an unknown key or a malformed item); an {@code EventItem}
     * per compiled one, an {@code UnsupportedEvent} (with a spelling suggestion for an unknown key)
     * per other one.
     */
    private static void bindEvents(FunctionSettings function, Set<EventType> compiledTypes, List<EventItem> events,
                                   List<EventDecl> declarations, List<UnsupportedEvent> unsupported) {
        Optional<Node> eventsNode = function.config().get("events");
        if (eventsNode.isEmpty() || !(eventsNode.get() instanceof ListNode list)) {
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String type;
            Node config;
            String reportedType;
            Optional<EventType> eventType;
            if (item instanceof MapNode map && map.size() == 1) {
                MapNode.Field field = map.fields().get(0);
                type = field.key();
                config = field.value();
                reportedType = type;
                eventType = EventType.of(type);
            } else {
                type = item.kind();
                config = item;
                reportedType = item instanceof ScalarNode s && s.isString() ? s.text() : type;
                eventType = Optional.empty();
            }
            boolean compiled = eventType.filter(compiledTypes::contains).isPresent();
            declarations.add(new EventDecl(function.key(), i, type, eventType.map(EventType::pluginOrder).orElse(-1),
                    eventType.map(EventType::invocation).orElse(Invocation.NONE), Setting.of(config, item.ref()), item.ref(),
                    compiled));
            if (compiled) {
                events.add(new EventItem(function, i, eventType.get(), config, item.ref()));
            } else {
                boolean known = EventType.of(reportedType).isPresent();
                unsupported.add(new UnsupportedEvent(function.key(), i, reportedType, known,
                        known ? Optional.empty() : Spelling.closest(reportedType, EventType.keys()), item.ref()));
            }
        }
    }

    private static MapNode emptyMap(SourceRef ref) {
        return new MapNode(ref, List.of());
    }
}
