package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.HttpApiEvent;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.text.Spelling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code httpApi} events, API Gateway v2 HTTP APIs ({@code package/compile/events/http-api.js}).
 * Like v3 it first resolves the whole service (routes of every function, CORS, authorizers, access
 * logs) and then, when there is at least one route, adds the API and its stage (unless
 * {@code provider.httpApi.id} names an external API), the access-log group, every configured
 * authorizer (with the invoke permission of Lambda request authorizers), and per route the
 * function's permission and integration (once per function) and the route. Routes v3 would refuse
 * are left out; validation rules report them.
 */
public final class HttpApiCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern METHOD_PATH = Pattern.compile(
            "^(?:\\*|(" + String.join("|", HttpApiConfig.METHODS) + ") (/\\S*))$", Pattern.CASE_INSENSITIVE);

    @Override
    public EventType eventType() {
        return EventType.HTTP_API;
    }

    /**
     * Resolves the event's route against the service's HTTP API settings and the routes compiled
     * before, like v3's {@code resolveConfiguration}; the API itself is built in {@link #finish}.
     */
    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        RoutesSoFar sofar = context.memo(RoutesSoFar.class,
                () -> new RoutesSoFar(HttpApiConfig.resolve(context.settings(), context.functions())));
        Resolution resolution = route(event, sofar.config, sofar.routes(context), context.settings());
        if (!resolution.refusals().isEmpty()) {
            return new CompileResult.Refused(resolution.refusals());
        }
        return resolution.route().isPresent() ? CompileResult.COMPILED : CompileResult.SKIPPED;
    }

    /**
     * The routes of the events compiled so far, by route key, kept from one event to the next of a service:
     * each compiled event is resolved once, against the routes before it, as {@link #finish} resolves them.
     */
    private static final class RoutesSoFar {
        private final HttpApiConfig config;
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private int resolved;

        RoutesSoFar(HttpApiConfig config) {
            this.config = config;
        }

        Map<String, Route> routes(CompileContext context) {
            List<EventItem> compiled = context.compiledEvents(EventType.HTTP_API);
            for (; resolved < compiled.size(); resolved++) {
                route(compiled.get(resolved), config, routes, context.settings()).route()
                        .ifPresent(r -> routes.put(r.routeKey(), r));
            }
            return routes;
        }
    }

    /**
     * An event's route as v3 resolves it, or where v3 stops on it (at most one refusal of its
     * method and path, one of its authorizer), or neither for an empty event.
     */
    private record Resolution(Optional<Route> route, List<Refusal> refusals) {

        static final Resolution NO_ROUTE = new Resolution(Optional.empty(), List.of());
    }

    /** A route as v3 resolved it, and the event that declared it. */
    private record Route(String routeKey, String method, String path, FunctionSettings function,
                         Optional<RouteAuthorizer> authorizer, Optional<List<JsonNode>> scopes, EventItem event) {
    }

    /**
     * A route's authorizer: an external {@code id}, {@code aws_iam}, or a configured authorizer.
     *
     * @param type the authorizer's {@code type} (the event's for {@code id} and {@code aws_iam},
     *             the configured one's otherwise)
     */
    private record RouteAuthorizer(Optional<JsonNode> id, Optional<String> type,
                                   Optional<HttpApiConfig.Authorizer> configured) {

        String authorizationType() {
            String t = type.orElse("");
            return t.equals("request") ? "CUSTOM" : t.equals("aws_iam") ? "AWS_IAM" : "JWT";
        }
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        ServiceSettings settings = context.settings();
        HttpApiConfig config = HttpApiConfig.resolve(settings, context.functions());
        Map<String, Route> routes = new LinkedHashMap<>();
        for (EventItem event : context.compiledEvents(eventType())) {
            route(event, config, routes, settings).route().ifPresent(r -> {
                routes.put(r.routeKey(), r);
                config.cors().ifPresent(c -> c.addMethod(r.method()));
            });
        }
        if (routes.isEmpty()) {
            return List.of();
        }
        JsonNode apiId = config.id().map(j -> (JsonNode) j.deepCopy()).orElseGet(() -> Cfn.ref(Naming.HTTP_API_LOGICAL_ID));
        if (config.id().isEmpty()) {
            context.putResource(Naming.HTTP_API_LOGICAL_ID, api(settings, config), Optional.empty(), config.ref());
        }
        config.accessLogFormat().ifPresent(format -> context.putResource(Naming.HTTP_API_LOG_GROUP_LOGICAL_ID,
                logGroup(settings), Optional.empty(), logsRef(settings, config)));
        if (config.id().isEmpty()) {
            context.putResource(Naming.HTTP_API_STAGE_LOGICAL_ID, stage(settings, config), Optional.empty(),
                    config.ref());
            outputs(context);
        }
        for (HttpApiConfig.Authorizer authorizer : config.authorizers().values()) {
            authorizer(context, authorizer, apiId);
        }
        Set<String> functionsDone = new HashSet<>();
        for (Route route : routes.values()) {
            FunctionSettings function = route.function();
            if (functionsDone.add(function.key())) {
                context.putResource(Naming.httpApiPermissionLogicalId(function.key()), permission(function, apiId),
                        Optional.of(function.key()), route.event().ref());
                context.putResource(Naming.httpApiIntegrationLogicalId(function.key()),
                        integration(settings, config, function, apiId), Optional.of(function.key()),
                        route.event().ref());
            }
            String routeId = Naming.httpApiRouteLogicalId(route.routeKey());
            context.putResource(routeId, route(route, apiId), Optional.of(function.key()), route.event().ref());
        }
        for (Route route : routes.values()) {
            facts(context, route, apiId);
        }
        return List.of();
    }

    /** v3's per-event part of {@code resolveConfiguration}. */
    private static Resolution route(EventItem event, HttpApiConfig config, Map<String, Route> routes,
                                    ServiceSettings settings) {
        JsonNode value = NodeJson.toJson(event.config());
        if (!Js.truthy(value)) {
            return Resolution.NO_ROUTE; // v3 skips an empty event; the schema validation reports it
        }
        MapNode options = event.config() instanceof MapNode map ? map : new MapNode(event.ref(), List.of());
        JsonNode method = null;
        JsonNode path;
        JsonNode authorizer = null;
        if (value.isObject() || value.isArray()) {
            method = value.get("method");
            path = value.get("path");
            authorizer = value.get("authorizer");
        } else {
            String methodPath = Js.string(value);
            if (methodPath.equals("*")) {
                path = JSON.textNode("*");
            } else {
                Matcher m = METHOD_PATH.matcher(methodPath);
                if (!m.matches()) {
                    return new Resolution(Optional.empty(), List.of(CompileResult.refusal(event,
                            Refusal.V3_NOT_A_ROUTE, event.config().ref(), "httpApi event " + Details.show(event.config())
                                    + " is not '<METHOD> <path>' (like 'GET /users/{id}'; methods "
                                    + String.join(", ", HttpApiConfig.METHODS) + " or *) nor '*' for every route;"
                                    + " Serverless Framework v3 stops packaging on it with a TypeError")));
                }
                method = JSON.textNode(m.group(1));
                path = JSON.textNode(m.group(2));
            }
        }
        List<Refusal> refusals = new ArrayList<>();
        String pathText = Js.string(path);
        String routeKey = null;
        String resolvedMethod = null;
        if (pathText.equals("*")) {
            if (Js.truthy(method) && !"*".equals(method.asText(null))) {
                Node methodNode = options.get("method").orElseThrow();
                refusals.add(CompileResult.refusal(event, "INVALID_HTTP_API_PATH", options.get("path").orElseThrow()
                        .ref(), "path '*' is the catch-all route of every method: remove method "
                        + Details.show(methodNode) + " (or write method: '*'), or give a path that starts with /;"
                        + " Serverless Framework v3 refuses this (INVALID_HTTP_API_PATH)"));
            } else {
                routeKey = "*";
                resolvedMethod = "ANY";
            }
        } else if (!Js.truthy(method)) {
            refusals.add(CompileResult.refusal(event, "MISSING_HTTP_API_METHOD",
                    options.get("method").map(Node::ref).orElse(event.ref()), "httpApi event with path "
                            + options.get("path").map(Details::show).orElse("undefined") + " needs method (GET,"
                            + " POST, ... or '*' for any); Serverless Framework v3 refuses this"
                            + " (MISSING_HTTP_API_METHOD)"));
        } else {
            resolvedMethod = Js.string(method).toUpperCase(Locale.ROOT);
            if (resolvedMethod.equals("*")) {
                resolvedMethod = "ANY";
            }
            if (!HttpApiConfig.METHODS.contains(resolvedMethod)) {
                MapNode.Field field = options.field("method").orElseThrow();
                refusals.add(CompileResult.refusal(event, "INVALID_HTTP_API_METHOD", Details.where(field),
                        "httpApi method must be one of " + String.join(", ", HttpApiConfig.METHODS) + " or '*'"
                                + " (any case); got " + Details.show(field.value())
                                + Spelling.hint(Js.string(method).toUpperCase(Locale.ROOT), HttpApiConfig.METHODS)
                                + "; Serverless Framework v3 refuses this (INVALID_HTTP_API_METHOD)"));
            } else {
                routeKey = resolvedMethod + " " + pathText;
                Route earlier = routes.get(routeKey);
                if (earlier != null) {
                    refusals.add(CompileResult.refusal(event, "DUPLICATE_HTTP_API_ROUTE", event.ref(), "route '"
                            + routeKey + "' is already declared" + (earlier.function().key()
                            .equals(event.function().key()) ? " by event " + (earlier.event().index() + 1)
                            + " of this function" : " by function " + earlier.function().key())
                            + ": each method and path may have one handler; remove one of them (Serverless"
                            + " Framework v3 refuses this: DUPLICATE_HTTP_API_ROUTE)"));
                }
            }
        }
        Authorization authorization = Js.truthy(authorizer)
                ? authorization(event, options.field("authorizer").orElseThrow(), authorizer, config, settings)
                : Authorization.NONE;
        authorization.refusal().ifPresent(refusals::add);
        if (!refusals.isEmpty()) {
            return new Resolution(Optional.empty(), refusals);
        }
        return new Resolution(Optional.of(new Route(routeKey, resolvedMethod, pathText, event.function(),
                authorization.authorizer(), authorization.scopes(), event)), List.of());
    }

    /** A route's authorizer and scopes as v3 resolves them, or where v3 stops on the authorizer. */
    private record Authorization(Optional<RouteAuthorizer> authorizer, Optional<List<JsonNode>> scopes,
                                 Optional<Refusal> refusal) {

        static final Authorization NONE = new Authorization(Optional.empty(), Optional.empty(), Optional.empty());

        static Authorization refused(Refusal refusal) {
            return new Authorization(Optional.empty(), Optional.empty(), Optional.of(refusal));
        }
    }

    private static Authorization authorization(EventItem event, MapNode.Field field, JsonNode authorizer,
                                               HttpApiConfig config, ServiceSettings settings) {
        Optional<MapNode> given = field.value() instanceof MapNode map ? Optional.of(map) : Optional.empty();
        JsonNode name;
        JsonNode id = null;
        JsonNode type = null;
        JsonNode scopesValue = null;
        if (authorizer.isObject() || authorizer.isArray()) {
            name = authorizer.get("name");
            id = authorizer.get("id");
            type = authorizer.get("type");
            scopesValue = authorizer.get("scopes");
        } else {
            name = authorizer;
        }
        boolean awsIam = type != null && "aws_iam".equals(type.textValue());
        Optional<String> typeText = Optional.ofNullable(type).filter(JsonNode::isTextual).map(JsonNode::textValue);
        if (!awsIam && !Js.truthy(id) && !Js.truthy(name)) {
            return Authorization.refused(CompileResult.refusal(event, "HTTP_API_AUTHORIZER_MISSING_ID_OR_NAME",
                    field.keyRef(), "httpApi authorizer of type " + typeText.orElse("jwt") + " needs name (an"
                            + " authorizer in provider.httpApi.authorizers) or id (of an external authorizer);"
                            + " Serverless Framework v3 refuses this (HTTP_API_AUTHORIZER_MISSING_ID_OR_NAME)"));
        }
        if (awsIam && (Js.truthy(name) || Js.truthy(id) || Js.truthy(scopesValue))) {
            List<MapNode.Field> extra = given.map(MapNode::fields).orElse(List.of()).stream()
                    .filter(f -> List.of("name", "id", "scopes").contains(f.key())
                            && Js.truthy(authorizer.get(f.key())))
                    .toList();
            return Authorization.refused(CompileResult.refusal(event,
                    "HTTP_API_AUTHORIZER_AWS_IAM_UNEXPECTED_PROPERTIES",
                    extra.isEmpty() ? field.keyRef() : extra.get(0).keyRef(), "an aws_iam authorizer takes no "
                            + String.join(", ", extra.stream().map(MapNode.Field::key).toList()) + ": IAM authorizes"
                            + " the request by its signature; remove them (Serverless Framework v3 refuses this:"
                            + " HTTP_API_AUTHORIZER_AWS_IAM_UNEXPECTED_PROPERTIES)"));
        }
        Optional<List<JsonNode>> scopes = Js.truthy(scopesValue) ? Optional.of(HttpApiConfig.toSet(scopesValue))
                : Optional.empty();
        if (Js.truthy(id)) {
            if (config.id().isEmpty()) {
                Node idNode = given.flatMap(m -> m.get("id")).orElse(field.value());
                return Authorization.refused(CompileResult.refusal(event,
                        "EXTERNAL_HTTP_API_AUTHORIZER_WITHOUT_EXTERNAL_HTTP_API", idNode.ref(), "authorizer id "
                                + Details.show(idNode) + " names an authorizer of an external HTTP API, but this"
                                + " service creates its own API (provider.httpApi.id is not set): use name with an"
                                + " authorizer of provider.httpApi.authorizers, or set provider.httpApi.id;"
                                + " Serverless Framework v3 refuses this"
                                + " (EXTERNAL_HTTP_API_AUTHORIZER_WITHOUT_EXTERNAL_HTTP_API)"));
            }
            return new Authorization(Optional.of(new RouteAuthorizer(Optional.of(id), typeText, Optional.empty())),
                    scopes, Optional.empty());
        }
        if (awsIam) {
            return new Authorization(Optional.of(new RouteAuthorizer(Optional.empty(), typeText, Optional.empty())),
                    scopes, Optional.empty());
        }
        // a name that is no text (a list, a mapping) is no key of v3's Map of authorizers either
        HttpApiConfig.Authorizer configured = name.isTextual() ? config.authorizers().get(name.textValue()) : null;
        if (configured == null) {
            List<String> defined = settings.provider().at("httpApi", "authorizers").filter(MapNode.class::isInstance)
                    .map(n -> ((MapNode) n).keys()).orElse(List.of());
            Node nameNode = given.flatMap(m -> m.get("name")).orElse(field.value());
            return Authorization.refused(CompileResult.refusal(event, "UNRECOGNIZED_HTTP_API_AUTHORIZER",
                    nameNode.ref(), "authorizer " + (name.isTextual() ? "'" + name.textValue() + "'"
                            : Details.show(nameNode)) + " is not defined in provider.httpApi.authorizers"
                            + (name.isTextual() ? Spelling.hint(name.textValue(), defined) : "")
                            + (defined.isEmpty() ? " (none is defined)" : "; defined: " + String.join(", ", defined))
                            + "; Serverless Framework v3 refuses this (UNRECOGNIZED_HTTP_API_AUTHORIZER)"));
        }
        Optional<String> configuredType = Optional.ofNullable(configured.value("type"))
                .filter(JsonNode::isTextual).map(JsonNode::textValue);
        return new Authorization(Optional.of(new RouteAuthorizer(Optional.empty(), configuredType,
                Optional.of(configured))), scopes, Optional.empty());
    }

    private static ObjectNode api(ServiceSettings settings, HttpApiConfig config) {
        ObjectNode api = JSON.objectNode();
        api.put("Type", "AWS::ApiGatewayV2::Api");
        ObjectNode properties = api.putObject("Properties");
        JsonNode name = settings.providerValue("httpApi", "name");
        JsonNode startWithService = settings.providerValue("httpApi", "shouldStartNameWithService");
        properties.put("Name", Naming.httpApiName(Optional.ofNullable(name).filter(Js::truthy).map(Js::string),
                Js.truthy(startWithService), settings.name(), settings.stage()));
        properties.put("ProtocolType", "HTTP");
        config.disableDefaultEndpoint().ifPresent(v -> properties.set("DisableExecuteApiEndpoint", v));
        JsonNode tags = settings.providerValue("tags");
        if (Js.truthy(tags)) {
            properties.set("Tags", tags);
        }
        config.cors().ifPresent(cors -> properties.set("CorsConfiguration", cors.toCloudFormation()));
        return api;
    }

    private static ObjectNode logGroup(ServiceSettings settings) {
        JsonNode stackName = settings.providerValue("stackName");
        return ApiLogGroup.of(settings, Naming.httpApiLogGroupName(Naming.stackName(
                Optional.ofNullable(stackName).filter(JsonNode::isTextual).map(JsonNode::textValue),
                settings.name(), settings.stage())));
    }

    private static ObjectNode stage(ServiceSettings settings, HttpApiConfig config) {
        ObjectNode stage = JSON.objectNode();
        stage.put("Type", "AWS::ApiGatewayV2::Stage");
        ObjectNode properties = stage.putObject("Properties");
        properties.set("ApiId", Cfn.ref(Naming.HTTP_API_LOGICAL_ID));
        properties.put("StageName", "$default");
        properties.put("AutoDeploy", true);
        properties.putObject("DefaultRouteSettings").set("DetailedMetricsEnabled", config.metrics());
        JsonNode tags = settings.providerValue("tags");
        if (Js.truthy(tags)) {
            properties.set("Tags", tags);
        }
        config.accessLogFormat().ifPresent(format -> {
            ObjectNode logSettings = properties.putObject("AccessLogSettings");
            logSettings.set("DestinationArn", Cfn.getAtt(Naming.HTTP_API_LOG_GROUP_LOGICAL_ID, "Arn"));
            logSettings.put("Format", format);
            stage.put("DependsOn", Naming.HTTP_API_LOG_GROUP_LOGICAL_ID);
        });
        return stage;
    }

    private static void outputs(CompileContext context) {
        ObjectNode id = JSON.objectNode();
        id.put("Description", "Id of the HTTP API");
        id.set("Value", Cfn.ref(Naming.HTTP_API_LOGICAL_ID));
        context.putOutput(Naming.HTTP_API_ID_OUTPUT_ID, id);
        ObjectNode url = JSON.objectNode();
        url.put("Description", "URL of the HTTP API");
        url.set("Value", Cfn.join("", Cfn.text("https://"), Cfn.ref(Naming.HTTP_API_LOGICAL_ID),
                Cfn.text(".execute-api."), Cfn.ref("AWS::Region"), Cfn.text("."), Cfn.ref("AWS::URLSuffix")));
        context.putOutput(Naming.HTTP_API_URL_OUTPUT_ID, url);
    }

    private static void authorizer(CompileContext context, HttpApiConfig.Authorizer authorizer, JsonNode apiId) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGatewayV2::Authorizer");
        ObjectNode properties = resource.putObject("Properties");
        properties.set("ApiId", apiId.deepCopy());
        properties.put("Name", authorizer.name());
        JsonNode identitySource = authorizer.value("identitySource");
        if (!Js.truthy(identitySource)) {
            properties.putArray("IdentitySource");
        } else if (identitySource.isArray()) {
            properties.set("IdentitySource", identitySource);
        } else {
            properties.putArray("IdentitySource").add(identitySource);
        }
        Optional<String> function = authorizer.function().map(FunctionSettings::key);
        if (authorizer.request()) {
            properties.put("AuthorizerType", "REQUEST");
            setIfPresent(properties, "EnableSimpleResponses", authorizer.value("enableSimpleResponses"));
            setIfPresent(properties, "AuthorizerResultTtlInSeconds", authorizer.value("resultTtlInSeconds"));
            JsonNode payload = authorizer.value("payloadVersion");
            properties.set("AuthorizerPayloadFormatVersion", Js.truthy(payload) ? payload : JSON.textNode("2.0"));
            properties.set("AuthorizerUri", Cfn.lambdaInvocationUri(authorizerTarget(authorizer)));
            authorizer.function().flatMap(FunctionSettings::targetAlias)
                    .ifPresent(alias -> resource.put("DependsOn", alias.logicalId()));
            if (!Js.truthy(authorizer.value("managedExternally"))) {
                ObjectNode permission = Cfn.invokePermission(Optional.empty(), authorizerTarget(authorizer),
                        "apigateway.amazonaws.com", sourceArn(apiId));
                authorizer.function().flatMap(FunctionSettings::targetAlias)
                        .ifPresent(alias -> permission.put("DependsOn", alias.logicalId()));
                context.putResource(Naming.httpApiAuthorizerPermissionLogicalId(authorizer.name()), permission,
                        function, authorizer.ref());
            }
        } else {
            properties.put("AuthorizerType", "JWT");
            ObjectNode jwt = properties.putObject("JwtConfiguration");
            jwt.set("Audience", HttpApiConfig.array(HttpApiConfig.toSet(authorizer.value("audience"))));
            setIfPresent(jwt, "Issuer", authorizer.value("issuerUrl"));
        }
        context.putResource(Naming.httpApiAuthorizerLogicalId(authorizer.name()), resource, function,
                authorizer.ref());
    }

    /** {@code functionArn || resolveLambdaTarget(functionName)}. */
    private static JsonNode authorizerTarget(HttpApiConfig.Authorizer authorizer) {
        JsonNode arn = authorizer.value("functionArn");
        if (Js.truthy(arn)) {
            return arn.deepCopy();
        }
        if (authorizer.function().isPresent()) {
            return authorizer.function().get().target();
        }
        return Cfn.getAtt(Naming.lambdaLogicalId(authorizer.functionName().orElse("")), "Arn");
    }

    private static ObjectNode permission(FunctionSettings function, JsonNode apiId) {
        ObjectNode permission = Cfn.invokePermission(Optional.empty(), function.target(), "apigateway.amazonaws.com",
                sourceArn(apiId));
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(id -> permission.put("DependsOn", id));
        return permission;
    }

    private static ObjectNode integration(ServiceSettings settings, HttpApiConfig config, FunctionSettings function,
                                          JsonNode apiId) {
        ObjectNode integration = ApiV2Integration.proxy(function, apiId, function.target());
        ObjectNode properties = (ObjectNode) integration.get("Properties");
        JsonNode own = function.value("httpApi");
        JsonNode ownPayload = own != null && own.isObject() ? own.get("payload") : null;
        properties.set("PayloadFormatVersion", Js.truthy(ownPayload) ? ownPayload
                : config.payload().orElse(JSON.textNode("2.0")));
        properties.put("TimeoutInMillis", 30000);
        return integration;
    }

    private static ObjectNode route(Route route, JsonNode apiId) {
        String integrationId = Naming.httpApiIntegrationLogicalId(route.function().key());
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGatewayV2::Route");
        ObjectNode properties = resource.putObject("Properties");
        properties.set("ApiId", apiId.deepCopy());
        properties.put("RouteKey", route.routeKey().equals("*") ? "$default" : route.routeKey());
        properties.set("Target", Cfn.join("/", Cfn.text("integrations"), Cfn.ref(integrationId)));
        resource.put("DependsOn", integrationId);
        route.authorizer().ifPresent(authorizer -> {
            properties.put("AuthorizationType", authorizer.authorizationType());
            if (!authorizer.type().filter("aws_iam"::equals).isPresent()) {
                properties.set("AuthorizerId", authorizer.id().map(j -> (JsonNode) j.deepCopy())
                        .orElseGet(() -> Cfn.ref(Naming.httpApiAuthorizerLogicalId(
                                authorizer.configured().map(HttpApiConfig.Authorizer::name).orElse("undefined")))));
                route.scopes().ifPresent(s -> properties.set("AuthorizationScopes", HttpApiConfig.array(s)));
            }
        });
        return resource;
    }

    private static void facts(CompileContext context, Route route, JsonNode apiId) {
        FunctionSettings function = route.function();
        EventItem event = route.event();
        String authorizationType = route.authorizer().map(RouteAuthorizer::authorizationType)
                .orElse(HttpApiEvent.NONE);
        List<String> scopes = new ArrayList<>();
        route.scopes().ifPresent(list -> list.stream().filter(JsonNode::isTextual)
                .forEach(s -> scopes.add(s.textValue())));
        context.addEventFact(new HttpApiEvent(function.key(), event.index(), route.method(), route.path(),
                route.routeKey(), Naming.httpApiRouteLogicalId(route.routeKey()),
                Naming.httpApiIntegrationLogicalId(function.key()), authorizationType,
                route.authorizer().flatMap(RouteAuthorizer::configured).map(HttpApiConfig.Authorizer::key),
                route.authorizer().flatMap(RouteAuthorizer::id).map(CfnValue::of), scopes, event.options(),
                event.ref()));
        context.addEventFact(event.source(EventSource.HTTP_API, CfnValue.of(sourceArn(apiId)), event.ref()));
    }

    /** {@code arn:${Partition}:execute-api:${Region}:${AccountId}:<api id>/*}. */
    private static ObjectNode sourceArn(JsonNode apiId) {
        return Cfn.regionalArn("execute-api", Cfn.text(":"), apiId.deepCopy(), Cfn.text("/*"));
    }

    private static SourceRef logsRef(ServiceSettings settings, HttpApiConfig config) {
        return settings.provider().at("logs", "httpApi").map(n -> n.ref()).orElse(config.ref());
    }

    private static void setIfPresent(ObjectNode properties, String key, JsonNode value) {
        if (Js.present(value)) {
            properties.set(key, value);
        }
    }
}
