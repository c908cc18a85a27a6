package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;
import java.util.Optional;

/**
 * The service-wide HTTP API settings of Serverless Framework v3: the schema of
 * {@code provider.httpApi} (authorizers, CORS, external id ...), {@code provider.logs.httpApi}
 * and {@code functions.*.httpApi}, and the errors v3 raises for them while resolving the API.
 * Each v3 error has its own violation kind (the v3 error code).
 */
public final class HttpApiSettings {

    /** Every key of {@code provider.httpApi}, in v3's schema order. */
    public static final List<String> OPTIONS = List.of("authorizers", "cors", "id", "name", "payload", "metrics",
            "useProviderTags", "disableDefaultEndpoint", "shouldStartNameWithService");
    public static final List<String> CORS_OPTIONS = List.of("allowCredentials", "allowedHeaders", "allowedMethods",
            "allowedOrigins", "exposedResponseHeaders", "maxAge");
    public static final List<String> JWT_OPTIONS = List.of("type", "name", "identitySource", "issuerUrl", "audience");
    public static final List<String> REQUEST_OPTIONS = List.of("type", "name", "functionName", "functionArn",
            "managedExternally", "resultTtlInSeconds", "enableSimpleResponses", "payloadVersion", "identitySource");
    private static final List<String> PAYLOADS = List.of("1.0", "2.0");

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

    /**
     * Every violation of {@code provider.httpApi}, {@code provider.logs.httpApi} and
     * {@code functions.*.httpApi} in {@code root}.
     */
    public static List<Violation> violations(MapNode root) {
        OptionChecks checks = new OptionChecks("provider.httpApi");
        Optional<MapNode.Field> httpApi = field(root, "provider", "httpApi");
        boolean external = HttpApiSchema.truthy(root, "provider", "httpApi", "id");
        if (httpApi.isPresent() && !Options.unresolved(httpApi.get().value())) {
            if (httpApi.get().value() instanceof MapNode map) {
                settings(checks, map, root, external);
            } else {
                checks.add(Violation.VALUE, OptionChecks.where(httpApi.get()), "provider.httpApi must be a mapping"
                        + " of HTTP API settings; got " + Options.show(httpApi.get().value()));
            }
        }
        Optional<MapNode.Field> logs = field(root, "provider", "logs", "httpApi");
        if (logs.isPresent() && !Options.unresolved(logs.get().value())) {
            Node value = logs.get().value();
            if (value instanceof MapNode map) {
                map.field("format").ifPresent(f -> string(checks, "provider.logs.httpApi.format", f));
                unknownKeys(checks, "provider.logs.httpApi", map, List.of("format"));
            } else if (Options.bool(value).isEmpty()) {
                checks.add(Violation.VALUE, OptionChecks.where(logs.get()), "provider.logs.httpApi must be true or a"
                        + " mapping with format; got " + Options.show(value));
            }
            if (external && HttpApiSchema.truthy(value)) {
                checks.add(EXTERNAL_LOGS, logs.get().keyRef(), "access logs cannot be set up for an external HTTP"
                        + " API (provider.httpApi.id is set): remove provider.logs.httpApi and configure logging"
                        + " where the API is defined; Serverless Framework v3 refuses this"
                        + " (EXTERNAL_HTTP_API_LOGS_CONFIG)");
            }
        }
        functionSettings(checks, root);
        return checks.violations();
    }

    /** {@code provider.httpApi.useProviderTags}, as a list of zero or one node (for DRL {@code from}). */
    public static List<Node> useProviderTags(MapNode root) {
        return root.at("provider", "httpApi", "useProviderTags").map(List::of).orElse(List.of());
    }

    /** The violations of {@code functions.<key>.httpApi}: a mapping with {@code payload} only. */
    private static void functionSettings(OptionChecks checks, MapNode root) {
        Optional<Node> functions = root.get("functions");
        if (functions.isEmpty() || !(functions.get() instanceof MapNode map)) {
            return;
        }
        for (MapNode.Field function : map.fields()) {
            if (!(function.value() instanceof MapNode config)) {
                continue;
            }
            String path = "functions." + function.key() + ".httpApi";
            Optional<MapNode.Field> own = config.field("httpApi");
            if (own.isEmpty() || Options.unresolved(own.get().value())) {
                continue;
            }
            if (own.get().value() instanceof MapNode settings) {
                settings.field("payload").ifPresent(f -> payload(checks, path + ".payload", f));
                unknownKeys(checks, path, settings, List.of("payload"));
            } else {
                checks.add(Violation.VALUE, OptionChecks.where(own.get()), path + " must be a mapping with"
                        + " payload ('1.0' or '2.0'); got " + Options.show(own.get().value()));
            }
        }
    }

    private static void settings(OptionChecks checks, MapNode httpApi, MapNode root, boolean external) {
        for (MapNode.Field field : httpApi.fields()) {
            switch (field.key()) {
                case "authorizers" -> authorizers(checks, field, root, external);
                case "cors" -> cors(checks, field, external);
                case "id" -> {
                    Node value = field.value();
                    boolean importValue = Options.isIntrinsic(value) && Options.intrinsicName(value)
                            .equals("Fn::ImportValue");
                    if (!importValue && !Options.isString(value) && !Options.unresolved(value)) {
                        checks.add(Violation.VALUE, OptionChecks.where(field), "provider.httpApi.id must be the id"
                                + " of an existing HTTP API, as a string or Fn::ImportValue; got "
                                + (Options.isIntrinsic(value) ? Options.intrinsicName(value) : Options.show(value)));
                    }
                }
                case "name" -> string(checks, "provider.httpApi.name", field);
                case "payload" -> payload(checks, "provider.httpApi.payload", field);
                case "metrics" -> checks.bool("metrics", field);
                case "disableDefaultEndpoint" -> checks.bool("disableDefaultEndpoint", field);
                case "shouldStartNameWithService" -> checks.bool("shouldStartNameWithService", field);
                case "useProviderTags" -> {
                    if (!Options.unresolved(field.value()) && !Options.bool(field.value()).orElse(false)) {
                        checks.add(Violation.VALUE, OptionChecks.where(field), "provider.httpApi.useProviderTags"
                                + " can only be true, and has no effect: provider tags always apply to the HTTP"
                                + " API; remove it");
                    }
                }
                default -> {
                }
            }
        }
        unknownKeys(checks, "provider.httpApi", httpApi, OPTIONS);
    }

    private static void cors(OptionChecks checks, MapNode.Field field, boolean external) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (value instanceof MapNode map) {
            for (MapNode.Field option : map.fields()) {
                switch (option.key()) {
                    case "allowCredentials" -> checks.bool("cors.allowCredentials", option);
                    case "maxAge" -> checks.integer("cors.maxAge", option, 0, 86400); // API Gateway caps it at a day
                    case "allowedHeaders", "allowedMethods", "allowedOrigins", "exposedResponseHeaders" ->
                            strings(checks, "provider.httpApi.cors." + option.key(), option);
                    default -> {
                    }
                }
            }
            unknownKeys(checks, "provider.httpApi.cors", map, CORS_OPTIONS);
        } else if (Options.bool(value).isEmpty()) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "provider.httpApi.cors must be true, false or a"
                    + " mapping of CORS settings; got " + Options.show(value));
        }
        if (external && HttpApiSchema.truthy(value)) {
            checks.add(EXTERNAL_CORS, OptionChecks.where(field), "CORS cannot be set up for an external HTTP API"
                    + " (provider.httpApi.id is set): remove provider.httpApi.cors and configure CORS where the API"
                    + " is defined; Serverless Framework v3 refuses this (EXTERNAL_HTTP_API_CORS_CONFIG)");
        }
    }

    private static void authorizers(OptionChecks checks, MapNode.Field field, MapNode root, boolean external) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (external && HttpApiSchema.truthy(value)) {
            checks.add(EXTERNAL_AUTHORIZERS, field.keyRef(), "authorizers cannot be set up for an external HTTP API"
                    + " (provider.httpApi.id is set): remove provider.httpApi.authorizers and reference the external"
                    + " API's authorizers by id in the events; Serverless Framework v3 refuses this"
                    + " (EXTERNAL_HTTP_API_AUTHORIZERS_CONFIG)");
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "provider.httpApi.authorizers must be a mapping"
                    + " from authorizer name to its settings; got " + Options.show(value));
            return;
        }
        List<String> functions = root.get("functions").filter(MapNode.class::isInstance)
                .map(n -> ((MapNode) n).keys()).orElse(List.of());
        for (MapNode.Field entry : map.fields()) {
            authorizer(checks, entry, functions);
        }
    }

    private static void authorizer(OptionChecks checks, MapNode.Field entry, List<String> functions) {
        String path = "provider.httpApi.authorizers." + entry.key();
        Node value = entry.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(entry), path + " must be a mapping: a JWT authorizer"
                    + " (identitySource, issuerUrl, audience) or type: request with functionName or functionArn;"
                    + " got " + Options.show(value));
            return;
        }
        Optional<String> type = map.get("type").flatMap(t -> Options.isString(t) ? Options.string(t)
                : Optional.empty());
        boolean request = type.filter("request"::equals).isPresent();
        if (map.get("type").isPresent() && !Options.unresolved(map.get("type").get())
                && !type.filter(t -> t.equals("request") || t.equals("jwt")).isPresent()) {
            checks.add(Violation.VALUE, OptionChecks.where(map.field("type").get()), path + ".type must be jwt or"
                    + " request; got " + Options.show(map.get("type").get()));
            return;
        }
        for (MapNode.Field option : map.fields()) {
            switch (option.key()) {
                case "name" -> string(checks, path + ".name", option);
                case "functionName" -> string(checks, path + ".functionName", option);
                case "managedExternally" -> checks.bool("authorizers." + entry.key() + ".managedExternally", option);
                case "enableSimpleResponses" -> checks.bool("authorizers." + entry.key() + ".enableSimpleResponses",
                        option);
                case "resultTtlInSeconds" -> checks.integer("authorizers." + entry.key() + ".resultTtlInSeconds",
                        option, 0, 3600);
                case "payloadVersion" -> payload(checks, path + ".payloadVersion", option);
                default -> {
                }
            }
        }
        if (!request) {
            List<String> missing = List.of("identitySource", "issuerUrl", "audience").stream()
                    .filter(k -> !map.has(k)).toList();
            if (!missing.isEmpty()) {
                checks.add(Violation.VALUE, entry.keyRef(), "JWT authorizer " + entry.key() + " needs "
                        + String.join(", ", missing) + " (or type: request for a Lambda authorizer)");
            }
            unknownKeys(checks, path + " (a JWT authorizer)", map, JWT_OPTIONS);
            return;
        }
        unknownKeys(checks, path + " (a request authorizer)", map, REQUEST_OPTIONS);
        if (map.fields().stream().anyMatch(f -> Options.unresolved(f.value()))) {
            return;
        }
        Optional<MapNode.Field> arn = map.field("functionArn").filter(f -> HttpApiSchema.truthy(f.value()));
        Optional<MapNode.Field> name = map.field("functionName").filter(f -> HttpApiSchema.truthy(f.value()));
        if (arn.isEmpty() && name.isEmpty()) {
            checks.add(NO_FUNCTION, entry.keyRef(), "request authorizer " + entry.key() + " needs functionName (a"
                    + " function of this service) or functionArn (an external Lambda); Serverless Framework v3"
                    + " refuses this (" + NO_FUNCTION + ")");
        } else if (arn.isPresent() && name.isPresent()) {
            checks.add(BOTH_FUNCTIONS, entry.keyRef(), "request authorizer " + entry.key() + " sets both"
                    + " functionName and functionArn: keep only one; Serverless Framework v3 refuses this ("
                    + BOTH_FUNCTIONS + ")");
        } else if (name.isPresent() && Options.isString(name.get().value())) {
            String function = Options.string(name.get().value()).orElse("");
            if (!functions.contains(function)) {
                checks.add(FUNCTION_NOT_FOUND, name.get().value().ref(), "functionName '" + function + "' of"
                        + " authorizer " + entry.key() + " is not a function of this service"
                        + Spelling.hint(function, functions) + "; use a key under functions, or functionArn for"
                        + " an external Lambda; Serverless Framework v3 refuses this (" + FUNCTION_NOT_FOUND + ")");
            }
        }
        Optional<MapNode.Field> ttl = map.field("resultTtlInSeconds");
        if (ttl.isPresent() && HttpApiSchema.truthy(ttl.get().value())
                && !map.get("identitySource").filter(HttpApiSchema::truthy).isPresent()) {
            checks.add(TTL_WITHOUT_IDENTITY_SOURCE, OptionChecks.where(ttl.get()), "request authorizer "
                    + entry.key() + " caches results (resultTtlInSeconds " + Options.show(ttl.get().value())
                    + ") but has no identitySource to key the cache: add identitySource (like"
                    + " $request.header.Authorization) or set resultTtlInSeconds: 0; Serverless Framework v3"
                    + " refuses this (" + TTL_WITHOUT_IDENTITY_SOURCE + ")");
        }
    }

    /**
     * Where a function's effective timeout is written: its own {@code timeout}, else
     * {@code provider.timeout}, else the function's key.
     */
    public static SourceRef timeoutRef(Function function, MapNode root) {
        Optional<Node> own = function.config().get("timeout").filter(HttpApiSchema::truthy);
        if (own.isPresent()) {
            return own.get().ref();
        }
        return root.at("provider", "timeout").filter(HttpApiSchema::truthy).map(Node::ref).orElse(function.ref());
    }

    private static void payload(OptionChecks checks, String path, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!(Options.isString(value) && PAYLOADS.contains(Options.string(value).orElse("")))) {
            checks.add(Violation.VALUE, OptionChecks.where(field), path + " must be '1.0' or '2.0' (in quotes);"
                    + " got " + Options.show(value));
        }
    }

    private static void string(OptionChecks checks, String path, MapNode.Field field) {
        Node value = field.value();
        if (!Options.unresolved(value) && !Options.coercesToString(value)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), path + " must be a string; got "
                    + Options.show(value));
        }
    }

    private static void strings(OptionChecks checks, String path, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!Options.coercesToStrings(value)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), path + " must be a list of strings; got "
                    + Options.show(value));
        }
    }

    private static void unknownKeys(OptionChecks checks, String path, MapNode map, List<String> allowed) {
        for (MapNode.Field field : map.fields()) {
            if (!allowed.contains(field.key())) {
                checks.add(Violation.UNKNOWN_KEY, field.keyRef(), path + " has no option '" + field.key() + "'"
                        + Spelling.hint(field.key(), allowed) + "; allowed: " + String.join(", ", allowed));
            }
        }
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
