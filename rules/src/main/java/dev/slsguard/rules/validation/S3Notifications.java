package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.S3Event;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
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
    public static List<Setting> unknownEventType(Setting options) {
        Setting event = options.get("event");
        if (!event.isText() || event.unresolved()) {
            return List.of();
        }
        String type = event.textOr("");
        return type.matches("(?s)^s3:.+") && !EVENT_TYPES.contains(type) ? List.of(event) : List.of();
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
    public static List<NewBucketName> newBucketName(Setting options, Service service) {
        if (existing(options)) {
            return List.of();
        }
        Setting bucket = bucket(options);
        if (!bucket.coercesToString() || bucket.unresolved()) {
            return List.of();
        }
        String ref = bucket.textOr("");
        if (ref.isEmpty()) {
            return List.of();
        }
        Setting definition = service.settings().at("provider", "s3", ref);
        if (!definition.truthy()) {
            return List.of(new NewBucketName(ref, bucket.ref(), Optional.empty()));
        }
        Setting name = definition.get("name");
        if (name.coercesToString() && !name.textOr("").isEmpty()) {
            return name.unresolved() ? List.of()
                    : List.of(new NewBucketName(name.textOr(""), name.ref(), Optional.of(ref)));
        }
        return List.of(new NewBucketName(ref, bucket.ref(), Optional.of(ref)));
    }

    /** Whether a name is one v3 creates (its pattern) but outside S3's 3 to 63 characters. */
    public static boolean badLength(String name) {
        return S3Event.validBucketName(name) && (name.length() < 3 || name.length() > 63);
    }

    /**
     * The {@code bucket} of an existing-bucket event that is also a {@code provider.s3} reference,
     * whose definition v3 then ignores (list of zero or one, for DRL).
     */
    public static List<Setting> existingNamesDefinition(Setting options, Service service) {
        if (!existing(options)) {
            return List.of();
        }
        Setting bucket = bucket(options);
        if (!bucket.isText()) {
            return List.of();
        }
        return service.settings().at("provider", "s3").has(bucket.textOr("")) ? List.of(bucket) : List.of();
    }

    /** The {@code bucket} of a mapping event, or the event itself for the string form. */
    private static Setting bucket(Setting options) {
        return options.isScalar() ? options : options.get("bucket");
    }

    /** {@code existing} is set to true (after coercion, so {@code "true"} counts). */
    private static boolean existing(Setting options) {
        return options.get("existing").isTrue();
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
        Optional<String[]> fa = filter(a.options());
        Optional<String[]> fb = filter(b.options());
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
    private static Optional<String[]> filter(Setting options) {
        String[] out = {"", ""};
        Setting rules = options.get("rules");
        if (!rules.present()) {
            return Optional.of(out);
        }
        if (!rules.isList()) {
            return Optional.empty();
        }
        for (Setting rule : rules.items()) {
            if (!rule.isMap() || rule.size() != 1) {
                return Optional.empty();
            }
            Setting filter = rule.members().get(0);
            if (!filter.isText() || filter.unresolved()) {
                return Optional.empty();
            }
            switch (filter.name()) {
                case "prefix" -> out[0] = filter.textOr("");
                case "suffix" -> out[1] = filter.textOr("");
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out);
    }

    /**
     * The {@code rules} items that repeat a filter already given ({@code prefix} or {@code suffix}
     * twice), each named by its key (for DRL {@code from}): S3 accepts one of each per notification.
     */
    public static List<Setting> repeatedFilters(Setting options) {
        List<Setting> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Setting rule : options.get("rules").items()) {
            for (Setting filter : rule.members()) {
                if (FILTER_KEYS.contains(filter.name()) && seen.contains(filter.name())) {
                    out.add(filter);
                }
                seen.add(filter.name());
            }
        }
        return out;
    }
}
