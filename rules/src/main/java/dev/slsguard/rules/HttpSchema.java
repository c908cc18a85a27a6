package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code http} event schema of Serverless Framework v3 ({@code api-gateway/index.js}): a
 * {@code "<METHOD> /<path>"} string, or a mapping with {@code path}, {@code method} and the
 * options below (authorizer, cors, request and response each with their own keys), no others.
 * Scalars are accepted where a string is expected, as v3's type coercion does.
 */
public final class HttpSchema {

    /** Every option v3 accepts, in its schema's order. */
    public static final List<String> OPTIONS = List.of("async", "authorizer", "connectionId", "connectionType", "cors",
            "integration", "method", "operationId", "path", "private", "request", "response");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE", "ANY");
    static final List<String> INTEGRATIONS = List.of("LAMBDA_PROXY", "LAMBDA-PROXY", "LAMBDA", "AWS", "AWS_PROXY",
            "AWS-PROXY", "HTTP", "HTTP_PROXY", "HTTP-PROXY", "MOCK");
    private static final List<String> AUTHORIZER_OPTIONS = List.of("arn", "authorizerId", "claims", "identitySource",
            "identityValidationExpression", "managedExternally", "name", "resultTtlInSeconds", "scopes", "type");
    private static final List<String> AUTHORIZER_TYPES = List.of("token", "cognito_user_pools", "request", "aws_iam",
            "custom");
    private static final List<String> CORS_OPTIONS = List.of("allowCredentials", "cacheControl", "headers", "maxAge",
            "methods", "origin", "origins");
    private static final List<String> REQUEST_OPTIONS = List.of("contentHandling", "method", "parameters",
            "passThrough", "schemas", "template", "uri");
    private static final List<String> RESPONSE_OPTIONS = List.of("contentHandling", "headers", "template",
            "statusCodes");
    private static final List<String> STATUS_CODE_OPTIONS = List.of("headers", "pattern", "template");
    private static final List<String> CONTENT_HANDLING = List.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT");
    private static final List<String> PASS_THROUGH = List.of("NEVER", "WHEN_NO_MATCH", "WHEN_NO_TEMPLATES");
    private static final Pattern SHORT_FORM = Pattern.compile(
            "^(?:\\*|(GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE|ANY) (/\\S*))$", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD = Pattern.compile("^(?:\\*|GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE|ANY)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PATH = Pattern.compile("^(?:\\*|/?\\S*)$");
    private static final Pattern STATUS_CODE = Pattern.compile("^\\d{3}$");

    private HttpSchema() {
    }

    /** Every violation of the event whose value is {@code config}, written at {@code eventRef}. */
    public static List<Violation> violations(Node config, SourceRef eventRef) {
        OptionChecks checks = new OptionChecks("http");
        if (Options.unresolved(config)) {
            return List.of();
        }
        if (Options.isString(config)) {
            String text = Options.string(config).orElse("");
            if (!SHORT_FORM.matcher(text).matches()) {
                String hint = text.contains(" ") && !text.contains(" /") ? " (the path must start with /)" : "";
                checks.add(Violation.SHAPE, config.ref(), "http event must be '<METHOD> /<path>' such as 'GET /users',"
                        + " with METHOD one of " + String.join(", ", METHODS) + "; got " + Options.show(config) + hint);
            }
            return checks.violations();
        }
        if (!(config instanceof MapNode map)) {
            checks.add(Violation.SHAPE, config.ref(), "http event must be '<METHOD> /<path>' or a mapping with path"
                    + " and method; got " + Options.show(config));
            return checks.violations();
        }
        for (String required : List.of("path", "method")) {
            if (map.get(required).isEmpty()) {
                checks.add(Violation.SHAPE, eventRef, "http event needs " + required
                        + (required.equals("path") ? " (the resource path, such as /users/{id})"
                        : " (GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD or ANY)"));
            }
        }
        for (MapNode.Field field : map.fields()) {
            Node value = field.value();
            if (Options.unresolved(value)) {
                continue;
            }
            switch (field.key()) {
                case "path" -> pattern(checks, "path", field, PATH, "a path such as /users/{id} (no spaces)");
                case "method" -> pattern(checks, "method", field, METHOD, "one of " + String.join(", ", METHODS));
                case "async", "private" -> checks.bool(field.key(), field);
                case "operationId" -> string(checks, "operationId", field);
                case "connectionId", "cors", "authorizer", "request", "response", "integration", "connectionType" -> {
                }
                default -> {
                }
            }
        }
        map.field("integration").ifPresent(f -> enumCi(checks, "integration", f, INTEGRATIONS));
        map.field("connectionType").ifPresent(f -> enumCi(checks, "connectionType", f, List.of("vpc-link", "VPC_LINK")));
        map.field("connectionId").ifPresent(f -> instruction(checks, "connectionId", f));
        map.field("cors").ifPresent(f -> cors(checks, f));
        map.field("authorizer").ifPresent(f -> authorizer(checks, f));
        map.field("request").ifPresent(f -> request(checks, f));
        map.field("response").ifPresent(f -> response(checks, f));
        checks.unknownKeys("", map, OPTIONS);
        return checks.violations();
    }

    private static void string(OptionChecks checks, String path, MapNode.Field field) {
        if (!Options.unresolved(field.value()) && !Options.coercesToString(field.value())) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "http " + path + " must be a string; got "
                    + Options.show(field.value()));
        }
    }

    private static void pattern(OptionChecks checks, String path, MapNode.Field field, Pattern pattern, String what) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        if (!Options.coercesToString(value) || !pattern.matcher(Options.string(value).orElse("")).matches()) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "http " + path + " must be " + what + "; got "
                    + Options.show(value));
        }
    }

    private static void enumCi(OptionChecks checks, String path, MapNode.Field field, List<String> allowed) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        String text = Options.coercesToString(value) ? Options.string(value).orElse("") : null;
        boolean ok = text != null && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(text));
        if (!ok) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "http " + path + " must be one of "
                    + String.join(", ", allowed) + " (any case); got " + Options.show(value)
                    + (text == null ? "" : Spelling.hint(text, allowed)));
        }
    }

    /** {@code awsCfInstruction}: a non-empty string or an intrinsic function. */
    private static void instruction(OptionChecks checks, String path, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value) || Options.isIntrinsic(value)) {
            return;
        }
        if (!Options.coercesToString(value) || Options.string(value).orElse("").isEmpty()) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "http " + path
                    + " must be a string or an intrinsic function (Ref, Fn::GetAtt, Fn::ImportValue ...); got "
                    + Options.show(value));
        }
    }

    private static void stringList(OptionChecks checks, String path, MapNode.Field field, List<String> allowed) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        List<Node> items = value instanceof ListNode list ? list.items() : List.of(value);
        for (Node item : items) {
            if (Options.unresolved(item)) {
                continue;
            }
            boolean ok = Options.coercesToString(item)
                    && (allowed == null || allowed.contains(Options.string(item).orElse("")));
            if (!ok) {
                checks.add(Violation.VALUE, value instanceof ListNode ? item.ref() : OptionChecks.where(field),
                        "http " + path + " must be a list of " + (allowed == null ? "strings"
                        : "methods among " + String.join(", ", allowed)) + "; got " + Options.show(item));
            }
        }
    }

    private static void stringMap(OptionChecks checks, String path, MapNode.Field field) {
        if (!(field.value() instanceof MapNode map)) {
            if (!Options.unresolved(field.value())) {
                checks.add(Violation.VALUE, OptionChecks.where(field), "http " + path
                        + " must be a mapping of names to strings; got " + Options.show(field.value()));
            }
            return;
        }
        for (MapNode.Field entry : map.fields()) {
            boolean nullValue = entry.value() instanceof ScalarNode s && s.value() == null; // null removes a default
            if (!Options.coercesToString(entry.value()) && !nullValue && !Options.unresolved(entry.value())) {
                checks.add(Violation.VALUE, OptionChecks.where(entry), "http " + path + "." + entry.key()
                        + " must be a string; got " + Options.show(entry.value()));
            }
        }
    }

    private static boolean mapping(OptionChecks checks, String path, MapNode.Field field) {
        if (field.value() instanceof MapNode) {
            return true;
        }
        if (!Options.unresolved(field.value())) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "http " + path + " must be a mapping; got "
                    + Options.show(field.value()));
        }
        return false;
    }

    private static void cors(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.bool(value).isPresent()) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "http cors must be true, false or a mapping with"
                    + " origin(s), headers, methods, allowCredentials, maxAge, cacheControl; got " + Options.show(value));
            return;
        }
        for (MapNode.Field f : map.fields()) {
            switch (f.key()) {
                case "allowCredentials" -> checks.bool("cors.allowCredentials", f);
                case "cacheControl", "origin" -> string(checks, "cors." + f.key(), f);
                case "headers", "origins" -> stringList(checks, "cors." + f.key(), f, null);
                case "methods" -> stringList(checks, "cors.methods", f, METHODS);
                case "maxAge" -> checks.integer("cors.maxAge", f, 1, Integer.MAX_VALUE);
                default -> {
                }
            }
        }
        checks.unknownKeys("cors", map, CORS_OPTIONS);
    }

    private static void authorizer(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (Options.unresolved(value) || Options.coercesToString(value)) {
            return;
        }
        if (!(value instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "http authorizer must be aws_iam, a function name,"
                    + " an ARN or a mapping; got " + Options.show(value));
            return;
        }
        for (MapNode.Field f : map.fields()) {
            Node v = f.value();
            if (Options.unresolved(v)) {
                continue;
            }
            switch (f.key()) {
                case "arn" -> {
                    if (!Options.isIntrinsic(v) && !Options.isArnString(v)) {
                        checks.add(Violation.VALUE, OptionChecks.where(f), "http authorizer.arn must be an ARN"
                                + " (arn:...) or an intrinsic function; got " + Options.show(v));
                    }
                }
                case "authorizerId" -> instruction(checks, "authorizer.authorizerId", f);
                case "claims" -> stringList(checks, "authorizer.claims", f, null);
                case "identitySource", "identityValidationExpression", "name" -> string(checks, "authorizer." + f.key(), f);
                case "managedExternally" -> checks.bool("authorizer.managedExternally", f);
                case "resultTtlInSeconds" -> checks.integer("authorizer.resultTtlInSeconds", f, 0, 3600);
                case "scopes" -> {
                    List<Node> items = v instanceof ListNode list ? list.items() : List.of(v);
                    for (Node item : items) {
                        if (!Options.coercesToString(item) && !Options.isIntrinsic(item) && !Options.unresolved(item)) {
                            checks.add(Violation.VALUE, item.ref(), "http authorizer.scopes must be a list of"
                                    + " strings or intrinsic functions; got " + Options.show(item));
                        }
                    }
                }
                case "type" -> enumCi(checks, "authorizer.type", f, AUTHORIZER_TYPES);
                default -> {
                }
            }
        }
        checks.unknownKeys("authorizer", map, AUTHORIZER_OPTIONS);
    }

    private static void request(OptionChecks checks, MapNode.Field field) {
        if (!mapping(checks, "request", field)) {
            return;
        }
        MapNode map = (MapNode) field.value();
        for (MapNode.Field f : map.fields()) {
            switch (f.key()) {
                case "contentHandling" -> checks.oneOf("request.contentHandling", f, CONTENT_HANDLING);
                case "passThrough" -> checks.oneOf("request.passThrough", f, PASS_THROUGH);
                case "method" -> pattern(checks, "request.method", f, METHOD, "one of " + String.join(", ", METHODS));
                case "uri" -> instruction(checks, "request.uri", f);
                case "template" -> stringMap(checks, "request.template", f);
                case "schemas" -> {
                    if (mapping(checks, "request.schemas", f)) {
                        for (MapNode.Field schema : ((MapNode) f.value()).fields()) {
                            if (!(schema.value() instanceof MapNode) && !Options.coercesToString(schema.value())) {
                                checks.add(Violation.VALUE, OptionChecks.where(schema), "http request.schemas."
                                        + schema.key() + " must be a JSON schema (mapping) or the name of a"
                                        + " provider.apiGateway.request.schemas entry; got " + Options.show(schema.value()));
                            }
                        }
                    }
                }
                case "parameters" -> parameters(checks, f);
                default -> {
                }
            }
        }
        checks.unknownKeys("request", map, REQUEST_OPTIONS);
    }

    private static void parameters(OptionChecks checks, MapNode.Field field) {
        if (!mapping(checks, "request.parameters", field)) {
            return;
        }
        MapNode map = (MapNode) field.value();
        for (MapNode.Field location : map.fields()) {
            if (!List.of("querystrings", "headers", "paths").contains(location.key())) {
                continue;
            }
            String path = "request.parameters." + location.key();
            if (!mapping(checks, path, location)) {
                continue;
            }
            for (MapNode.Field parameter : ((MapNode) location.value()).fields()) {
                Node value = parameter.value();
                if (Options.unresolved(value) || Options.bool(value).isPresent()) {
                    continue;
                }
                if (value instanceof MapNode settings) {
                    settings.field("required").ifPresent(r -> checks.bool(path + "." + parameter.key() + ".required", r));
                    checks.unknownKeys(path + "." + parameter.key(), settings, List.of("required", "mappedValue"));
                } else {
                    checks.add(Violation.VALUE, OptionChecks.where(parameter), "http " + path + "." + parameter.key()
                            + " must be true (required), false (optional) or {required, mappedValue}; got "
                            + Options.show(value));
                }
            }
        }
        checks.unknownKeys("request.parameters", map, List.of("querystrings", "headers", "paths"));
    }

    private static void response(OptionChecks checks, MapNode.Field field) {
        if (!mapping(checks, "response", field)) {
            return;
        }
        MapNode map = (MapNode) field.value();
        for (MapNode.Field f : map.fields()) {
            switch (f.key()) {
                case "contentHandling" -> checks.oneOf("response.contentHandling", f, CONTENT_HANDLING);
                case "headers" -> stringMap(checks, "response.headers", f);
                case "template" -> string(checks, "response.template", f);
                case "statusCodes" -> {
                    if (!mapping(checks, "response.statusCodes", f)) {
                        break;
                    }
                    for (MapNode.Field code : ((MapNode) f.value()).fields()) {
                        String path = "response.statusCodes." + code.key();
                        if (!STATUS_CODE.matcher(code.key()).matches()) {
                            checks.add(Violation.VALUE, code.keyRef(), "http response.statusCodes keys must be"
                                    + " three-digit HTTP status codes; got '" + code.key() + "'");
                        }
                        if (!mapping(checks, path, code)) {
                            continue;
                        }
                        MapNode settings = (MapNode) code.value();
                        for (MapNode.Field s : settings.fields()) {
                            switch (s.key()) {
                                case "headers" -> stringMap(checks, path + ".headers", s);
                                case "pattern" -> string(checks, path + ".pattern", s);
                                case "template" -> {
                                    if (s.value() instanceof MapNode) {
                                        stringMap(checks, path + ".template", s);
                                    } else {
                                        string(checks, path + ".template", s);
                                    }
                                }
                                default -> {
                                }
                            }
                        }
                        checks.unknownKeys(path, settings, STATUS_CODE_OPTIONS);
                    }
                }
                default -> {
                }
            }
        }
        checks.unknownKeys("response", map, RESPONSE_OPTIONS);
    }

    /** The integration type as v3 reads it (upper case, first {@code -} as {@code _}, lambda names mapped). */
    public static String integration(Node config) {
        if (!(config instanceof MapNode map)) {
            return "AWS_PROXY";
        }
        Node given = map.get("integration").orElse(null);
        if (given != null && Options.coercesToString(given) && !Options.string(given).orElse("").isEmpty()) {
            String normalized = Options.string(given).get().toUpperCase(Locale.ROOT).replaceFirst("-", "_");
            return switch (normalized) {
                case "LAMBDA" -> "AWS";
                case "LAMBDA_PROXY" -> "AWS_PROXY";
                default -> normalized;
            };
        }
        boolean async = map.get("async").flatMap(Options::bool).orElse(false);
        return async ? "AWS" : "AWS_PROXY";
    }
}
