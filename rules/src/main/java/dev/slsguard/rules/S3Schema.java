package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.S3Event;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code s3} event schema of Serverless Framework v3 ({@code s3/index.js}): a bucket name, or
 * a mapping with {@code bucket} (required; a name, an intrinsic or {@code Fn::If}), {@code event}
 * ({@code s3:...}), {@code existing}, {@code forceDeploy} and {@code rules} (a list of one-key
 * mappings, {@code prefix} or {@code suffix}), no others. Also the names of buckets v3 creates.
 */
public final class S3Schema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("bucket", "event", "existing", "forceDeploy", "rules");

    /** The keys of one {@code rules} item. */
    public static final List<String> RULE_KEYS = List.of("prefix", "suffix");

    /** The notification event types S3 accepts (CloudFormation rejects others at deploy time). */
    public static final List<String> EVENT_TYPES = List.of("s3:TestEvent", "s3:ReducedRedundancyLostObject",
            "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete",
            "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*", "s3:ObjectRestore:Post",
            "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete", "s3:Replication:*",
            "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
            "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
            "s3:LifecycleTransition", "s3:IntelligentTiering", "s3:ObjectTagging:*", "s3:ObjectTagging:Put",
            "s3:ObjectTagging:Delete", "s3:ObjectAcl:Put", "s3:LifecycleExpiration:*",
            "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated");

    private S3Schema() {
    }

    /** Every violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node given, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("s3");
        Node config = unwrap(given);
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (config instanceof ScalarNode scalar) {
            if (scalar.value() == null || Options.string(config).orElse("").isEmpty()) {
                checks.add(Violation.SHAPE, eventRef, "s3 event has no bucket: write '- s3: <bucket name>' or"
                        + " '- s3: {bucket: <name>, event: s3:ObjectCreated:*}'");
            }
            return checks.violations();
        }
        if (Options.isIntrinsic(config)) {
            checks.add(Violation.SHAPE, eventRef, "s3 event given as " + Options.intrinsicName(config)
                    + " must name it under bucket, with existing: true: write"
                    + " '- s3: {bucket: <intrinsic>, existing: true}'");
            return checks.violations();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "s3 event must be a bucket name or a mapping with bucket and"
                    + " options; got " + Options.show(config));
            return checks.violations();
        }
        if (map.get("bucket").isEmpty()) {
            checks.add(Violation.SHAPE, eventRef, "s3 event needs bucket: the name of the bucket to create, or"
                    + " of an existing bucket with existing: true");
        }
        for (MapNode.Field field : map.fields()) {
            switch (field.key()) {
                case "bucket" -> bucket(checks, unwrap(field));
                case "event" -> event(checks, unwrap(field));
                case "existing" -> checks.bool("existing", unwrap(field));
                case "forceDeploy" -> checks.bool("forceDeploy", unwrap(field));
                case "rules" -> rules(checks, field);
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    private static void bucket(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value) || Options.isIntrinsic(value)) {
            return;
        }
        boolean ok = Options.coercesToString(value) && !Options.string(value).orElse("").isEmpty();
        if (!ok) {
            checks.add(Violation.SHAPE, OptionChecks.where(field), "s3 bucket must be a bucket name, or for an"
                    + " existing bucket an intrinsic such as !Ref BucketName; got " + Options.show(value));
        }
    }

    private static void event(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        String text = Options.isString(value) ? Options.string(value).orElse("") : "";
        if (!text.matches("(?s)^s3:.+")) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "s3 event must be an S3 event type such as"
                    + " s3:ObjectCreated:* or s3:ObjectRemoved:Delete; got " + Options.show(value));
        }
    }

    private static void rules(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof ListNode list)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "s3 rules must be a list of filters such as"
                    + " '- prefix: uploads/' or '- suffix: .jpg'; got " + Options.show(value));
            return;
        }
        for (Node item : list.items()) {
            if (Options.unresolved(item)) {
                continue;
            }
            if (!(item instanceof MapNode rule)) {
                checks.add(Violation.VALUE, item.ref(), "each s3 rule must be a mapping with one key, prefix or"
                        + " suffix, like 'prefix: uploads/'; got " + Options.show(item));
                continue;
            }
            if (rule.size() > 1) {
                checks.add(Violation.VALUE, rule.fields().get(1).keyRef(), "each s3 rule holds one filter; write"
                        + " prefix and suffix as"
                        + " two list items ('- prefix: a/' and '- suffix: .b')");
            }
            for (MapNode.Field filter : rule.fields()) {
                if (!RULE_KEYS.contains(filter.key())) {
                    checks.add(Violation.UNKNOWN_KEY, filter.keyRef(), "s3 rule has no filter '" + filter.key()
                            + "'" + Spelling.hint(filter.key(), RULE_KEYS) + "; allowed: prefix, suffix");
                    continue;
                }
                Node filterValue = unwrap(filter.value());
                if (!Options.isString(filterValue) && !Options.isIntrinsic(filterValue)
                        && !Options.unresolved(filterValue)) {
                    checks.add(Violation.VALUE, OptionChecks.where(filter), "s3 rule " + filter.key()
                            + " must be a string (or an intrinsic); got " + Options.show(filterValue));
                }
            }
        }
    }

    /** The {@code bucket} field of a mapping event, or the event itself for the string form. */
    public static Optional<Node> bucketNode(Node given) {
        Node config = unwrap(given);
        if (config instanceof MapNode map) {
            return map.get("bucket").map(S3Schema::unwrap);
        }
        return config instanceof ScalarNode ? Optional.of(config) : Optional.empty();
    }

    /** Where a bucket value is reported: a scalar at itself, a mapping at its key. */
    public static SourceRef bucketWhere(Node given, SourceRef fallback) {
        Node config = unwrap(given);
        if (config instanceof MapNode map) {
            return map.field("bucket").map(f -> OptionChecks.where(unwrap(f))).orElse(fallback);
        }
        return config.ref();
    }

    /**
     * The {@code bucket} of a new-bucket event when it is an intrinsic (v3's
     * {@code S3_INVALID_NEW_BUCKET_FORMAT}), as a list of zero or one node (for DRL {@code from}).
     */
    public static List<Node> newBucketIntrinsic(Node config) {
        if (!(config instanceof MapNode map) || existing(map)) {
            return List.of();
        }
        return map.get("bucket").filter(b -> b instanceof MapNode).map(List::of).orElse(List.of());
    }

    /** {@code existing} is set to true (or the string {@code "true"}, coerced like v3 does). */
    public static boolean existing(Node config) {
        return config instanceof MapNode map
                && map.get("existing").map(S3Schema::unwrap).flatMap(Options::bool).orElse(false);
    }

    /** Whether a name breaks v3's bucket-name pattern. */
    public static boolean invalidName(String name) {
        return !S3Event.validBucketName(name);
    }

    /** Whether a name is outside S3's 3 to 63 characters. */
    public static boolean badLength(String name) {
        return name.length() < 3 || name.length() > 63;
    }

    /** The settings of a {@code provider.s3} definition CloudFormation knows, in v3's schema's order. */
    public static final List<String> DEFINITION_KEYS = List.of("accelerateConfiguration", "accessControl",
            "analyticsConfigurations", "bucketEncryption", "bucketName", "corsConfiguration",
            "inventoryConfigurations", "lifecycleConfiguration", "loggingConfiguration", "metricsConfigurations",
            "name", "notificationConfiguration", "objectLockConfiguration", "objectLockEnabled",
            "publicAccessBlockConfiguration", "replicationConfiguration", "tags", "versioningConfiguration",
            "websiteConfiguration");

    /** The definition keys v3's schema types as lists; the others but a few scalars are mappings. */
    private static final List<String> LIST_KEYS = List.of("analyticsConfigurations", "inventoryConfigurations",
            "metricsConfigurations", "tags");
    private static final List<String> SCALAR_KEYS = List.of("accessControl", "bucketName", "name",
            "objectLockEnabled");

    /**
     * Violations of {@code provider.s3}: a mapping from a reference to a bucket definition, each a
     * mapping of the settings above ({@code name} and {@code bucketName} valid bucket names).
     */
    public static List<Violation> providerViolations(Node providerS3) {
        OptionChecks checks = new OptionChecks("provider.s3");
        if (Options.unresolved(providerS3)) {
            return List.of();
        }
        if (!(providerS3 instanceof MapNode map)) {
            checks.add(Violation.SHAPE, providerS3.ref(), "provider.s3 must be a mapping from a bucket reference"
                    + " to its definition, like 'uploads: {name: my-uploads}'; got " + Options.show(providerS3));
            return checks.violations();
        }
        for (MapNode.Field bucket : map.fields()) {
            String path = "provider.s3." + bucket.key();
            if (Options.unresolved(bucket.value())) {
                continue;
            }
            if (!(bucket.value() instanceof MapNode definition)) {
                checks.add(Violation.SHAPE, OptionChecks.where(bucket), path + " must be a bucket definition"
                        + " (a mapping of settings such as name and versioningConfiguration); got "
                        + Options.show(bucket.value()));
                continue;
            }
            for (MapNode.Field setting : definition.fields()) {
                Node value = setting.value();
                if (!DEFINITION_KEYS.contains(setting.key())) {
                    checks.add(Violation.UNKNOWN_KEY, setting.keyRef(), path + " has no setting '" + setting.key()
                            + "'" + Spelling.hint(setting.key(), DEFINITION_KEYS)
                            + "; settings are AWS::S3::Bucket properties with a lower-case first letter");
                    continue;
                }
                if (Options.unresolved(value) || Options.isIntrinsic(value)) {
                    continue;
                }
                if (setting.key().equals("name") || setting.key().equals("bucketName")) {
                    String name = Options.isString(value) ? Options.string(value).orElse("") : null;
                    if (name == null || invalidName(name) || badLength(name)) {
                        checks.add(Violation.VALUE, OptionChecks.where(setting), path + "." + setting.key()
                                + " must be a bucket name of 3 to 63 lower-case letters, digits, hyphens and dots;"
                                + " got " + Options.show(value));
                    }
                } else if (setting.key().equals("objectLockEnabled")) {
                    checks.bool(setting.key(), setting);
                } else if (LIST_KEYS.contains(setting.key()) && !(value instanceof ListNode)) {
                    checks.add(Violation.VALUE, OptionChecks.where(setting), path + "." + setting.key()
                            + " must be a list; got " + Options.show(value));
                } else if (!LIST_KEYS.contains(setting.key()) && !SCALAR_KEYS.contains(setting.key())
                        && !(value instanceof MapNode)) {
                    checks.add(Violation.VALUE, OptionChecks.where(setting), path + "." + setting.key()
                            + " must be a mapping of the AWS::S3::Bucket property's settings; got "
                            + Options.show(value));
                }
            }
        }
        return checks.violations();
    }

    /** {@code provider.s3} of a configuration, as a list of zero or one node (for DRL {@code from}). */
    public static List<Node> providerS3(MapNode root) {
        List<Node> out = new ArrayList<>();
        root.get("provider").filter(MapNode.class::isInstance).flatMap(p -> ((MapNode) p).get("s3"))
                .ifPresent(out::add);
        return out;
    }

    /**
     * A bucket v3 would create: its name and where to report it (the {@code provider.s3}
     * definition's {@code name} when the name comes from there, else the event's bucket).
     */
    public record NewBucketName(String name, SourceRef where, Optional<String> definition) {
    }

    /**
     * The bucket a new-bucket event creates, as v3 resolves it (a {@code provider.s3} reference
     * gives that definition's {@code name}), as a list of zero or one (for DRL {@code from}); none
     * for existing buckets, intrinsics and values holding unresolved variables.
     */
    public static List<NewBucketName> newBucketName(Node config, SourceRef eventRef, MapNode root) {
        if (existing(config)) {
            return List.of();
        }
        Optional<Node> bucket = bucketNode(config);
        if (bucket.isEmpty() || !(bucket.get() instanceof ScalarNode scalar) || scalar.value() == null
                || Options.unresolved(scalar)) {
            return List.of();
        }
        String ref = scalar.text();
        if (ref.isEmpty()) {
            return List.of();
        }
        SourceRef where = bucketWhere(config, eventRef);
        Optional<Node> definition = providerS3(root).stream().filter(MapNode.class::isInstance)
                .flatMap(s3 -> ((MapNode) s3).get(ref).stream())
                .filter(d -> !(d instanceof ScalarNode s && (s.value() == null || s.text().isEmpty()
                        || Boolean.FALSE.equals(s.value())))).findFirst();
        if (definition.isEmpty()) {
            return List.of(new NewBucketName(ref, where, Optional.empty()));
        }
        if (definition.get() instanceof MapNode map && map.get("name").isPresent()) {
            Node name = map.get("name").get();
            if (name instanceof ScalarNode nameScalar && nameScalar.value() != null && !nameScalar.text().isEmpty()) {
                if (Options.unresolved(name)) {
                    return List.of();
                }
                return List.of(new NewBucketName(nameScalar.text(), name.ref(), Optional.of(ref)));
            }
        }
        return List.of(new NewBucketName(ref, where, Optional.of(ref)));
    }

    /** The bucket of an existing-bucket event as v3 compares them (JSON text of an intrinsic). */
    public static String bucketKey(Node config) {
        return bucketNode(config).map(b -> b instanceof ScalarNode s ? s.text()
                : dev.slsguard.engine.source.Nodes.toJson(b).toString()).orElse("");
    }

    /** The {@code event} value when it names no S3 notification type (list of zero or one, for DRL). */
    public static List<Node> unknownEventType(Node config) {
        if (!(config instanceof MapNode map)) {
            return List.of();
        }
        return map.get("event").map(S3Schema::unwrap).filter(Options::isString).filter(e -> !Options.unresolved(e))
                .filter(e -> Options.string(e).orElse("").matches("(?s)^s3:.+"))
                .filter(e -> !EVENT_TYPES.contains(Options.string(e).orElse(""))).map(List::of).orElse(List.of());
    }

    /**
     * The {@code bucket} of an existing-bucket event that is also a {@code provider.s3} reference,
     * whose definition v3 then ignores (list of zero or one, for DRL).
     */
    public static List<Node> existingNamesDefinition(Node config, MapNode root) {
        if (!existing(config)) {
            return List.of();
        }
        Optional<Node> bucket = bucketNode(config).filter(Options::isString);
        if (bucket.isEmpty()) {
            return List.of();
        }
        String ref = Options.string(bucket.get()).orElse("");
        boolean defined = providerS3(root).stream().filter(MapNode.class::isInstance)
                .anyMatch(s3 -> ((MapNode) s3).has(ref));
        return defined ? List.of(bucket.get()) : List.of();
    }

    /**
     * Whether S3 would refuse two notifications of one bucket as overlapping: their event types
     * overlap ({@code s3:ObjectCreated:*} covers {@code s3:ObjectCreated:Put}) and so do their key
     * filters (one prefix starts the other, one suffix ends the other; no filter matches every
     * key). Filters given as intrinsics or unresolved variables are unknown: no overlap is claimed.
     */
    public static boolean overlap(S3Event a, S3Event b) {
        if (!eventsOverlap(a.event(), b.event())) {
            return false;
        }
        Optional<String[]> fa = filter(a.config());
        Optional<String[]> fb = filter(b.config());
        if (fa.isEmpty() || fb.isEmpty()) {
            return false;
        }
        String[] x = fa.get();
        String[] y = fb.get();
        return (x[0].startsWith(y[0]) || y[0].startsWith(x[0])) && (x[1].endsWith(y[1]) || y[1].endsWith(x[1]));
    }

    private static boolean eventsOverlap(String x, String y) {
        return x.equals(y) || covers(x, y) || covers(y, x);
    }

    private static boolean covers(String wildcard, String other) {
        return wildcard.endsWith("*") && other.startsWith(wildcard.substring(0, wildcard.length() - 1));
    }

    /** {prefix, suffix} of an event's rules ("" when absent); empty when not known. */
    private static Optional<String[]> filter(Node config) {
        String[] out = {"", ""};
        if (!(config instanceof MapNode map) || map.get("rules").isEmpty()) {
            return Optional.of(out);
        }
        if (!(map.get("rules").get() instanceof ListNode list)) {
            return Optional.empty();
        }
        for (Node item : list.items()) {
            if (!(item instanceof MapNode rule) || rule.size() != 1) {
                return Optional.empty();
            }
            MapNode.Field field = rule.fields().get(0);
            if (!Options.isString(field.value()) || Options.unresolved(field.value())) {
                return Optional.empty();
            }
            String value = Options.string(field.value()).orElse("");
            switch (field.key()) {
                case "prefix" -> out[0] = value;
                case "suffix" -> out[1] = value;
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out);
    }

    /**
     * A one-element list holding a scalar, read as that scalar: AJV's {@code coerceTypes: 'array'}
     * does so where v3's schema wants a string or a boolean.
     */
    static Node unwrap(Node node) {
        if (node instanceof ListNode list && list.items().size() == 1 && list.items().get(0) instanceof ScalarNode) {
            return list.items().get(0);
        }
        return node;
    }

    private static MapNode.Field unwrap(MapNode.Field field) {
        Node value = unwrap(field.value());
        return value == field.value() ? field : new MapNode.Field(field.key(), field.keyRef(), value);
    }

    /**
     * The {@code rules} items that repeat a filter already given ({@code prefix} or {@code suffix}
     * twice), as their keys (for DRL {@code from}): S3 accepts one of each per notification.
     */
    public static List<MapNode.Field> repeatedFilters(Node given) {
        Node config = unwrap(given);
        List<MapNode.Field> out = new ArrayList<>();
        if (!(config instanceof MapNode map) || !(map.get("rules").orElse(null) instanceof ListNode list)) {
            return out;
        }
        List<String> seen = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode rule) {
                for (MapNode.Field field : rule.fields()) {
                    if (RULE_KEYS.contains(field.key()) && seen.contains(field.key())) {
                        out.add(field);
                    }
                    seen.add(field.key());
                }
            }
        }
        return out;
    }
}
