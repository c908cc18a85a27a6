package dev.slsguard.rules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.S3Event;
import dev.slsguard.engine.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What the S3 checks need to know about a bucket: its public access block, its policies, its notifications. */
public final class Buckets {

    private static final List<String> BLOCK_FLAGS = List.of("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy",
            "RestrictPublicBuckets");

    private Buckets() {
    }

    /**
     * The public access block settings a bucket turns off: with {@code PublicAccessBlockConfiguration}
     * written, each flag not set to true is off (S3 takes a missing flag as false). Without the
     * configuration S3 blocks public access on new buckets, so nothing is reported. At the first flag
     * written as false, else at the configuration's key.
     */
    public static List<Detail> publicAccessBlockGaps(TemplateResource bucket) {
        Property block = bucket.property("PublicAccessBlockConfiguration");
        if (!block.known()) {
            return List.of();
        }
        List<String> off = new ArrayList<>();
        Property firstFalse = null;
        for (String flag : BLOCK_FLAGS) {
            Property value = block.get(flag);
            if (value.falseOrAbsent()) {
                off.add(flag);
                if (firstFalse == null && value.isFalse()) {
                    firstFalse = value;
                }
            }
        }
        if (off.isEmpty()) {
            return List.of();
        }
        return List.of(new Detail(firstFalse != null ? firstFalse.where() : block.keyWhere(), words(off)));
    }

    /**
     * True when the bucket notifies functions, queues, topics or EventBridge of its objects
     * ({@code NotificationConfiguration}), or an {@code s3} event with {@code existing: true} names it.
     */
    public static boolean receivesEvents(TemplateResource bucket, Collection<?> facts) {
        Property notifications = bucket.property("NotificationConfiguration");
        for (String kind : List.of("LambdaConfigurations", "QueueConfigurations", "TopicConfigurations")) {
            if (!notifications.get(kind).items().isEmpty()) {
                return true;
            }
        }
        if (notifications.get("EventBridgeConfiguration").present()) {
            return true;
        }
        String name = bucket.property("BucketName").text().orElse(null);
        for (Object fact : facts) {
            if (fact instanceof S3Event event && event.existing() && name != null
                    && event.bucketName().filter(name::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Versioning not enabled: no {@code VersioningConfiguration}, or {@code Status: Suspended}. */
    public static boolean unversioned(TemplateResource bucket) {
        Property status = bucket.property("VersioningConfiguration", "Status");
        return status.absent() || status.textIs("Suspended");
    }

    /**
     * True when a bucket policy of the template (that is, or may be, this bucket's) denies requests
     * without TLS: {@code Deny} on {@code aws:SecureTransport: false}, or on {@code s3:TlsVersion}
     * below a version. A policy whose bucket cannot be told offline counts, so that it never causes a
     * finding.
     */
    public static boolean requiresTls(Service service, TemplateResource bucket, Collection<?> facts) {
        for (Object fact : facts) {
            if (!(fact instanceof Resource r) || !r.type().equals("AWS::S3::BucketPolicy")) {
                continue;
            }
            TemplateResource policy = TemplateResource.of(service, r);
            if (!mayGuard(policy.property("Bucket"), bucket)) {
                continue;
            }
            for (PolicyStatement statement : ResourcePolicies.statements(service, r)) {
                if (statement.statement().get("Effect").textIs("Deny") && deniesPlainRequests(statement.statement())) {
                    return true;
                }
            }
            if (!policy.property("PolicyDocument").known()) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayGuard(Property target, TemplateResource bucket) {
        JsonNode json = target.json();
        if (json.isObject() && json.size() == 1 && json.has("Ref")) {
            return json.get("Ref").asText().equals(bucket.id());
        }
        if (!target.known()) {
            return true;
        }
        Property name = bucket.property("BucketName");
        return name.unknown() || name.known() && name.text().equals(target.text());
    }

    private static boolean deniesPlainRequests(Property statement) {
        Property condition = statement.get("Condition");
        if (condition.unknown()) {
            return true;
        }
        for (Property operator : condition.members()) {
            String op = operator.name();
            for (Property test : operator.members()) {
                String key = test.name().toLowerCase(Locale.ROOT);
                if (key.equals("aws:securetransport") && (op.equals("Bool") || op.equals("BoolIfExists"))
                        && test.items().stream().anyMatch(Property::isFalse)) {
                    return true;
                }
                if (key.equals("s3:tlsversion") && op.startsWith("NumericLessThan")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}; empty for no items. */
    static String words(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
