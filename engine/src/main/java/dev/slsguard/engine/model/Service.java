package dev.slsguard.engine.model;

import dev.slsguard.engine.source.MapNode;
import java.util.Optional;

/**
 * The service as rules see it, after variables are resolved.
 *
 * @param name                 {@code service}
 * @param stage                resolved stage ({@code --stage}, {@code provider.stage}, else {@code dev})
 * @param region               resolved region (default {@code us-east-1})
 * @param configValidationMode {@code error}, {@code warn} (v3's default) or {@code off}
 * @param consumerNamingMode   {@code provider.kinesis.consumerNamingMode}, when set
 * @param executionRole        true when v3 would create {@code IamRoleLambdaExecution}; derived
 *                             event statements go there
 * @param ref                  the {@code service} key
 * @param config               the whole resolved configuration, for rules that need more
 */
public record Service(String name, String stage, String region, String configValidationMode,
                      Optional<String> consumerNamingMode, boolean executionRole, SourceRef ref,
                      MapNode config) {

    /** The service-specific Kinesis consumer naming of v4 is opted into. */
    public boolean serviceSpecificConsumerNames() {
        return consumerNamingMode.filter("serviceSpecific"::equals).isPresent();
    }

    /** The resolved configuration as typed, located settings ({@code settings().get("timeout")}). */
    public Setting settings() {
        return Setting.of(config);
    }
}
