package dev.slsguard.engine.vars;

import java.util.Map;
import java.util.Optional;

/**
 * What variables may read besides the document itself.
 *
 * @param stage   {@code --stage}, when given
 * @param region  {@code --region}, when given
 * @param options every command-line option by name, for {@code ${opt:NAME}} (includes stage/region)
 * @param params  {@code --param k=v} values, for {@code ${param:k}}
 * @param env     the environment, for {@code ${env:NAME}}
 */
public record VariableOptions(Optional<String> stage, Optional<String> region, Map<String, String> options,
                              Map<String, String> params, Map<String, String> env) {

    public VariableOptions {
        options = Map.copyOf(options);
        params = Map.copyOf(params);
        env = Map.copyOf(env);
    }

    public static VariableOptions none() {
        return new VariableOptions(Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of());
    }
}
