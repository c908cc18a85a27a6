package dev.slsguard.compilers.events.http;

import static dev.slsguard.compilers.events.http.JsObjects.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.events.CompileResult;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.text.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one {@code http} events item the way v3's {@code validate} normalises it, with the
 * schema's type coercion applied first: the endpoint, or the refusals where v3 stops with an error
 * or crashes on the item, or neither for malformed input the schema validation reports.
 */
public final class HttpEndpointReader {

    /**
     * One item read: the endpoint when v3 accepts it.
     *
     * @param refusals every condition v3 stops at on the item (empty when it is accepted or malformed)
     */
    record Read(Optional<HttpEndpoint> endpoint, List<Refusal> refusals) {

        static Read skipped() {
            return new Read(Optional.empty(), List.of());
        }
    }

    private static final Map<String, String> DEFAULT_STATUS_CODES = defaultStatusCodes();

    private HttpEndpointReader() {
    }

    static Read read(EventItem event, List<FunctionSettings> functions) {
        JsonNode raw = NodeJson.toJson(event.config());
        ObjectNode http;
        if (raw.isTextual()) {
            String[] parts = raw.textValue().split(" ", -1);
            if (parts.length < 2) {
                return new Read(Optional.empty(), List.of(CompileResult.refusal(event, Refusal.V3_NOT_A_ROUTE,
                        event.config().ref(), "http event '" + raw.textValue() + "' is not '<METHOD> /<path>'"
                                + " (like 'GET /users'): Serverless Framework v3 finds no path in it and stops"
                                + " packaging with a TypeError; write the method, a space and the path, or a"
                                + " mapping with method and path")));
            }
            http = JSON.objectNode().put("method", parts[0]).put("path", parts[1]);
        } else if (raw.isObject()) {
            http = (ObjectNode) raw;
        } else {
            return Read.skipped(); // neither '<METHOD> /<path>' nor a mapping: the schema validation reports it
        }
        JsonNode pathNode = http.get("path");
        JsonNode methodNode = http.get("method");
        if (pathNode == null || !pathNode.isTextual() || methodNode == null || !methodNode.isTextual()) {
            return Read.skipped(); // no path or method: the schema validation reports it
        }
        String path = pathNode.textValue().replaceFirst("^/", "").replaceFirst("/$", "");
        String method = methodNode.textValue().toLowerCase(Locale.ROOT);
        MapNode options = event.config() instanceof MapNode map ? map : new MapNode(event.ref(), List.of());
        List<Refusal> refusals = new ArrayList<>();

        Optional<HttpAuthorizer> authorizer = Optional.empty();
        boolean malformed = false;
        String integration = integration(http);
        if (Js.truthy(http.get("authorizer"))) {
            MapNode.Field field = options.field("authorizer").orElseThrow();
            Authorizer given = authorizer(event, field, http.get("authorizer"), functions, integration);
            authorizer = given.authorizer();
            given.refusal().ifPresent(refusals::add);
            malformed = authorizer.isEmpty() && given.refusal().isEmpty();
        }
        Optional<CorsSettings> cors = Optional.empty();
        if (Js.truthy(http.get("cors"))) {
            cors = Optional.of(cors(http.get("cors"), method));
        }

        Optional<String> connectionType = Optional.empty();
        ObjectNode request = http.get("request") instanceof ObjectNode r ? r.deepCopy() : null;
        ObjectNode response = http.get("response") instanceof ObjectNode r ? r.deepCopy() : null;
        boolean uri = request != null && Js.truthy(request.get("uri"));
        if (integration.equals("HTTP") || integration.equals("HTTP_PROXY")) {
            if (!uri) {
                refusals.add(CompileResult.refusal(event, "API_GATEWAY_MISSING_REQUEST_URI",
                        keyRef(options, "integration", event.ref()), "http integration " + integration
                                + " needs request.uri, the backend URL to forward to; Serverless Framework v3 refuses"
                                + " to package without it (API_GATEWAY_MISSING_REQUEST_URI)"));
            }
            JsonNode type = http.get("connectionType");
            if (uri && Js.truthy(type) && type.isTextual()) {
                connectionType = Optional.of(type.textValue().toUpperCase(Locale.ROOT).replaceFirst("-", "_"));
                if (connectionType.get().equals("VPC_LINK") && !Js.truthy(http.get("connectionId"))) {
                    refusals.add(CompileResult.refusal(event, "API_GATEWAY_MISSING_CONNECTION_ID",
                            keyRef(options, "connectionType", event.ref()), "connectionType " + type.textValue()
                                    + " needs connectionId, the id of the VPC link; Serverless Framework v3 refuses"
                                    + " to package without it (API_GATEWAY_MISSING_CONNECTION_ID)"));
                }
            }
        }
        if (integration.equals("AWS") || integration.equals("HTTP")) {
            request = request == null ? JSON.objectNode() : request;
            parameters(request);
            request.set("passThrough", passThrough(request, integration));
            response = response(response);
            if (integration.equals("AWS") && response.isEmpty()) {
                response = JSON.objectNode();
                response.set("statusCodes", statusCodes(DEFAULT_STATUS_CODES));
            }
            // only HTTP lacks them (AWS gets the defaults), and without a uri v3 stopped already
            if (!(response.get("statusCodes") instanceof ObjectNode) && uri) {
                refusals.add(CompileResult.refusal(event, Refusal.V3_NO_STATUS_CODES,
                        keyRef(options, "integration", event.ref()), "http integration HTTP without response:"
                                + " Serverless Framework v3 crashes (TypeError) while mapping responses; add"
                                + " response.statusCodes, e.g. {200: {pattern: ''}}"));
            }
        } else if (integration.equals("AWS_PROXY") || integration.equals("HTTP_PROXY")) {
            if (request != null) {
                List<String> allowed = integration.equals("AWS_PROXY") ? List.of("parameters", "schema", "schemas")
                        : List.of("parameters", "uri", "schema", "schemas");
                List<String> drop = new ArrayList<>();
                request.fieldNames().forEachRemaining(k -> {
                    if (!allowed.contains(k)) {
                        drop.add(k);
                    }
                });
                request.remove(drop);
                if (request.isEmpty()) {
                    request = null;
                } else {
                    parameters(request);
                }
            }
            response = null;
        } else if (integration.equals("MOCK") && response != null
                && !(response.get("statusCodes") instanceof ObjectNode)) {
            refusals.add(CompileResult.refusal(event, Refusal.V3_NO_STATUS_CODES,
                    keyRef(options, "response", event.ref()), "http integration MOCK with a response but no"
                            + " response.statusCodes: Serverless Framework v3 crashes (TypeError) while mapping"
                            + " responses; add statusCodes, e.g. {200: {pattern: ''}}"));
        }
        if (!refusals.isEmpty()) {
            return new Read(Optional.empty(), refusals);
        }
        if (malformed) {
            return Read.skipped(); // an authorizer of no known form: the schema validation reports it
        }
        boolean async = Js.truthy(http.get("async"));
        boolean privateApi = Js.truthy(http.get("private"));
        return new Read(Optional.of(new HttpEndpoint(event, path, method, authorizer, cors, integration,
                connectionType, http.get("connectionId"), request, response, async, privateApi,
                http.get("operationId"))), List.of());
    }

    private static SourceRef keyRef(MapNode options, String key, SourceRef fallback) {
        return options.field(key).map(MapNode.Field::keyRef).orElse(fallback);
    }

    /** {@code getIntegration}: the type in upper case with its first {@code -} made {@code _}; lambda names mapped. */
    static String integration(JsonNode http) {
        JsonNode given = http.get("integration");
        if (Js.truthy(given) && given.isTextual()) {
            String normalized = given.textValue().toUpperCase(Locale.ROOT).replaceFirst("-", "_");
            return switch (normalized) {
                case "LAMBDA" -> "AWS";
                case "LAMBDA_PROXY" -> "AWS_PROXY";
                default -> normalized;
            };
        }
        return Js.truthy(http.get("async")) ? "AWS" : "AWS_PROXY";
    }

    /** An authorizer read: the authorizer, or where v3 stops on it, or neither when it is malformed. */
    private record Authorizer(Optional<HttpAuthorizer> authorizer, Optional<Refusal> refusal) {

        static final Authorizer MALFORMED = new Authorizer(Optional.empty(), Optional.empty());

        static Authorizer refused(EventItem event, String code, SourceRef where, String detail) {
            return new Authorizer(Optional.empty(), Optional.of(CompileResult.refusal(event, code, where, detail)));
        }
    }

    private static Authorizer authorizer(EventItem event, MapNode.Field field, JsonNode authorizer,
                                         List<FunctionSettings> functions, String integration) {
        String type = null;
        String name = null;
        JsonNode arn = null;
        boolean managedExternally = false;
        String identitySource = null;
        JsonNode ttl = null;
        JsonNode validation = null;
        JsonNode claims = null;
        JsonNode authorizerId = null;
        JsonNode scopes = null;
        String functionName = null;
        SourceRef functionRef = field.value().ref();
        if (authorizer.isTextual()) {
            String text = authorizer.textValue();
            if (text.toUpperCase(Locale.ROOT).equals("AWS_IAM")) {
                type = "AWS_IAM";
            } else if (!text.contains(":")) {
                functionName = name = text;
            } else {
                arn = authorizer;
                name = dev.slsguard.compilers.Naming.authorizerNameFromArn(text);
            }
        } else if (authorizer.isObject()) {
            JsonNode givenType = authorizer.get("type");
            String typeText = givenType != null && givenType.isTextual() ? givenType.textValue() : null;
            if (Js.truthy(givenType) && Js.truthy(authorizer.get("authorizerId"))) {
                type = typeText;
                authorizerId = authorizer.get("authorizerId");
            } else if (typeText != null && typeText.toUpperCase(Locale.ROOT).equals("AWS_IAM")) {
                type = "AWS_IAM";
            } else if (Js.truthy(authorizer.get("arn"))) {
                arn = authorizer.get("arn");
                JsonNode givenName = authorizer.get("name");
                if (givenName != null && givenName.isTextual()) {
                    name = givenName.textValue();
                } else if (typeText != null && typeText.toUpperCase(Locale.ROOT).equals("COGNITO_USER_POOLS")
                        && arn.isContainerNode()) {
                    return Authorizer.refused(event, "API_GATEWAY_MISSING_AUTHORIZER_NAME", field.keyRef(), "a"
                            + " COGNITO_USER_POOLS authorizer whose arn is an intrinsic function needs name;"
                            + " Serverless Framework v3 refuses to package without it"
                            + " (API_GATEWAY_MISSING_AUTHORIZER_NAME)");
                } else if (arn.isTextual()) {
                    name = dev.slsguard.compilers.Naming.authorizerNameFromArn(arn.textValue());
                } else if (arn.isContainerNode()) {
                    return Authorizer.refused(event, Refusal.V3_INTRINSIC_ARN, field.keyRef(), "an authorizer whose"
                            + " arn is an intrinsic function needs name (v3 derives the name from a literal ARN only"
                            + " and crashes with a TypeError otherwise)");
                } else {
                    return Authorizer.MALFORMED; // an arn that is no text: the schema validation reports it
                }
            } else if (Js.truthy(authorizer.get("name"))) {
                if (!authorizer.get("name").isTextual()) {
                    return Authorizer.MALFORMED; // a name that is no text: the schema validation reports it
                }
                functionName = name = authorizer.get("name").textValue();
                functionRef = ((MapNode) field.value()).get("name").orElseThrow().ref();
            } else {
                return Authorizer.refused(event, "API_GATEWAY_MISSING_AUTHORIZER_NAME_OR_ARN", field.keyRef(),
                        "authorizer needs name (a function of this service) or arn (a Lambda function or Cognito"
                                + " user pool ARN); Serverless Framework v3 refuses to package without one"
                                + " (API_GATEWAY_MISSING_AUTHORIZER_NAME_OR_ARN)");
            }
            if (type == null) {
                type = typeText;
            }
            JsonNode givenTtl = authorizer.get("resultTtlInSeconds");
            ttl = givenTtl != null && givenTtl.isIntegralNumber() ? givenTtl : JSON.numberNode(300);
            claims = Js.truthy(authorizer.get("claims")) ? authorizer.get("claims") : JSON.arrayNode();
            scopes = authorizer.get("scopes");
            JsonNode source = authorizer.get("identitySource");
            identitySource = source != null && source.isTextual() ? source.textValue() : null;
            validation = authorizer.get("identityValidationExpression");
            managedExternally = Js.truthy(authorizer.get("managedExternally"));
        } else {
            return Authorizer.MALFORMED; // a list: the schema validation reports it
        }
        Optional<String> alias = Optional.empty();
        if (functionName != null) {
            String key = functionName;
            Optional<FunctionSettings> function = functions.stream().filter(f -> f.key().equals(key)).findFirst();
            if (function.isEmpty()) {
                List<String> keys = functions.stream().map(FunctionSettings::key).toList();
                return Authorizer.refused(event, "FUNCTION_MISSING_IN_SERVICE", functionRef, "authorizer '" + key
                        + "' is not a function of this service" + Spelling.hint(key, keys) + ": Serverless Framework"
                        + " v3 refuses to package; name one of the service's functions or give the authorizer's ARN");
            }
            arn = function.get().target();
            alias = function.get().targetAlias().map(a -> a.logicalId());
        }
        boolean requestWithoutCache = type != null && type.toUpperCase(Locale.ROOT).equals("REQUEST")
                && ttl != null && ttl.asInt() == 0;
        if ((identitySource == null || identitySource.isEmpty()) && !requestWithoutCache) {
            identitySource = "method.request.header.Authorization";
        }
        if (integration.equals("AWS_PROXY") && HttpAuthorizer.isCognitoArn(arn) && claims != null
                && claims.size() > 0) {
            SourceRef claimsRef = field.value() instanceof MapNode map
                    ? map.field("claims").map(MapNode.Field::keyRef).orElse(field.keyRef()) : field.keyRef();
            return Authorizer.refused(event, "API_GATEWAY_INVALID_COGNITO_CLAIMS", claimsRef, "Cognito claims are"
                    + " mapped only by the lambda (non-proxy) integration; with the default lambda-proxy integration"
                    + " the function reads them from the event. Serverless Framework v3 refuses to package this"
                    + " (API_GATEWAY_INVALID_COGNITO_CLAIMS): remove claims or set integration: lambda");
        }
        return new Authorizer(Optional.of(new HttpAuthorizer(type, name, arn, managedExternally, authorizerId, alias,
                ttl, identitySource, validation, claims, scopes)), Optional.empty());
    }

    private static JsonNode asArray(JsonNode value) {
        if (value.isArray()) {
            return value;
        }
        return JSON.arrayNode().add(value);
    }

    /** {@code getCors}. */
    private static CorsSettings cors(JsonNode given, String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        if (!given.isObject()) {
            return new CorsSettings(Optional.of("*"), Optional.empty(), List.of("OPTIONS", upper),
                    CorsSettings.DEFAULT_HEADERS, false, Optional.empty(), Optional.empty());
        }
        Optional<String> origin = given.has("origins") ? Optional.empty() : Optional.of("*");
        if (given.has("origin")) {
            origin = given.get("origin").isNull() ? Optional.empty() : Optional.of(Js.string(given.get("origin")));
        }
        Optional<List<String>> origins = Optional.ofNullable(given.get("origins")).filter(Js::truthy)
                .map(HttpEndpointReader::strings);
        List<String> methods = Js.truthy(given.get("methods")) ? strings(given.get("methods")) : new ArrayList<>();
        List<String> headers = Js.truthy(given.get("headers")) ? strings(given.get("headers"))
                : CorsSettings.DEFAULT_HEADERS;
        if (!methods.contains("OPTIONS")) {
            methods.add("OPTIONS");
        }
        if (!methods.contains(upper)) {
            methods.add(upper);
        }
        JsonNode maxAge = given.get("maxAge");
        JsonNode cacheControl = given.get("cacheControl");
        return new CorsSettings(origin, origins, methods, headers,
                Js.truthy(given.get("allowCredentials")),
                Optional.ofNullable(maxAge).filter(Js::truthy).map(Js::string),
                Optional.ofNullable(cacheControl).filter(Js::truthy).map(Js::string));
    }

    private static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        asArray(value).forEach(v -> out.add(Js.string(v)));
        return out;
    }

    /** {@code getRequestParameters}: {@code method.request.<querystring|path|header>.<name>} in that order. */
    private static void parameters(ObjectNode request) {
        if (!Js.truthy(request.get("parameters")) || !request.get("parameters").isObject()) {
            return;
        }
        JsonNode given = request.get("parameters");
        ObjectNode out = JSON.objectNode();
        for (String location : List.of("querystrings", "paths", "headers")) {
            JsonNode byName = given.get(location);
            if (Js.truthy(byName) && byName.isObject()) {
                String singular = location.substring(0, location.length() - 1);
                byName.properties().forEach(e ->
                        out.set("method.request." + singular + "." + e.getKey(), e.getValue()));
            }
        }
        request.set("parameters", out);
    }

    /** {@code getRequestPassThrough}. */
    private static JsonNode passThrough(ObjectNode request, String integration) {
        if (Js.truthy(request.get("passThrough"))) {
            return request.get("passThrough");
        }
        return switch (integration) {
            case "AWS" -> JSON.textNode("NEVER");
            case "HTTP", "MOCK" -> JsObjects.UNDEFINED;
            default -> JSON.textNode("WHEN_NO_MATCH");
        };
    }

    /** {@code getResponse}: status codes kept, a {@code 200} added when none has an empty pattern. */
    private static ObjectNode response(ObjectNode response) {
        if (response == null) {
            return JSON.objectNode();
        }
        JsonNode codes = response.get("statusCodes");
        if (Js.truthy(codes) && codes.isObject()) {
            ObjectNode copy = ((ObjectNode) codes).deepCopy();
            boolean anyEmpty = false;
            for (Map.Entry<String, JsonNode> e : copy.properties()) {
                JsonNode pattern = e.getValue().get("pattern");
                if (pattern != null && pattern.isTextual() && pattern.textValue().isEmpty()) {
                    anyEmpty = true;
                }
            }
            if (!anyEmpty) {
                copy.putObject("200").put("pattern", "");
            }
            response.set("statusCodes", copy);
        } else {
            response.set("statusCodes", statusCodes(DEFAULT_STATUS_CODES));
        }
        return response;
    }

    private static ObjectNode statusCodes(Map<String, String> patterns) {
        ObjectNode codes = JSON.objectNode();
        patterns.forEach((code, pattern) -> codes.putObject(code).put("pattern", pattern));
        return codes;
    }

    private static Map<String, String> defaultStatusCodes() {
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("200", "");
        codes.put("400", "[\\s\\S]*\\[400\\][\\s\\S]*");
        codes.put("401", "[\\s\\S]*\\[401\\][\\s\\S]*");
        codes.put("403", "[\\s\\S]*\\[403\\][\\s\\S]*");
        codes.put("404", "[\\s\\S]*\\[404\\][\\s\\S]*");
        codes.put("422", "[\\s\\S]*\\[422\\][\\s\\S]*");
        codes.put("500", "[\\s\\S]*(Process\\s?exited\\s?before\\s?completing\\s?request|\\[500\\])[\\s\\S]*");
        codes.put("502", "[\\s\\S]*\\[502\\][\\s\\S]*");
        codes.put("504", "([\\s\\S]*\\[504\\][\\s\\S]*)|(.*Task timed out after \\d+\\.\\d+ seconds$)");
        return codes;
    }
}
