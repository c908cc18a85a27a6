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
 * @param readEnv false with {@code --no-env}: no {@code ${env:}} is resolved (each stays a placeholder,
 *                as a value only known at deploy time), so no environment value can reach a report
 * @param placeholders {@code --unresolved placeholder}: a missing {@code ${file()}}, an unset
 *                {@code ${env:}}, a missing {@code ${opt:}} (each without fallback) and an unknown
 *                variable source stay visible placeholders, as {@code ${ssm:}} does, instead of
 *                stopping the analysis (v3 stops: the default)
 * @param read    where each value {@code ${env:}} gives is recorded, so that the run's messages and
 *                reports can show its reference in its place (see {@link EnvironmentValues})
 */
public record VariableOptions(Optional<String> stage, Optional<String> region, Map<String, String> options,
                              Map<String, String> params, Map<String, String> env, boolean readEnv,
                              boolean placeholders, EnvironmentValues read) {

    public VariableOptions {
        options = Map.copyOf(options);
        params = Map.copyOf(params);
        env = readEnv ? Map.copyOf(env) : Map.of();
    }

    /** Options that read the environment and resolve strictly, as v3 does. */
    public VariableOptions(Optional<String> stage, Optional<String> region, Map<String, String> options,
                           Map<String, String> params, Map<String, String> env) {
        this(stage, region, options, params, env, true, false, new EnvironmentValues());
    }

    /** The same options, recording the values read from the environment in {@code values}. */
    public VariableOptions recordingIn(EnvironmentValues values) {
        return new VariableOptions(stage, region, options, params, env, readEnv, placeholders, values);
    }

    /** The same options without the environment ({@code --no-env}). */
    public VariableOptions withoutEnv() {
        return new VariableOptions(stage, region, options, params, Map.of(), false, placeholders, read);
    }

    /** The same options, with unresolvable values kept as placeholders or not. */
    public VariableOptions withPlaceholders(boolean keep) {
        return new VariableOptions(stage, region, options, params, env, readEnv, keep, read);
    }

    public static VariableOptions none() {
        return new VariableOptions(Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of());
    }
}
