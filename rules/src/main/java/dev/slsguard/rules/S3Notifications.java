package dev.slsguard.rules;

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
 * What S3 refuses at deploy time, or v3 handles surprisingly, in {@code s3} events beyond v3's
 * schema (s3.schema.json): notification event types, bucket name lengths, overlapping and repeated
 * key filters, existing buckets named like {@code provider.s3} definitions. Reads the event values
 * after the schema stage's coercion.
 */
public final class S3Notifications {

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

    private static final List<String> FILTER_KEYS = List.of("prefix", "suffix");

    private S3Notifications() {
    }

    /**
     * The {@code event} value when it has v3's form ({@code s3:...}) but names no S3 notification
     * type (list of zero or one, for DRL {@code from}).
     */
    public static List<Node> unknownEventType(Node config) {
        if (!(config instanceof MapNode map)) {
            return List.of();
        }
        return map.get("event").filter(Options::isString).filter(e -> !Options.unresolved(e))
                .filter(e -> Options.string(e).orElse("").matches("(?s)^s3:.+"))
                .filter(e -> !EVENT_TYPES.contains(Options.string(e).orElse(""))).map(List::of).orElse(List.of());
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
    public static List<NewBucketName> newBucketName(Node config, MapNode root) {
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
        Optional<Node> definition = providerS3(root).stream().filter(MapNode.class::isInstance)
                .flatMap(s3 -> ((MapNode) s3).get(ref).stream())
                .filter(d -> !(d instanceof ScalarNode s && (s.value() == null || s.text().isEmpty()
                        || Boolean.FALSE.equals(s.value())))).findFirst();
        if (definition.isEmpty()) {
            return List.of(new NewBucketName(ref, scalar.ref(), Optional.empty()));
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
        return List.of(new NewBucketName(ref, scalar.ref(), Optional.of(ref)));
    }

    /** Whether a name is one v3 creates (its pattern) but outside S3's 3 to 63 characters. */
    public static boolean badLength(String name) {
        return S3Event.validBucketName(name) && (name.length() < 3 || name.length() > 63);
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

    /** The {@code bucket} of a mapping event, or the event itself for the string form. */
    private static Optional<Node> bucketNode(Node config) {
        if (config instanceof MapNode map) {
            return map.get("bucket");
        }
        return config instanceof ScalarNode ? Optional.of(config) : Optional.empty();
    }

    /** {@code existing} is set to true (after coercion, so {@code "true"} counts). */
    private static boolean existing(Node config) {
        return config instanceof MapNode map && map.get("existing").flatMap(Options::bool).orElse(false);
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
     * The {@code rules} items that repeat a filter already given ({@code prefix} or {@code suffix}
     * twice), as their keys (for DRL {@code from}): S3 accepts one of each per notification.
     */
    public static List<MapNode.Field> repeatedFilters(Node config) {
        List<MapNode.Field> out = new ArrayList<>();
        if (!(config instanceof MapNode map) || !(map.get("rules").orElse(null) instanceof ListNode list)) {
            return out;
        }
        List<String> seen = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode rule) {
                for (MapNode.Field field : rule.fields()) {
                    if (FILTER_KEYS.contains(field.key()) && seen.contains(field.key())) {
                        out.add(field);
                    }
                    seen.add(field.key());
                }
            }
        }
        return out;
    }
}
