package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code httpApi} event of Serverless Framework v3 ({@code http-api.js}): its schema (a
 * {@code '<METHOD> /path'} or {@code '*'} string, or a mapping with {@code path}, {@code method}
 * and {@code authorizer}) and the errors v3 raises for one event while resolving routes. Each
 * v3 error has its own violation kind (the v3 error code); schema problems use the kinds of
 * {@link Violation}.
 */
public final class HttpApiSchema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("authorizer", "method", "path");
    /** The options of an {@code authorizer} mapping. */
    public static final List<String> AUTHORIZER_OPTIONS = List.of("id", "name", "scopes", "type");
    /** The methods v3 accepts ({@code *} is {@code ANY}). */
    public static final List<String> METHODS = List.of("ANY", "GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD",
            "DELETE");

    public static final String INVALID_PATH = "INVALID_HTTP_API_PATH";
    public static final String MISSING_METHOD = "MISSING_HTTP_API_METHOD";
    public static final String INVALID_METHOD = "INVALID_HTTP_API_METHOD";
    public static final String AUTHORIZER_MISSING_ID_OR_NAME = "HTTP_API_AUTHORIZER_MISSING_ID_OR_NAME";
    public static final String AWS_IAM_UNEXPECTED_PROPERTIES = "HTTP_API_AUTHORIZER_AWS_IAM_UNEXPECTED_PROPERTIES";
    public static final String EXTERNAL_AUTHORIZER_WITHOUT_EXTERNAL_API =
            "EXTERNAL_HTTP_API_AUTHORIZER_WITHOUT_EXTERNAL_HTTP_API";
    public static final String UNRECOGNIZED_AUTHORIZER = "UNRECOGNIZED_HTTP_API_AUTHORIZER";

    private static final List<String> TYPES = List.of("request", "jwt", "aws_iam");
    private static final Pattern METHOD_PATH = Pattern.compile(
            "^(?:\\*|(" + String.join("|", METHODS) + ") (/\\S*))$", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD = Pattern.compile("^(?:\\*|" + String.join("|", METHODS) + ")$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PATH = Pattern.compile("^(?:\\*|/\\S*)$");

    private HttpApiSchema() {
    }

    /**
     * Every violation of the event whose value is {@code config}, written at {@code eventRef};
     * {@code root} is the service's configuration (for {@code provider.httpApi}).
     */
    public static List<Violation> violations(Node config, SourceRef eventRef, MapNode root) {
        OptionChecks checks = new OptionChecks("httpApi");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (config instanceof ScalarNode scalar) {
            String text = Options.string(config).orElse("");
            if (!(scalar.value() instanceof String) || !(text.equals("*") || METHOD_PATH.matcher(text).matches())) {
                checks.add(Violation.SHAPE, config.ref(), "httpApi event must be '<METHOD> <path>' (like"
                        + " 'GET /users/{id}'; methods " + String.join(", ", METHODS) + " or *) or '*' for every"
                        + " route, or a mapping with method and path; got " + Options.show(config));
            }
            return checks.violations();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "httpApi event must be '<METHOD> <path>' or a mapping with"
                    + " method and path; got " + Options.show(config));
            return checks.violations();
        }
        Optional<Node> path = map.get("path");
        Optional<Node> method = map.get("method");
        if (path.isEmpty()) {
            checks.add(Violation.SHAPE, eventRef, "httpApi event needs path: '/' followed by the route"
                    + " (like /users/{id}), or '*' for every route");
        }
        for (MapNode.Field field : map.fields()) {
            switch (field.key()) {
                case "path" -> path(checks, field);
                case "method" -> method(checks, field);
                case "authorizer" -> authorizer(checks, field, root);
                default -> {
                }
            }
        }
        boolean pathUnknown = path.isPresent() && Options.unresolved(path.get());
        boolean methodUnknown = method.isPresent() && Options.unresolved(method.get());
        if (path.isPresent() && !pathUnknown && !methodUnknown && "*".equals(scalarText(path.get()).orElse(""))) {
            boolean methodSet = method.isPresent() && truthy(method.get());
            if (methodSet && !"*".equals(scalarText(method.get()).orElse(""))) {
                checks.add(INVALID_PATH, path.get().ref(), "path '*' is the catch-all route of every method:"
                        + " remove method " + Options.show(method.get()) + " (or write method: '*'), or give a"
                        + " path that starts with /; Serverless Framework v3 refuses this (INVALID_HTTP_API_PATH)");
            }
        } else if (path.isPresent() && !pathUnknown && (method.isEmpty() || !truthy(method.get()))) {
            checks.add(MISSING_METHOD, method.map(Node::ref).orElse(eventRef), "httpApi event with path "
                    + Options.show(path.get()) + " needs method (GET, POST, ... or '*' for any); Serverless"
                    + " Framework v3 refuses this (MISSING_HTTP_API_METHOD)");
        }
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    private static void path(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        Optional<String> text = scalarText(value);
        if (text.isEmpty() || !PATH.matcher(text.get()).matches()) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "httpApi path must start with / and contain no"
                    + " spaces (like /users/{id}), or be '*' for every route; got " + Options.show(value));
        }
    }

    private static void method(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value) || !truthy(value)) {
            return; // a missing method is reported once, as MISSING_HTTP_API_METHOD
        }
        Optional<String> text = scalarText(value);
        if (text.isEmpty() || !METHOD.matcher(text.get()).matches()) {
            String hint = text.map(t -> Spelling.hint(t.toUpperCase(Locale.ROOT), METHODS)).orElse("");
            checks.add(INVALID_METHOD, OptionChecks.where(field), "httpApi method must be one of "
                    + String.join(", ", METHODS) + " or '*' (any case); got " + Options.show(value) + hint
                    + "; Serverless Framework v3 refuses this (INVALID_HTTP_API_METHOD)");
        }
    }

    private static void authorizer(OptionChecks checks, MapNode.Field field, MapNode root) {
        Node value = field.value();
        if (Options.unresolved(value) || !truthy(value)) {
            return;
        }
        if (Options.isString(value)) {
            knownAuthorizer(checks, Options.string(value).orElse(""), value.ref(), root);
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "httpApi authorizer must be the name of an"
                    + " authorizer in provider.httpApi.authorizers, or a mapping with name, id or type; got "
                    + Options.show(value));
            return;
        }
        for (MapNode.Field option : map.fields()) {
            switch (option.key()) {
                case "type" -> checks.oneOf("authorizer.type", option, TYPES);
                case "name" -> string(checks, "authorizer.name", option);
                case "id" -> {
                    if (!Options.isIntrinsic(option.value())) {
                        string(checks, "authorizer.id", option);
                    }
                }
                case "scopes" -> scopes(checks, option);
                default -> {
                }
            }
        }
        checks.unknownKeys("authorizer", map, AUTHORIZER_OPTIONS);
        if (map.fields().stream().anyMatch(f -> Options.unresolved(f.value()))) {
            return;
        }
        Optional<Node> id = map.get("id").filter(HttpApiSchema::truthy);
        Optional<Node> name = map.get("name").filter(HttpApiSchema::truthy);
        Optional<Node> scopes = map.get("scopes").filter(HttpApiSchema::truthy);
        boolean awsIam = map.get("type").flatMap(t -> Options.isString(t) ? Options.string(t) : Optional.empty())
                .filter("aws_iam"::equals).isPresent();
        if (!awsIam && id.isEmpty() && name.isEmpty()) {
            String type = map.get("type").flatMap(Options::string).orElse("jwt");
            checks.add(AUTHORIZER_MISSING_ID_OR_NAME, field.keyRef(), "httpApi authorizer of type " + type
                    + " needs name (an authorizer in provider.httpApi.authorizers) or id (of an external"
                    + " authorizer); Serverless Framework v3 refuses this (HTTP_API_AUTHORIZER_MISSING_ID_OR_NAME)");
            return;
        }
        if (awsIam) {
            List<MapNode.Field> extra = map.fields().stream()
                    .filter(f -> List.of("name", "id", "scopes").contains(f.key()) && truthy(f.value())).toList();
            if (!extra.isEmpty()) {
                checks.add(AWS_IAM_UNEXPECTED_PROPERTIES, extra.get(0).keyRef(), "an aws_iam authorizer takes no "
                        + String.join(", ", extra.stream().map(MapNode.Field::key).toList()) + ": IAM authorizes the"
                        + " request by its signature; remove them (Serverless Framework v3 refuses this:"
                        + " HTTP_API_AUTHORIZER_AWS_IAM_UNEXPECTED_PROPERTIES)");
            }
            return;
        }
        if (id.isPresent()) {
            if (!truthy(root, "provider", "httpApi", "id")) {
                checks.add(EXTERNAL_AUTHORIZER_WITHOUT_EXTERNAL_API, id.get().ref(), "authorizer id "
                        + Options.show(id.get()) + " names an authorizer of an external HTTP API, but this service"
                        + " creates its own API (provider.httpApi.id is not set): use name with an authorizer of"
                        + " provider.httpApi.authorizers, or set provider.httpApi.id; Serverless Framework v3"
                        + " refuses this (EXTERNAL_HTTP_API_AUTHORIZER_WITHOUT_EXTERNAL_HTTP_API)");
            }
            return;
        }
        Node nameNode = name.get();
        if (Options.isString(nameNode)) {
            knownAuthorizer(checks, Options.string(nameNode).orElse(""), nameNode.ref(), root);
        }
    }

    private static void knownAuthorizer(OptionChecks checks, String name, SourceRef where, MapNode root) {
        List<String> configured = root.at("provider", "httpApi", "authorizers").filter(MapNode.class::isInstance)
                .map(n -> ((MapNode) n).keys()).orElse(List.of());
        if (!configured.contains(name)) {
            checks.add(UNRECOGNIZED_AUTHORIZER, where, "authorizer '" + name + "' is not defined in"
                    + " provider.httpApi.authorizers" + Spelling.hint(name, configured)
                    + (configured.isEmpty() ? " (none is defined)" : "; defined: " + String.join(", ", configured))
                    + "; Serverless Framework v3 refuses this (UNRECOGNIZED_HTTP_API_AUTHORIZER)");
        }
    }

    private static void string(OptionChecks checks, String path, MapNode.Field field) {
        Node value = field.value();
        if (!Options.unresolved(value) && !Options.coercesToString(value)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "httpApi " + path + " must be a string; got "
                    + Options.show(value));
        }
    }

    private static void scopes(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!Options.coercesToStrings(value)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "httpApi authorizer.scopes must be a list of"
                    + " scope names; got " + Options.show(value));
        }
    }

    /**
     * A string option's text as AJV's {@code coerceTypes: 'array'} sees it: a scalar, or the one
     * scalar of a one-element list.
     */
    static Optional<String> scalarText(Node value) {
        if (value instanceof ListNode list && list.items().size() == 1) {
            value = list.items().get(0);
        }
        return Options.coercesToString(value) ? Options.string(value) : Optional.empty();
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

    static boolean truthy(MapNode root, String... path) {
        return root.at(path).filter(HttpApiSchema::truthy).isPresent();
    }
}
