package dev.slsguard.rules.secrets;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;
import java.util.Optional;

/**
 * Whether a function's environment variables are encrypted with a customer managed KMS key
 * ({@code kmsKeyArn} of the function, else of the provider, as Serverless Framework v3 sets
 * {@code KmsKeyArn}).
 */
public final class EnvironmentEncryption {

    private EnvironmentEncryption() {
    }

    /**
     * Where the function's environment comes from when no customer managed key protects it: its own
     * {@code environment} and {@code provider.environment} (worded the same for every function, so
     * reported once).
     */
    public static List<UnprotectedEnvironment> unprotected(Function function, Service service) {
        if (hasKey(function, service)) {
            return List.of();
        }
        List<UnprotectedEnvironment> places = new java.util.ArrayList<>();
        providerEnvironment(service).forEach(where -> places.add(new UnprotectedEnvironment(where, "provider.environment sets"
                + " environment variables that only the AWS managed key protects; set provider.kmsKeyArn to a"
                + " customer managed KMS key")));
        ownEnvironment(function).forEach(where -> places.add(new UnprotectedEnvironment(where, "function " + function.key()
                + " sets environment variables that only the AWS managed key protects; set kmsKeyArn (function"
                + " or provider) to a customer managed KMS key")));
        return places;
    }

    /** The function or the provider names a KMS key for the environment. */
    public static boolean hasKey(Function function, Service service) {
        return set(function.config().get("kmsKeyArn")) || set(service.config().at("provider", "kmsKeyArn"));
    }

    /** The function's own {@code environment} key, when it sets variables. */
    public static List<SourceRef> ownEnvironment(Function function) {
        return nonEmpty(function.config().field("environment"));
    }

    /** The {@code provider.environment} key, when it sets variables. */
    public static List<SourceRef> providerEnvironment(Service service) {
        Optional<MapNode.Field> field = service.config().get("provider").filter(MapNode.class::isInstance)
                .map(MapNode.class::cast).flatMap(p -> p.field("environment"));
        return nonEmpty(field);
    }

    private static List<SourceRef> nonEmpty(Optional<MapNode.Field> field) {
        return field.filter(f -> f.value() instanceof MapNode map && map.size() > 0)
                .map(f -> List.of(f.keyRef())).orElse(List.of());
    }

    private static boolean set(Optional<Node> value) {
        return value.filter(v -> !(v instanceof dev.slsguard.engine.source.ScalarNode s)
                || (s.value() != null && !"".equals(s.value()))).isPresent();
    }
}
