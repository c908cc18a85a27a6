package dev.slsguard.compilers.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.Map;
import java.util.Optional;

/**
 * v3's core template ({@code generateCoreTemplate}): the deployment bucket, its TLS-only bucket
 * policy and the {@code ServerlessDeploymentBucketName} output; with
 * {@code provider.deploymentBucket} the bucket resources go and the output holds the given name.
 */
public final class CoreTemplateCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CoreTemplateCompiler() {
    }

    public static void compile(CompileContext context) {
        ServiceSettings settings = context.settings();
        SourceRef origin = settings.provider().field("deploymentBucket").map(MapNode.Field::keyRef)
                .orElse(settings.ref());
        ObjectNode output = JSON.objectNode();
        if (settings.deploymentBucketName().isPresent()) {
            output.set("Value", settings.deploymentBucketName().get().deepCopy());
            context.putOutput(Naming.DEPLOYMENT_BUCKET_OUTPUT_ID, output);
            return;
        }
        ObjectNode bucket = bucket();
        ObjectNode policy = bucketPolicy();
        boolean skipPolicy = false;
        if (settings.deploymentBucketObject().isPresent()) {
            MapNode config = settings.deploymentBucketObject().get();
            ObjectNode properties = (ObjectNode) bucket.get("Properties");
            JsonNode tags = NodeJson.toJsonOrNull(config.get("tags"));
            if (tags != null && tags.isObject() && tags.size() > 0) {
                ArrayNode list = properties.putArray("Tags");
                for (Map.Entry<String, JsonNode> tag : tags.properties()) {
                    list.addObject().put("Key", tag.getKey()).set("Value", tag.getValue());
                }
            }
            if (Js.truthy(NodeJson.toJsonOrNull(config.get("blockPublicAccess")))) {
                properties.putObject("PublicAccessBlockConfiguration").put("BlockPublicAcls", true)
                        .put("BlockPublicPolicy", true).put("IgnorePublicAcls", true)
                        .put("RestrictPublicBuckets", true);
            }
            if (Js.truthy(NodeJson.toJsonOrNull(config.get("versioning")))) {
                properties.putObject("VersioningConfiguration").put("Status", "Enabled");
            }
            skipPolicy = Js.truthy(NodeJson.toJsonOrNull(config.get("skipPolicySetup")));
        }
        context.putResource(Naming.DEPLOYMENT_BUCKET_LOGICAL_ID, bucket, Optional.empty(), origin);
        if (!skipPolicy) {
            context.putResource(Naming.DEPLOYMENT_BUCKET_POLICY_LOGICAL_ID, policy, Optional.empty(), origin);
        }
        output.set("Value", Cfn.ref(Naming.DEPLOYMENT_BUCKET_LOGICAL_ID));
        context.putOutput(Naming.DEPLOYMENT_BUCKET_OUTPUT_ID, output);
    }

    /** {@code Code.S3Bucket} of every function: the configured bucket, or a Ref to the core one. */
    public static JsonNode codeBucket(ServiceSettings settings) {
        return settings.deploymentBucketName().<JsonNode>map(JsonNode::deepCopy)
                .orElseGet(() -> Cfn.ref(Naming.DEPLOYMENT_BUCKET_LOGICAL_ID));
    }

    private static ObjectNode bucket() {
        ObjectNode bucket = JSON.objectNode();
        bucket.put("Type", "AWS::S3::Bucket");
        bucket.putObject("Properties").putObject("BucketEncryption").putArray("ServerSideEncryptionConfiguration")
                .addObject().putObject("ServerSideEncryptionByDefault").put("SSEAlgorithm", "AES256");
        return bucket;
    }

    private static ObjectNode bucketPolicy() {
        ObjectNode policy = JSON.objectNode();
        policy.put("Type", "AWS::S3::BucketPolicy");
        ObjectNode properties = policy.putObject("Properties");
        properties.set("Bucket", Cfn.ref(Naming.DEPLOYMENT_BUCKET_LOGICAL_ID));
        ObjectNode statement = properties.putObject("PolicyDocument").putArray("Statement").addObject();
        statement.put("Action", "s3:*").put("Effect", "Deny").put("Principal", "*");
        ArrayNode resources = statement.putArray("Resource");
        resources.add(bucketArn("/*"));
        resources.add(bucketArn(null));
        statement.putObject("Condition").putObject("Bool").put("aws:SecureTransport", false);
        return policy;
    }

    private static ObjectNode bucketArn(String suffix) {
        JsonNode bucket = Cfn.ref(Naming.DEPLOYMENT_BUCKET_LOGICAL_ID);
        return suffix == null ? Cfn.partitionArn(Cfn.text(":s3:::"), bucket)
                : Cfn.partitionArn(Cfn.text(":s3:::"), bucket, Cfn.text(suffix));
    }
}
