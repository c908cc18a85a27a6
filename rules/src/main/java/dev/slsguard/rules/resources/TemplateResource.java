package dev.slsguard.rules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resource of the merged template as the {@code resources} pack reads it: every value from the
 * template (so a property the compilers set and one the user wrote under {@code resources:} are
 * judged alike), every place from the user's own file. A value the user wrote is reported at its
 * line; a missing one at the resource's key under {@code resources.Resources}; a resource the
 * framework compiled from an event or setting (an {@code s3} event's bucket) at that event.
 *
 * <p>In a rule: {@code $bucket : TemplateResource() from TemplateResource.of($service, $resource)},
 * then {@code $acl : Property(textIs("PublicRead")) from $bucket.property("AccessControl")}.
 */
public final class TemplateResource {

    /** What a finding calls a resource of a type (the type itself for the others). */
    private static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", "bucket"),
            Map.entry("AWS::S3::BucketPolicy", "bucket policy"),
            Map.entry("AWS::SQS::Queue", "queue"),
            Map.entry("AWS::SQS::QueuePolicy", "queue policy"),
            Map.entry("AWS::SQS::QueueInlinePolicy", "queue policy"),
            Map.entry("AWS::SNS::Topic", "topic"),
            Map.entry("AWS::SNS::TopicPolicy", "topic policy"),
            Map.entry("AWS::SNS::TopicInlinePolicy", "topic policy"),
            Map.entry("AWS::KMS::Key", "KMS key"),
            Map.entry("AWS::KMS::ReplicaKey", "KMS replica key"),
            Map.entry("AWS::Kinesis::Stream", "Kinesis stream"),
            Map.entry("AWS::DynamoDB::Table", "table"),
            Map.entry("AWS::Logs::LogGroup", "log group"),
            Map.entry("AWS::RDS::DBInstance", "DB instance"),
            Map.entry("AWS::RDS::DBCluster", "DB cluster"),
            Map.entry("AWS::DocDB::DBCluster", "DocumentDB cluster"),
            Map.entry("AWS::Neptune::DBCluster", "Neptune cluster"),
            Map.entry("AWS::ElastiCache::ReplicationGroup", "ElastiCache replication group"),
            Map.entry("AWS::OpenSearchService::Domain", "OpenSearch domain"),
            Map.entry("AWS::Elasticsearch::Domain", "Elasticsearch domain"),
            Map.entry("AWS::Redshift::Cluster", "Redshift cluster"),
            Map.entry("AWS::AmazonMQ::Broker", "Amazon MQ broker"),
            Map.entry("AWS::EC2::SecurityGroup", "security group"),
            Map.entry("AWS::EC2::SecurityGroupIngress", "security group ingress"),
            Map.entry("AWS::SecretsManager::Secret", "secret"),
            Map.entry("AWS::SecretsManager::ResourcePolicy", "secret policy"),
            Map.entry("AWS::ECR::Repository", "ECR repository"),
            Map.entry("AWS::Events::EventBus", "event bus"),
            Map.entry("AWS::Events::EventBusPolicy", "event bus policy"),
            Map.entry("AWS::Lambda::Permission", "Lambda permission"));

    private final Resource resource;
    private final Setting declared;

    private TemplateResource(Resource resource, Setting declared) {
        this.resource = resource;
        this.declared = declared;
    }

    /** {@code resource} with the places of what {@code service}'s {@code resources:} wrote for it. */
    public static TemplateResource of(Service service, Resource resource) {
        Setting declaration = service.settings().at("resources", "Resources", resource.logicalId());
        return new TemplateResource(resource, declaration.isMap() ? declaration : Setting.absent("", resource.origin()));
    }

    public Resource resource() {
        return resource;
    }

    /** The logical id. */
    public String id() {
        return resource.logicalId();
    }

    public String type() {
        return resource.type();
    }

    /**
     * True when the user wrote this resource (or an override of one the framework creates) under
     * {@code resources.Resources}; false for a resource the framework compiled on its own.
     */
    public boolean declared() {
        return declared.present();
    }

    /** The value at {@code path} below {@code Properties} (keys, and list positions as numbers). */
    public Property property(Object... path) {
        List<Object> full = new ArrayList<>(path.length + 1);
        full.add("Properties");
        full.addAll(List.of(path));
        return at(full);
    }

    /** A value at the top of the resource ({@code DeletionPolicy}, {@code Condition}). */
    public Property attribute(String name) {
        return at(List.of(name));
    }

    Property at(List<Object> path) {
        JsonNode value = resource.definition();
        for (Object step : path) {
            value = step instanceof Integer i ? value.path(i) : value.path((String) step);
        }
        return new Property(this, path, value == null ? MissingNode.getInstance() : value, null);
    }

    /** Where a finding about the resource as a whole goes: its key under {@code resources.Resources}, or its origin. */
    public SourceRef where() {
        return declared.present() ? declared.keyRef() : resource.origin();
    }

    /**
     * Where a finding about the value at {@code path} goes: the value when the user wrote it; else the
     * key of the deepest part of the path the user wrote (never deeper than {@code Properties}: a
     * missing property is reported at the resource's key); else the resource's origin.
     */
    SourceRef locate(List<Object> path) {
        return locate(path, false);
    }

    /** As {@link #locate(List)}, but a value the user wrote is reported at its key rather than at the value. */
    SourceRef locateKey(List<Object> path) {
        return locate(path, true);
    }

    private SourceRef locate(List<Object> path, boolean atKey) {
        if (!declared.present()) {
            return resource.origin();
        }
        Setting current = declared;
        int depth = 0;
        for (Object step : path) {
            Setting next;
            if (step instanceof Integer i) {
                List<Setting> items = current.items();
                next = i < items.size() ? items.get(i) : null;
            } else {
                next = current.has((String) step) ? current.get((String) step) : null;
            }
            if (next == null) {
                break;
            }
            current = next;
            depth++;
        }
        if (depth == path.size()) {
            return atKey ? current.keyRef() : current.ref();
        }
        boolean withinProperties = depth >= 2 || depth == 1 && !"Properties".equals(path.get(0));
        return withinProperties ? current.keyRef() : declared.keyRef();
    }

    /**
     * The resource for a message: {@code bucket Uploads}, or for one the framework created,
     * {@code topic SNSTopicAlerts (created by Serverless Framework for function notify)}.
     */
    public String label() {
        String noun = NOUNS.getOrDefault(resource.type(), resource.type());
        if (declared.present()) {
            return noun + " " + id();
        }
        return noun + " " + id() + " (created by Serverless Framework"
                + resource.function().map(f -> " for function " + f).orElse("") + ")";
    }

    /**
     * How to name a property in a fix: {@code VersioningConfiguration} for a resource the user
     * wrote, {@code resources.Resources.S3BucketUploads.Properties.VersioningConfiguration} for one the
     * framework creates (Serverless Framework merges what is written there into its resource).
     */
    public String setting(String property) {
        return declared.present() ? property : "resources.Resources." + id() + ".Properties." + property;
    }

    @Override
    public String toString() {
        return resource.type() + " " + id();
    }
}
