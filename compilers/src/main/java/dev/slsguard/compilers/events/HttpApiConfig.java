package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service-wide HTTP API settings as v3's {@code http-api.js} resolves them before compiling
 * ({@code resolveConfiguration}): external API id, metrics, CORS, authorizers and access-log
 * format (the schema stage has coerced the values as v3's validator does).
 *
 * @param id                     {@code provider.httpApi.id} (an external API), if truthy
 * @param metrics                {@code DetailedMetricsEnabled}: {@code metrics || false}
 * @param disableDefaultEndpoint {@code DisableExecuteApiEndpoint}, when set
 * @param cors                   the CORS configuration, when {@code cors} is truthy
 * @param authorizers            {@code provider.httpApi.authorizers} by key, in key order
 * @param accessLogFormat        the access-log format, when {@code provider.logs.httpApi} is truthy
 * @param payload                {@code provider.httpApi.payload}, if truthy
 * @param ref                    {@code provider.httpApi}, or the provider when absent
 */
record HttpApiConfig(Optional<JsonNode> id, JsonNode metrics, Optional<JsonNode> disableDefaultEndpoint,
                     Optional<Cors> cors, Map<String, Authorizer> authorizers, Optional<String> accessLogFormat,
                     Optional<JsonNode> payload, SourceRef ref) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** v3's methods, in its order ({@code ANY} first). */
    static final List<String> METHODS = List.of("ANY", "GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE");

    /** v3's default access-log format: {@code JSON.stringify} of the request's main context variables. */
    static final String DEFAULT_ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\","
            + "\"httpMethod\":\"$context.httpMethod\",\"routeKey\":\"$context.routeKey\","
            + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\"}";

    private static final List<String> DEFAULT_ORIGINS = List.of("*");
    private static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization",
            "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Amzn-Trace-Id");

    /**
     * The CORS configuration; sets keep insertion order and drop repeated strings like JavaScript's
     * {@code Set}.
     *
     * @param fillMethods {@code allowedMethods} is not given: OPTIONS plus every method routed
     */
    record Cors(Optional<JsonNode> allowCredentials, List<JsonNode> allowedHeaders, List<JsonNode> allowedMethods,
                List<JsonNode> allowedOrigins, Optional<List<JsonNode>> exposedResponseHeaders,
                Optional<JsonNode> maxAge, boolean fillMethods) {

        /** Adds a routed method to {@code AllowMethods} when v3 fills them ({@code ANY} adds all). */
        void addMethod(String method) {
            if (!fillMethods) {
                return;
            }
            if (method.equals("ANY")) {
                METHODS.stream().filter(m -> !m.equals("ANY")).forEach(m -> addToSet(allowedMethods, JSON.textNode(m)));
            } else {
                addToSet(allowedMethods, JSON.textNode(method));
            }
        }

        ObjectNode toCloudFormation() {
            ObjectNode cors = JSON.objectNode();
            allowCredentials.ifPresent(v -> cors.set("AllowCredentials", v));
            cors.set("AllowHeaders", array(allowedHeaders));
            cors.set("AllowMethods", array(allowedMethods));
            cors.set("AllowOrigins", array(allowedOrigins));
            exposedResponseHeaders.ifPresent(v -> cors.set("ExposeHeaders", array(v)));
            maxAge.ifPresent(v -> cors.set("MaxAge", v));
            return cors;
        }
    }

    /**
     * One {@code provider.httpApi.authorizers} entry.
     *
     * @param key            its key (what events reference)
     * @param name           {@code name}, else the key: the authorizer's name and logical-id base
     * @param config         the raw entry (an empty object when it is no mapping)
     * @param request        {@code type: request} (a Lambda authorizer); JWT otherwise
     * @param function       the in-service function of {@code functionName}, when found
     * @param ref            the entry's key in the file
     */
    record Authorizer(String key, String name, JsonNode config, boolean request, Optional<String> functionName,
                      Optional<FunctionSettings> function, SourceRef ref) {

        JsonNode value(String option) {
            return config.get(option);
        }
    }

    static HttpApiConfig resolve(ServiceSettings settings, List<FunctionSettings> functions) {
        MapNode provider = settings.provider();
        Optional<Node> httpApiNode = provider.get("httpApi");
        JsonNode user = NodeJson.toJsonOrNull(httpApiNode);
        if (user == null || !user.isObject()) {
            user = JSON.objectNode();
        }
        Optional<JsonNode> id = Optional.ofNullable(user.get("id")).filter(Js::truthy);
        JsonNode metrics = user.get("metrics");
        metrics = Js.truthy(metrics) ? metrics : JSON.booleanNode(false);
        Optional<JsonNode> disable = Optional.ofNullable(user.get("disableDefaultEndpoint"))
                .filter(Js::present);

        Optional<Cors> cors = Optional.empty();
        JsonNode userCors = user.get("cors");
        if (Js.truthy(userCors)) {
            cors = Optional.of(cors(userCors));
        }

        Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        Optional<MapNode> authorizersNode = httpApiNode.filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .flatMap(m -> m.get("authorizers")).filter(MapNode.class::isInstance).map(MapNode.class::cast);
        if (authorizersNode.isPresent()) {
            Map<String, MapNode.Field> byKey = new LinkedHashMap<>();
            authorizersNode.get().fields().forEach(f -> byKey.put(f.key(), f));
            for (String key : Js.objectKeyOrder(List.copyOf(byKey.keySet()))) {
                MapNode.Field field = byKey.get(key);
                JsonNode config = NodeJson.toJson(field.value());
                if (!config.isObject()) {
                    continue; // v3 fails reading such an entry
                }
                JsonNode nameValue = config.get("name");
                String name = Js.truthy(nameValue) ? Js.string(nameValue) : key;
                boolean request = "request".equals(config.path("type").asText(null));
                JsonNode functionNameValue = config.get("functionName");
                Optional<String> functionName = Optional.ofNullable(functionNameValue).filter(Js::truthy)
                        .map(Js::string);
                Optional<FunctionSettings> function = functionName.flatMap(n -> functions.stream()
                        .filter(f -> f.key().equals(n)).findFirst());
                authorizers.put(key, new Authorizer(key, name, config, request, functionName, function,
                        field.keyRef()));
            }
        }

        Optional<String> format = Optional.empty();
        JsonNode logs = settings.providerValue("logs", "httpApi");
        if (Js.truthy(logs)) {
            JsonNode given = logs.isObject() ? logs.get("format") : null;
            format = Optional.of(Js.truthy(given) ? Js.string(given) : DEFAULT_ACCESS_LOG_FORMAT);
        }
        Optional<JsonNode> payload = Optional.ofNullable(user.get("payload")).filter(Js::truthy);
        SourceRef ref = httpApiNode.map(Node::ref).orElse(provider.ref());
        return new HttpApiConfig(id, metrics, disable, cors, authorizers, format, payload, ref);
    }

    private static Cors cors(JsonNode userCors) {
        if (userCors.isBoolean()) {
            return new Cors(Optional.empty(), strings(DEFAULT_HEADERS), new ArrayList<>(List.of(JSON.textNode("OPTIONS"))),
                    strings(DEFAULT_ORIGINS), Optional.empty(), Optional.empty(), true);
        }
        List<JsonNode> origins = Js.truthy(userCors.get("allowedOrigins")) ? toSet(userCors.get("allowedOrigins"))
                : strings(DEFAULT_ORIGINS);
        List<JsonNode> headers = Js.truthy(userCors.get("allowedHeaders")) ? toSet(userCors.get("allowedHeaders"))
                : strings(DEFAULT_HEADERS);
        boolean fill = !Js.truthy(userCors.get("allowedMethods"));
        List<JsonNode> methods = fill ? new ArrayList<>(List.of(JSON.textNode("OPTIONS")))
                : toSet(userCors.get("allowedMethods"));
        Optional<JsonNode> credentials = Js.truthy(userCors.get("allowCredentials"))
                ? Optional.of(JSON.booleanNode(true)) : Optional.empty();
        Optional<List<JsonNode>> exposed = Js.truthy(userCors.get("exposedResponseHeaders"))
                ? Optional.of(toSet(userCors.get("exposedResponseHeaders"))) : Optional.empty();
        Optional<JsonNode> maxAge = Optional.ofNullable(userCors.get("maxAge")).filter(Js::present);
        return new Cors(credentials, headers, methods, origins, exposed, maxAge, fill);
    }

    /** v3's {@code toSet}: a list's distinct items, or the one value. */
    static List<JsonNode> toSet(JsonNode value) {
        List<JsonNode> set = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> addToSet(set, item));
        } else {
            set.add(value == null ? JSON.nullNode() : value);
        }
        return set;
    }

    private static void addToSet(List<JsonNode> set, JsonNode item) {
        // objects are distinct references in JavaScript: only equal scalars collapse
        if (item.isValueNode() && set.contains(item)) {
            return;
        }
        set.add(item);
    }

    private static List<JsonNode> strings(List<String> values) {
        List<JsonNode> list = new ArrayList<>();
        values.forEach(v -> list.add(JSON.textNode(v)));
        return list;
    }

    static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
