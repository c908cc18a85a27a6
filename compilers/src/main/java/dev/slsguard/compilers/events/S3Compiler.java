package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.custom.CustomResources;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.S3Event;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code s3} events ({@code package/compile/events/s3/index.js}). New buckets: one
 * {@code AWS::S3::Bucket} per bucket name, {@code S3Bucket<Bucket>}, with every function's
 * notification and a {@code provider.s3.<ref>} definition's properties, and one
 * {@code AWS::Lambda::Permission} per function and bucket. Existing buckets
 * ({@code existing: true}): one {@code Custom::S3} resource per function, {@code <Fn>CustomS31},
 * run by the framework's custom-resource function (see {@link CustomResources}). Like v3, all new
 * buckets are compiled before the existing ones, once every event is known.
 */
public final class S3Compiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * One usable event, read the way v3 reads it.
     *
     * @param bucketWhere where a refusal of the bucket points: a scalar bucket itself, else the
     *                    {@code bucket} key
     */
    private record Item(EventItem event, JsonNode bucket, Node bucketNode, SourceRef bucketWhere,
                        String notificationEvent, Optional<Node> rules, boolean existing, boolean forceDeploy) {

        /** The bucket as v3 compares existing buckets (JSON text of an intrinsic). */
        String bucketKey() {
            return text(bucket);
        }
    }

    @Override
    public EventType eventType() {
        return EventType.S3;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        Optional<Item> read = read(event);
        if (read.isEmpty()) {
            return CompileResult.SKIPPED;
        }
        Item item = read.get();
        if (item.existing()) {
            Optional<Item> first = context.compiledEvents(eventType()).stream()
                    .filter(e -> e.function().key().equals(event.function().key()))
                    .flatMap(e -> read(e).stream()).filter(Item::existing).findFirst();
            if (first.isPresent() && !first.get().bucketKey().equals(item.bucketKey())) {
                return CompileResult.refused(event, "S3_MULTIPLE_BUCKETS_PER_FUNCTION", item.bucketWhere(),
                        "function " + event.function().key() + " already has events on existing bucket '"
                                + first.get().bucketKey() + "' (" + first.get().event().ref().lineSeenFrom(item.bucketWhere())
                                + "); Serverless Framework v3 allows one existing bucket per function"
                                + " (S3_MULTIPLE_BUCKETS_PER_FUNCTION): move the events on '" + item.bucketKey()
                                + "' to another function");
            }
        } else if (item.bucket().isObject()) {
            return CompileResult.refused(event, "S3_INVALID_NEW_BUCKET_FORMAT", item.bucketWhere(),
                    "s3 bucket is an intrinsic function, but without existing: true Serverless Framework v3 must"
                            + " create the bucket and needs its name (S3_INVALID_NEW_BUCKET_FORMAT): add"
                            + " existing: true for a bucket that exists, or give a name");
        } else {
            NewBucket bucket = newBucket(text(item.bucket()), context);
            // a name still holding a variable is compiled as is
            if (!S3Event.validBucketName(bucket.name()) && !bucket.name().contains("${")) {
                return CompileResult.refused(event, "S3_INVALID_BUCKET_PATTERN",
                        bucket.nameNode().map(Node::ref).orElse(item.bucketWhere()), "bucket name '" + bucket.name()
                                + "' is not a valid S3 bucket name" + bucket.definition()
                                        .map(d -> " (provider.s3." + d + ".name)").orElse("")
                                + ": use lower-case letters, digits, hyphens and dots only, starting and ending with"
                                + " a letter or digit; Serverless Framework v3 refuses it (S3_INVALID_BUCKET_PATTERN)");
            }
        }
        return CompileResult.COMPILED;
    }

    /** The event as v3 reads it; empty for malformed input, which the schema validation reports. */
    private static Optional<Item> read(EventItem event) {
        Node config = event.config();
        Optional<MapNode> object = config instanceof MapNode map ? Optional.of(map) : Optional.empty();
        Node bucketNode;
        SourceRef bucketWhere;
        if (object.isPresent()) {
            Optional<MapNode.Field> given = object.get().field("bucket");
            if (given.isEmpty() || !Js.present(NodeJson.toJson(given.get().value()))) {
                return Optional.empty(); // no bucket: skipped, the schema validation reports it
            }
            bucketNode = given.get().value();
            bucketWhere = bucketNode instanceof ScalarNode ? bucketNode.ref() : given.get().keyRef();
        } else if (config instanceof ScalarNode && Js.truthy(NodeJson.toJson(config))) {
            bucketNode = config;
            bucketWhere = config.ref();
        } else {
            return Optional.empty(); // a list or no value: skipped, as v3 skips a null s3 event; the schema reports it
        }
        JsonNode bucket = NodeJson.toJson(bucketNode);
        if (bucket.isArray()) {
            return Optional.empty(); // a list of buckets: skipped, the schema validation reports it
        }
        JsonNode notification = object.flatMap(m -> m.get("event")).map(NodeJson::toJson).orElse(null);
        String notificationEvent = Js.truthy(notification) ? text(notification) : S3Event.DEFAULT_EVENT;
        Optional<Node> rules = object.flatMap(m -> m.get("rules")).filter(n -> Js.truthy(NodeJson.toJson(n)));
        if (rules.isPresent() && !(rules.get() instanceof ListNode)) {
            return Optional.empty(); // v3 fails iterating rules that are not a list: skipped, the schema reports it
        }
        boolean existing = object.isPresent()
                && Js.truthy(object.flatMap(m -> m.get("existing")).map(NodeJson::toJson).orElse(null));
        boolean forceDeploy = Js.truthy(object.flatMap(m -> m.get("forceDeploy")).map(NodeJson::toJson).orElse(null));
        return Optional.of(new Item(event, bucket, bucketNode, bucketWhere, notificationEvent, rules, existing,
                forceDeploy));
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        List<Item> items = context.compiledEvents(eventType()).stream().flatMap(e -> read(e).stream()).toList();
        compileNewBuckets(items.stream().filter(i -> !i.existing()).toList(), context);
        compileExistingBuckets(items.stream().filter(Item::existing).toList(), context);
        return List.of();
    }

    /**
     * A new bucket's name and the {@code provider.s3} definition it refers to, if any.
     *
     * @param nameNode the definition's {@code name}, when the name comes from there
     */
    private record NewBucket(String name, Optional<String> definition, Optional<Node> definitionNode,
                             Optional<Node> nameNode) {
    }

    private static NewBucket newBucket(String ref, CompileContext context) {
        Optional<Node> definition = context.settings().provider().get("s3").filter(MapNode.class::isInstance)
                .flatMap(s3 -> ((MapNode) s3).get(ref)).filter(d -> Js.truthy(NodeJson.toJson(d)));
        if (definition.isEmpty()) {
            return new NewBucket(ref, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<Node> nameNode = definition.get() instanceof MapNode map
                ? map.get("name").filter(n -> Js.truthy(NodeJson.toJson(n))) : Optional.empty();
        return new NewBucket(nameNode.map(n -> text(NodeJson.toJson(n))).orElse(ref), Optional.of(ref), definition,
                nameNode);
    }

    /** One bucket's logical id and the key its permissions are named after (v3's bucketsMeta). */
    private record BucketMeta(String logicalId, String ref) {
    }

    private void compileNewBuckets(List<Item> items, CompileContext context) {
        Map<String, List<ObjectNode>> configurations = new LinkedHashMap<>();
        Map<String, BucketMeta> meta = new LinkedHashMap<>();
        Map<String, Node> definitions = new LinkedHashMap<>();
        List<Item> enabled = new ArrayList<>();
        List<String> enabledBuckets = new ArrayList<>();
        Map<String, List<Integer>> itemsOfBucket = new HashMap<>(); // each bucket's items, by their index in enabled
        for (Item item : items) {
            NewBucket bucket = newBucket(text(item.bucket()), context);
            if (bucket.definition().isPresent()) {
                meta.put(bucket.name(), new BucketMeta(Naming.bucketLogicalId(bucket.definition().get()),
                        bucket.definition().get()));
                definitions.put(bucket.name(), bucket.definitionNode().get());
            }
            ObjectNode configuration = JSON.objectNode();
            configuration.put("Event", item.notificationEvent());
            configuration.set("Function", item.event().function().target());
            item.rules().ifPresent(rules -> configuration.putObject("Filter").putObject("S3Key")
                    .set("Rules", newBucketRules((ListNode) rules)));
            configurations.computeIfAbsent(bucket.name(), b -> new ArrayList<>()).add(configuration);
            itemsOfBucket.computeIfAbsent(bucket.name(), b -> new ArrayList<>()).add(enabled.size());
            enabled.add(item);
            enabledBuckets.add(bucket.name());
        }

        for (String bucketName : Js.objectKeyOrder(List.copyOf(configurations.keySet()))) {
            ObjectNode resource = JSON.objectNode();
            resource.put("Type", "AWS::S3::Bucket");
            ObjectNode properties = resource.putObject("Properties");
            properties.put("BucketName", bucketName);
            ObjectNode notification = properties.putObject("NotificationConfiguration");
            ArrayNode lambdaConfigurations = notification.putArray("LambdaConfigurations");
            configurations.get(bucketName).forEach(lambdaConfigurations::add);
            BucketMeta bucketMeta = meta.get(bucketName);
            if (bucketMeta != null) {
                ObjectNode bucketConf = definitionProperties(definitions.get(bucketName));
                if (bucketConf.size() > 0) {
                    JsonNode provided = bucketConf.remove("NotificationConfiguration");
                    if (provided != null && provided.isObject()) {
                        provided.properties().forEach(e -> notification.set(e.getKey(), e.getValue()));
                    }
                }
                bucketConf.properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
            }
            ArrayNode dependsOn = resource.putArray("DependsOn");
            List<Integer> ofBucket = itemsOfBucket.get(bucketName);
            for (int i : ofBucket) {
                FunctionSettings function = enabled.get(i).event().function();
                dependsOn.add(permissionId(function, bucketName, meta));
                function.targetAlias().map(TargetAlias::logicalId).ifPresent(dependsOn::add);
            }
            String logicalId = bucketMeta != null ? bucketMeta.logicalId() : Naming.bucketLogicalId(bucketName);
            context.mergeResource(logicalId, resource, Optional.empty(), enabled.get(ofBucket.get(0)).event().ref());
        }

        for (int i = 0; i < enabled.size(); i++) {
            Item item = enabled.get(i);
            String bucketName = enabledBuckets.get(i);
            FunctionSettings function = item.event().function();
            ObjectNode permission = Cfn.invokePermission(function.targetAlias().map(TargetAlias::logicalId),
                    function.target(), "s3.amazonaws.com", Cfn.partitionArn(Cfn.text(":s3:::" + bucketName)));
            ((ObjectNode) permission.get("Properties")).set("SourceAccount", Cfn.ref("AWS::AccountId"));
            String permissionId = permissionId(function, bucketName, meta);
            context.mergeResource(permissionId, permission, Optional.of(function.key()), item.event().ref());

            BucketMeta bucketMeta = meta.get(bucketName);
            String bucketId = bucketMeta != null ? bucketMeta.logicalId() : Naming.bucketLogicalId(bucketName);
            context.addEventFact(new S3Event(function.key(), function.index(), item.event().index(),
                    CfnValue.of(item.bucket()), false, item.notificationEvent(), Optional.of(bucketName),
                    newBucket(text(item.bucket()), context).definition(), bucketId, Optional.of(permissionId),
                    item.event().options(), item.event().ref(), item.bucketNode().ref()));
        }
    }

    private static String permissionId(FunctionSettings function, String bucketName, Map<String, BucketMeta> meta) {
        BucketMeta bucketMeta = meta.get(bucketName);
        return Naming.s3PermissionLogicalId(function.key(), bucketMeta != null ? bucketMeta.ref() : bucketName);
    }

    /** {@code [{Name: <key>, Value: <value>}]}: each rule's first key and its value. */
    private static ArrayNode newBucketRules(ListNode rules) {
        ArrayNode out = JSON.arrayNode();
        for (Node rule : rules.items()) {
            ObjectNode entry = out.addObject();
            if (rule instanceof MapNode map && map.size() > 0) {
                MapNode.Field first = map.fields().get(0);
                entry.put("Name", first.key());
                entry.set("Value", NodeJson.toJson(first.value()));
            }
        }
        return out;
    }

    /** A {@code provider.s3} definition's keys but {@code name}, first letter upper-cased. */
    private static ObjectNode definitionProperties(Node definition) {
        ObjectNode out = JSON.objectNode();
        if (definition instanceof MapNode map) {
            for (MapNode.Field field : map.fields()) {
                if (!field.key().equals("name")) {
                    out.set(Js.upperFirst(field.key()), NodeJson.toJson(field.value()));
                }
            }
        }
        return out;
    }

    private void compileExistingBuckets(List<Item> items, CompileContext context) {
        if (items.isEmpty()) {
            return;
        }
        Map<String, List<String>> resourcesByBucket = new LinkedHashMap<>();
        List<S3Event> facts = new ArrayList<>();
        for (Item item : items) {
            FunctionSettings function = item.event().function();
            String resourceId = Naming.customS3LogicalId(function.key());
            String bucketKey = item.bucket().isTextual() ? item.bucket().textValue() : Js.stringify(item.bucket());
            List<String> chain = resourcesByBucket.computeIfAbsent(bucketKey, b -> new ArrayList<>());
            if (!chain.contains(resourceId)) {
                chain.add(resourceId);
            }
            ObjectNode bucketConfig = JSON.objectNode();
            bucketConfig.put("Event", item.notificationEvent());
            bucketConfig.set("Rules", existingBucketRules(item.rules()));

            Optional<Resource> created = context.resource(resourceId);
            if (created.isPresent()) {
                ((ArrayNode) created.get().definition().path("Properties").path("BucketConfigs")).add(bucketConfig);
            } else {
                ObjectNode resource = CustomResources.resource(CustomResources.Kind.S3, "Custom::S3", function);
                ObjectNode properties = (ObjectNode) resource.get("Properties");
                properties.set("BucketName", item.bucket());
                properties.putArray("BucketConfigs").add(bucketConfig);
                if (item.forceDeploy()) {
                    // v3 writes Date.now() to force an update on every deploy; slsguard's output is deterministic
                    properties.put("ForceDeploy", 0);
                }
                context.mergeResource(resourceId, resource, Optional.of(function.key()), item.event().ref());
            }
            Optional<String> bucketName = item.bucket().isTextual() ? Optional.of(item.bucket().textValue())
                    : Optional.empty();
            facts.add(new S3Event(function.key(), function.index(), item.event().index(), CfnValue.of(item.bucket()),
                    true, item.notificationEvent(), bucketName, Optional.empty(), resourceId, Optional.empty(),
                    item.event().options(), item.event().ref(), item.bucketNode().ref()));
        }
        CustomResources.chain(context, resourcesByBucket.values());
        facts.forEach(context::addEventFact);
        CustomResources.add(context, CustomResources.Kind.S3, eventType(), items.get(0).event().ref());
    }

    /** {@code [{Prefix: <value>}]}: each rule's first key start-cased, as v3 writes them for Custom::S3. */
    private static ArrayNode existingBucketRules(Optional<Node> rules) {
        ArrayNode out = JSON.arrayNode();
        if (rules.isEmpty()) {
            return out;
        }
        for (Node rule : ((ListNode) rules.get()).items()) {
            ObjectNode entry = out.addObject();
            if (rule instanceof MapNode map && map.size() > 0) {
                MapNode.Field first = map.fields().get(0);
                entry.set(startCase(first.key()), NodeJson.toJson(first.value()));
            }
        }
        return out;
    }

    /** lodash {@code _.startCase}: words split at case changes and non-alphanumerics, each upper-first. */
    public static String startCase(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            boolean boundary = word.length() > 0 && Character.isUpperCase(c)
                    && !Character.isUpperCase(word.charAt(word.length() - 1));
            if (boundary) {
                words.add(word.toString());
                word.setLength(0);
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        List<String> upper = new ArrayList<>();
        words.forEach(w -> upper.add(Js.upperFirst(w)));
        return String.join(" ", upper);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : Js.stringify(value);
    }
}
