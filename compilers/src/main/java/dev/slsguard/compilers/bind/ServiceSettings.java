package dev.slsguard.compilers.bind;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.Optional;

/**
 * Service-wide settings as the compilers need them.
 *
 * @param name                  {@code service}
 * @param stage                 the effective stage
 * @param region                the effective region
 * @param file                  the configuration file's display name
 * @param root                  the resolved configuration
 * @param provider              {@code provider} (an empty mapping when absent)
 * @param ref                   the {@code service} key
 * @param deploymentBucketName  {@code provider.deploymentBucket} (or its {@code name}): no core
 *                              bucket resources
 * @param deploymentBucketObject {@code provider.deploymentBucket} in its object form
 * @param roleConfig            {@code provider.iam.role} in its object form (an empty mapping
 *                              otherwise): name, path, statements, managed policies ...
 * @param executionRole         whether v3 creates {@code IamRoleLambdaExecution}
 * @param consumerNamingMode    {@code provider.kinesis.consumerNamingMode} as JSON, if set
 */
public record ServiceSettings(String name, String stage, String region, String file, MapNode root,
                              MapNode provider, SourceRef ref, Optional<JsonNode> deploymentBucketName,
                              Optional<MapNode> deploymentBucketObject, MapNode roleConfig,
                              boolean executionRole, Optional<JsonNode> consumerNamingMode) {

    /** A {@code provider} value as JSON; a Java {@code null} when absent. */
    public JsonNode providerValue(String... path) {
        return NodeJson.toJsonOrNull(provider.at(path));
    }

    /** A {@code provider.iam.role} value as JSON; a Java {@code null} when absent. */
    public JsonNode roleValue(String key) {
        return NodeJson.toJsonOrNull(roleConfig.get(key));
    }

    /** {@code <service>-<stage>}: the prefix of every default function name. */
    public String canonicalPrefix() {
        return name + "-" + stage;
    }
}
