package dev.slsguard.engine.model;

import dev.slsguard.engine.source.MapNode;
import java.util.Optional;

/**
 * One entry of {@code functions:}.
 *
 * @param key        the key under {@code functions:} ({@code ingest})
 * @param name       the deployed name ({@code name:} or {@code <service>-<stage>-<key>})
 * @param index      position in {@code functions:} (v3 compiles in this order)
 * @param logicalId  the {@code AWS::Lambda::Function} logical id ({@code IngestLambdaFunction})
 * @param runtime    effective runtime (function, else provider)
 * @param timeout    effective timeout in seconds (function, else provider, else 6)
 * @param memorySize effective memory in MB (function, else provider, else 1024)
 * @param role       the function's own {@code role:} value, verbatim, when it has one
 * @param ref        the function's key in the file
 * @param config     the function's resolved configuration
 */
public record Function(String key, String name, int index, String logicalId, Optional<String> runtime,
                       int timeout, int memorySize, Optional<CfnValue> role, SourceRef ref,
                       MapNode config) {

    /** The resolved configuration as typed, located settings ({@code settings().get("timeout")}). */
    public Setting settings() {
        return Setting.of(config);
    }
}
