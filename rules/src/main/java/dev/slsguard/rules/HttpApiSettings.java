package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The errors Serverless Framework v3 raises for the service-wide HTTP API settings
 * ({@code provider.httpApi}, {@code provider.logs.httpApi}) while resolving the API, each
 * {@link Violation} of the kind of its v3 error code. The settings' schema is
 * {@code http-api-settings.schema.json} beside the compilers.
 */
public final class HttpApiSettings {

    public static final String EXTERNAL_CORS = "EXTERNAL_HTTP_API_CORS_CONFIG";
    public static final String EXTERNAL_AUTHORIZERS = "EXTERNAL_HTTP_API_AUTHORIZERS_CONFIG";
    public static final String EXTERNAL_LOGS = "EXTERNAL_HTTP_API_LOGS_CONFIG";
    public static final String NO_FUNCTION = "HTTP_API_CUSTOM_AUTHORIZER_NEITHER_FUNCTION_ARN_NOR_FUNCTION_NAME_DEFINED";
    public static final String BOTH_FUNCTIONS =
            "HTTP_API_CUSTOM_AUTHORIZER_BOTH_FUNCTION_ARN_AND_FUNCTION_NAME_DEFINED";
    public static final String FUNCTION_NOT_FOUND = "HTTP_API_CUSTOM_AUTHORIZER_FUNCTION_NOT_FOUND_IN_SERVICE";
    public static final String TTL_WITHOUT_IDENTITY_SOURCE =
            "HTTP_API_CUSTOM_AUTHORIZER_IDENTITY_SOURCE_MISSING_WHEN_CACHING_ENABLED";

    private HttpApiSettings() {
    }

    /** Every error v3 raises for {@code provider.httpApi} and {@code provider.logs.httpApi} in {@code root}. */
    public static List<Violation> violations(MapNode root) {
        List<Violation> out = new ArrayList<>();
        Optional<MapNode.Field> httpApi = field(root, "provider", "httpApi");
        boolean external = truthy(root, "provider", "httpApi", "id");
        if (httpApi.isPresent() && !Options.unresolved(httpApi.get().value())
                && httpApi.get().value() instanceof MapNode map) {
            map.field("cors").filter(f -> external && resolvedTruthy(f.value())).ifPresent(f -> out.add(new Violation(
                    EXTERNAL_CORS, where(f), "CORS cannot be set up for an external HTTP API (provider.httpApi.id is"
                    + " set): remove provider.httpApi.cors and configure CORS where the API is defined; Serverless"
                    + " Framework v3 refuses this (EXTERNAL_HTTP_API_CORS_CONFIG)")));
            map.field("authorizers").filter(f -> !Options.unresolved(f.value()))
                    .ifPresent(f -> authorizers(out, f, root, external));
        }
        Optional<MapNode.Field> logs = field(root, "provider", "logs", "httpApi");
        if (external && logs.isPresent() && resolvedTruthy(logs.get().value())) {
            out.add(new Violation(EXTERNAL_LOGS, logs.get().keyRef(), "access logs cannot be set up for an external"
                    + " HTTP API (provider.httpApi.id is set): remove provider.logs.httpApi and configure logging"
                    + " where the API is defined; Serverless Framework v3 refuses this"
                    + " (EXTERNAL_HTTP_API_LOGS_CONFIG)"));
        }
        return out;
    }

    /** {@code provider.httpApi.useProviderTags}, as a list of zero or one node (for DRL {@code from}). */
    public static List<Node> useProviderTags(MapNode root) {
        return root.at("provider", "httpApi", "useProviderTags").map(List::of).orElse(List.of());
    }

    private static void authorizers(List<Violation> out, MapNode.Field field, MapNode root, boolean external) {
        if (external && truthy(field.value())) {
            out.add(new Violation(EXTERNAL_AUTHORIZERS, field.keyRef(), "authorizers cannot be set up for an external"
                    + " HTTP API (provider.httpApi.id is set): remove provider.httpApi.authorizers and reference the"
                    + " external API's authorizers by id in the events; Serverless Framework v3 refuses this"
                    + " (EXTERNAL_HTTP_API_AUTHORIZERS_CONFIG)"));
        }
        if (!(field.value() instanceof MapNode map)) {
            return;
        }
        List<String> functions = root.get("functions").filter(MapNode.class::isInstance)
                .map(n -> ((MapNode) n).keys()).orElse(List.of());
        for (MapNode.Field entry : map.fields()) {
            if (entry.value() instanceof MapNode authorizer && isRequest(authorizer)
                    && authorizer.fields().stream().noneMatch(f -> Options.unresolved(f.value()))) {
                requestAuthorizer(out, entry.key(), entry.keyRef(), authorizer, functions);
            }
        }
    }

    private static boolean isRequest(MapNode authorizer) {
        return authorizer.get("type").filter(Options::isString).flatMap(Options::string).filter("request"::equals)
                .isPresent();
    }

    /** v3's checks of a {@code type: request} authorizer, in v3's order (the first failing one stops it). */
    private static void requestAuthorizer(List<Violation> out, String key, SourceRef keyRef, MapNode map,
                                          List<String> functions) {
        Optional<MapNode.Field> arn = map.field("functionArn").filter(f -> truthy(f.value()));
        Optional<MapNode.Field> name = map.field("functionName").filter(f -> truthy(f.value()));
        if (arn.isEmpty() && name.isEmpty()) {
            out.add(new Violation(NO_FUNCTION, keyRef, "request authorizer " + key + " needs functionName (a function"
                    + " of this service) or functionArn (an external Lambda); Serverless Framework v3 refuses this ("
                    + NO_FUNCTION + ")"));
        } else if (arn.isPresent() && name.isPresent()) {
            out.add(new Violation(BOTH_FUNCTIONS, keyRef, "request authorizer " + key + " sets both functionName and"
                    + " functionArn: keep only one; Serverless Framework v3 refuses this (" + BOTH_FUNCTIONS + ")"));
        } else if (name.isPresent() && Options.isString(name.get().value())) {
            String function = Options.string(name.get().value()).orElse("");
            if (!functions.contains(function)) {
                out.add(new Violation(FUNCTION_NOT_FOUND, name.get().value().ref(), "functionName '" + function
                        + "' of authorizer " + key + " is not a function of this service"
                        + Spelling.hint(function, functions) + "; use a key under functions, or functionArn for an"
                        + " external Lambda; Serverless Framework v3 refuses this (" + FUNCTION_NOT_FOUND + ")"));
            }
        }
        Optional<MapNode.Field> ttl = map.field("resultTtlInSeconds");
        if (ttl.isPresent() && truthy(ttl.get().value()) && !map.get("identitySource").filter(HttpApiSettings::truthy)
                .isPresent()) {
            out.add(new Violation(TTL_WITHOUT_IDENTITY_SOURCE, where(ttl.get()), "request authorizer " + key
                    + " caches results (resultTtlInSeconds " + Options.show(ttl.get().value()) + ") but has no"
                    + " identitySource to key the cache: add identitySource (like $request.header.Authorization) or"
                    + " set resultTtlInSeconds: 0; Serverless Framework v3 refuses this ("
                    + TTL_WITHOUT_IDENTITY_SOURCE + ")"));
        }
    }

    /**
     * Where a function's effective timeout is written: its own {@code timeout}, else
     * {@code provider.timeout}, else the function's key.
     */
    public static SourceRef timeoutRef(Function function, MapNode root) {
        Optional<Node> own = function.config().get("timeout").filter(HttpApiSettings::truthy);
        if (own.isPresent()) {
            return own.get().ref();
        }
        return root.at("provider", "timeout").filter(HttpApiSettings::truthy).map(Node::ref).orElse(function.ref());
    }

    /** JavaScript truthiness of a configuration value. */
    public static boolean truthy(Node node) {
        if (node instanceof ScalarNode scalar) {
            Object v = scalar.value();
            if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
                return false;
            }
            return Options.number(node).map(n -> !(v instanceof Number) || n.signum() != 0).orElse(true);
        }
        return node != null;
    }

    private static boolean truthy(MapNode root, String... path) {
        return root.at(path).filter(HttpApiSettings::truthy).isPresent();
    }

    private static boolean resolvedTruthy(Node node) {
        return !Options.unresolved(node) && truthy(node);
    }

    private static SourceRef where(MapNode.Field field) {
        return field.value() instanceof ScalarNode ? field.value().ref() : field.keyRef();
    }

    private static Optional<MapNode.Field> field(MapNode root, String... path) {
        Node node = root;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(node instanceof MapNode map)) {
                return Optional.empty();
            }
            Optional<Node> next = map.get(path[i]);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return node instanceof MapNode map ? map.field(path[path.length - 1]) : Optional.empty();
    }
}
