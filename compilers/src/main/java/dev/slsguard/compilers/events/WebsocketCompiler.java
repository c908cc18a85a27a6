package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.custom.ApiGatewayAccountRole;
import dev.slsguard.compilers.custom.CustomResources;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.WebsocketEvent;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.text.Spelling;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code websocket} events, the service's API Gateway v2 WebSocket API
 * ({@code package/compile/events/websockets}). Each event is read as v3's {@code validate} reads
 * it (route, route response, authorizer); the API is built in {@link #finish}, phase by phase as v3
 * builds it: the API, the functions' integrations, route responses, authorizers, invoke
 * permissions, routes, the stage with its access logs, and the deployment (named after a hash of
 * the API's resources) with the endpoint output. With {@code provider.apiGateway.websocketApiId}
 * the routes go to that API and neither the API nor its stage is created.
 */
public final class WebsocketCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFAULT_IDENTITY_SOURCE = "route.request.header.Auth";
    private static final Set<String> LOG_LEVELS = Set.of("INFO", "ERROR");
    private static final String ACCESS_LOG_FORMAT = "$context.identity.sourceIp $context.identity.caller"
            + " $context.identity.user [$context.requestTime] \"$context.eventType $context.routeKey"
            + " $context.connectionId\" $context.requestId";
    private static final String PRINCIPAL = "apigateway.amazonaws.com";

    @Override
    public EventType eventType() {
        return EventType.WEBSOCKET;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        Reading reading = read(event, context);
        if (!reading.refusals().isEmpty()) {
            return new CompileResult.Refused(reading.refusals());
        }
        return reading.route().isPresent() ? CompileResult.COMPILED : CompileResult.SKIPPED;
    }

    /** A route as v3's {@code validate} reads it from one event. */
    private record Route(EventItem event, String route, SourceRef routeRef, Optional<JsonNode> routeResponse,
                         Optional<Authorizer> authorizer) {

        FunctionSettings function() {
            return event.function();
        }
    }

    /**
     * A route's authorizer as v3 reads it.
     *
     * @param name                 its name (a function key, or read from the ARN)
     * @param uriTarget            the Lambda its URI invokes: the function's target, or the ARN as written
     * @param identitySource       where it reads the identity, as written (or v3's default)
     * @param function             the function of the service by that name, if there is one
     * @param arn                  the ARN of a Lambda outside the service, when it is one
     * @param permissionTarget     the {@code FunctionName} of its invoke permission
     * @param permissionDependency what v3 adds to that permission's {@code DependsOn} for a
     *                             function of the service (with the function's alias)
     */
    private record Authorizer(String name, JsonNode uriTarget, JsonNode identitySource,
                              Optional<FunctionSettings> function, Optional<JsonNode> arn, JsonNode permissionTarget,
                              Optional<String> permissionDependency) {
    }

    /** What reading one event gave: a route, where v3 stops on it, or neither (an empty event). */
    private record Reading(Optional<Route> route, List<Refusal> refusals) {

        static final Reading NONE = new Reading(Optional.empty(), List.of());
    }

    private static Reading read(EventItem event, CompileContext context) {
        Node config = event.config();
        JsonNode value = NodeJson.toJson(config);
        if (!Js.truthy(value)) {
            return Reading.NONE; // v3 skips an empty event; the schema validation reports it
        }
        if (config instanceof ScalarNode scalar) {
            if (!scalar.isString()) {
                return Reading.NONE; // v3 ignores what is neither text nor a mapping; the schema reports it
            }
            return new Reading(Optional.of(new Route(event, scalar.text(), scalar.ref(), Optional.empty(),
                    Optional.empty())), List.of());
        }
        MapNode options = config instanceof MapNode map ? map : new MapNode(config.ref(), List.of());
        List<Refusal> refusals = new ArrayList<>();
        Optional<Authorizer> authorizer = Optional.empty();
        JsonNode authorizerValue = value.get("authorizer");
        if (Js.truthy(authorizerValue) && options.field("authorizer").isPresent()) {
            // v3 reads the authorizer first: where it stops on both, it stops here
            AuthorizerReading reading = authorizer(event, options.field("authorizer").get(), authorizerValue,
                    context);
            reading.refusal().ifPresent(refusals::add);
            authorizer = reading.authorizer();
        }
        Optional<MapNode.Field> routeField = options.field("route");
        JsonNode route = value.get("route");
        if (route == null || !route.isTextual()) {
            SourceRef where = routeField.map(Details::where).orElse(event.ref());
            refusals.add(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION, where,
                    "websocket event needs route, the route key as text ($connect, $disconnect, $default or an"
                            + " action such as sendMessage)" + routeField.map(f -> "; got " + Details.show(f.value()))
                            .orElse("") + "; Serverless Framework v3 stops packaging on it with a TypeError"));
        }
        if (!refusals.isEmpty()) {
            return new Reading(Optional.empty(), refusals);
        }
        JsonNode routeResponse = value.get("routeResponseSelectionExpression");
        return new Reading(Optional.of(new Route(event, route.textValue(), routeField.get().value().ref(),
                Optional.ofNullable(routeResponse).filter(Js::truthy), authorizer)), List.of());
    }

    private record AuthorizerReading(Optional<Authorizer> authorizer, Optional<Refusal> refusal) {

        static AuthorizerReading refused(Refusal refusal) {
            return new AuthorizerReading(Optional.empty(), Optional.of(refusal));
        }

        static AuthorizerReading of(Authorizer authorizer) {
            return new AuthorizerReading(Optional.of(authorizer), Optional.empty());
        }
    }

    /** v3's reading of {@code authorizer}: a Lambda ARN, a function key, or a mapping with arn or name. */
    private static AuthorizerReading authorizer(EventItem event, MapNode.Field field, JsonNode value,
                                                CompileContext context) {
        JsonNode defaultSource = JSON.arrayNode().add(DEFAULT_IDENTITY_SOURCE);
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.contains(":")) {
                return AuthorizerReading.of(external(Naming.websocketsAuthorizerNameFromArn(text), value,
                        defaultSource, context));
            }
            return local(event, field.value(), text, defaultSource, context);
        }
        if (!(field.value() instanceof MapNode given)) {
            return new AuthorizerReading(Optional.empty(), Optional.empty()); // v3 ignores it; the schema reports it
        }
        JsonNode identitySource = Js.truthy(value.get("identitySource")) ? value.get("identitySource") : defaultSource;
        JsonNode arn = value.get("arn");
        JsonNode name = value.get("name");
        if (Js.truthy(arn)) {
            Node arnNode = given.get("arn").orElseThrow();
            String authorizerName;
            if (arn.isObject() || arn.isArray()) {
                if (!Js.truthy(name)) {
                    return AuthorizerReading.refused(CompileResult.refusal(event,
                            "WEBSOCKETS_MISSING_AUTHORIZER_NAME", given.field("arn").orElseThrow().keyRef(),
                            "a websocket authorizer whose arn is an intrinsic function needs name, the name of"
                                    + " its authorizer resource (Serverless Framework v3 reads it from a written"
                                    + " ARN only, and refuses this: WEBSOCKETS_MISSING_AUTHORIZER_NAME)"));
                }
                if (!name.isTextual()) {
                    return unreadable(event, given.field("name").orElseThrow(), "name");
                }
                authorizerName = name.textValue();
            } else if (arn.isTextual()) {
                authorizerName = Naming.websocketsAuthorizerNameFromArn(arn.textValue());
            } else {
                return unreadable(event, given.field("arn").orElseThrow(), "arn");
            }
            if (arn.isTextual() && !arn.textValue().contains(":")) {
                // v3 invokes such an arn as written, but gives the permission to the function of that key
                AuthorizerReading local = local(event, arnNode, authorizerName, identitySource, context);
                return local.authorizer().map(a -> AuthorizerReading.of(new Authorizer(a.name(), arn,
                        identitySource, a.function(), Optional.empty(), a.permissionTarget(),
                        Optional.of(arn.textValue())))).orElse(local);
            }
            return AuthorizerReading.of(external(authorizerName, arn, identitySource, context));
        }
        if (Js.truthy(name)) {
            if (!name.isTextual()) {
                return unreadable(event, given.field("name").orElseThrow(), "name");
            }
            return local(event, given.get("name").orElseThrow(), name.textValue(), identitySource, context);
        }
        return AuthorizerReading.refused(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION, field.keyRef(),
                "websocket authorizer needs name (a function of this service) or arn (a Lambda ARN); Serverless"
                        + " Framework v3 stops packaging on it with a TypeError"));
    }

    /** An authorizer that is a function of the service, or v3's refusal when there is none by that key. */
    private static AuthorizerReading local(EventItem event, Node where, String key, JsonNode identitySource,
                                           CompileContext context) {
        Optional<FunctionSettings> function = function(context, key);
        if (function.isEmpty()) {
            List<String> keys = context.functions().stream().map(FunctionSettings::key).toList();
            return AuthorizerReading.refused(CompileResult.refusal(event, "FUNCTION_MISSING_IN_SERVICE", where.ref(),
                    "websocket authorizer '" + key + "' is no function of this service"
                            + Spelling.hint(key, keys) + ": give the key of a function"
                            + " under functions, or the authorizer's Lambda ARN (Serverless Framework v3 refuses"
                            + " this: FUNCTION_MISSING_IN_SERVICE)"));
        }
        return AuthorizerReading.of(new Authorizer(key, function.get().target(), identitySource, function,
                Optional.empty(), function.get().target(), Optional.of(Naming.lambdaLogicalId(key))));
    }

    /** An authorizer given by its Lambda ARN (v3 still looks for a function of the service by its name). */
    private static Authorizer external(String name, JsonNode arn, JsonNode identitySource, CompileContext context) {
        return new Authorizer(name, arn, identitySource, function(context, name), Optional.of(arn), arn,
                Optional.empty());
    }

    private static AuthorizerReading unreadable(EventItem event, MapNode.Field field, String option) {
        return AuthorizerReading.refused(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION,
                Details.where(field), "websocket authorizer " + option + " must be text; got "
                        + Details.show(field.value()) + "; Serverless Framework v3 stops packaging on it with a"
                        + " TypeError"));
    }

    private static Optional<FunctionSettings> function(CompileContext context, String key) {
        return context.functions().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        List<Route> routes = new ArrayList<>();
        for (EventItem event : context.compiledEvents(eventType())) {
            read(event, context).route().ifPresent(routes::add);
        }
        if (routes.isEmpty()) {
            return List.of();
        }
        ServiceSettings settings = context.settings();
        JsonNode externalId = settings.providerValue("apiGateway", "websocketApiId");
        boolean external = Js.truthy(externalId);
        JsonNode logs = settings.providerValue("logs", "websocket");
        if (!external && Js.truthy(logs)) {
            Optional<Refusal> level = logLevel(routes.get(0).event(), settings, logs);
            if (level.isPresent()) {
                return List.of(level.get());
            }
        }
        JsonNode apiId = external ? externalId : Cfn.ref(Naming.WEBSOCKETS_API_LOGICAL_ID);
        SourceRef first = routes.get(0).event().ref();

        if (!external) {
            context.mergeResource(Naming.WEBSOCKETS_API_LOGICAL_ID, api(settings), Optional.empty(), first);
        }
        for (Route route : routes) {
            context.mergeResource(Naming.websocketsIntegrationLogicalId(route.function().key()),
                    integration(route.function(), apiId), Optional.of(route.function().key()), route.event().ref());
        }
        for (Route route : routes) {
            route.routeResponse().ifPresent(r -> context.putResource(
                    Naming.websocketsRouteResponseLogicalId(route.route()), routeResponse(route, apiId),
                    Optional.of(route.function().key()), route.event().ref()));
        }
        for (Route route : routes) {
            route.authorizer().ifPresent(a -> context.mergeResource(Naming.websocketsAuthorizerLogicalId(a.name()),
                    authorizer(a, apiId), a.function().map(FunctionSettings::key), route.event().ref()));
        }
        Optional<String> apiRef = Optional.ofNullable(apiId.get("Ref")).filter(Js::truthy).map(Js::string);
        for (Route route : routes) {
            FunctionSettings function = route.function();
            context.mergeResource(Naming.websocketsPermissionLogicalId(function.key()), permission(function, apiRef),
                    Optional.of(function.key()), route.event().ref());
            route.authorizer().ifPresent(a -> context.mergeResource(Naming.websocketsPermissionLogicalId(a.name()),
                    authorizerPermission(a, apiRef), a.function().map(FunctionSettings::key), route.event().ref()));
        }
        for (Route route : routes) {
            context.mergeResource(Naming.websocketsRouteLogicalId(route.route()), route(route, apiId),
                    Optional.of(route.function().key()), route.event().ref());
        }
        if (!external) {
            stage(context, settings, logs, first);
        }
        deployment(context, settings, routes, apiId, external, first);
        facts(context, routes, external);
        return List.of();
    }

    /** v3 refuses a log level other than INFO and ERROR (unless execution logging is off). */
    private static Optional<Refusal> logLevel(EventItem firstEvent, ServiceSettings settings, JsonNode logs) {
        JsonNode executionLogging = logs.get("executionLogging");
        JsonNode level = logs.get("level");
        if (Js.present(executionLogging) && !Js.truthy(executionLogging) || !Js.truthy(level)
                || level.isTextual() && LOG_LEVELS.contains(level.textValue())) {
            return Optional.empty();
        }
        MapNode.Field field = settings.provider().at("logs", "websocket").filter(MapNode.class::isInstance)
                .flatMap(m -> ((MapNode) m).field("level")).orElseThrow();
        return Optional.of(CompileResult.refusal(firstEvent, "WEBSOCKETS_INVALID_LOGS_LEVEL", Details.where(field),
                "provider.logs.websocket.level must be INFO or ERROR (in capitals); got " + Details.show(field.value())
                        + " (set executionLogging: false to turn execution logs off); Serverless Framework v3"
                        + " refuses this (WEBSOCKETS_INVALID_LOGS_LEVEL)"));
    }

    private static ObjectNode api(ServiceSettings settings) {
        ObjectNode api = JSON.objectNode();
        api.put("Type", "AWS::ApiGatewayV2::Api");
        ObjectNode properties = api.putObject("Properties");
        JsonNode name = settings.providerValue("websocketsApiName");
        properties.put("Name", Naming.websocketsApiName(Optional.ofNullable(name).filter(Js::truthy)
                .filter(JsonNode::isTextual).map(JsonNode::textValue), settings.name(), settings.stage()));
        JsonNode selection = settings.providerValue("websocketsApiRouteSelectionExpression");
        properties.set("RouteSelectionExpression", Js.truthy(selection) ? selection
                : JSON.textNode("$request.body.action"));
        properties.set("Description", description(settings));
        properties.put("ProtocolType", "WEBSOCKET");
        JsonNode tags = settings.providerValue("tags");
        if (Js.truthy(tags) && Js.truthy(settings.providerValue("websocket", "useProviderTags"))) {
            properties.set("Tags", tags);
        }
        return api;
    }

    /** {@code provider.websocketsDescription || 'Serverless Websockets'}. */
    private static JsonNode description(ServiceSettings settings) {
        JsonNode description = settings.providerValue("websocketsDescription");
        return Js.truthy(description) ? description : JSON.textNode("Serverless Websockets");
    }

    private static ObjectNode integration(FunctionSettings function, JsonNode apiId) {
        return ApiV2Integration.proxy(function, apiId, Cfn.lambdaInvocationUri(function.target()));
    }

    private static ObjectNode routeResponse(Route route, JsonNode apiId) {
        ObjectNode response = JSON.objectNode();
        response.put("Type", "AWS::ApiGatewayV2::RouteResponse");
        ObjectNode properties = response.putObject("Properties");
        properties.set("ApiId", apiId.deepCopy());
        properties.set("RouteId", Cfn.ref(Naming.websocketsRouteLogicalId(route.route())));
        properties.put("RouteResponseKey", "$default");
        return response;
    }

    private static ObjectNode authorizer(Authorizer authorizer, JsonNode apiId) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGatewayV2::Authorizer");
        authorizer.function().flatMap(FunctionSettings::targetAlias)
                .ifPresent(alias -> resource.put("DependsOn", alias.logicalId()));
        ObjectNode properties = resource.putObject("Properties");
        properties.set("ApiId", apiId.deepCopy());
        properties.put("Name", authorizer.name());
        properties.put("AuthorizerType", "REQUEST");
        properties.set("AuthorizerUri", Cfn.lambdaInvocationUri(authorizer.uriTarget().deepCopy()));
        properties.set("IdentitySource", authorizer.identitySource().deepCopy());
        return resource;
    }

    private static ObjectNode permission(FunctionSettings function, Optional<String> apiRef) {
        ObjectNode permission = JSON.objectNode();
        permission.put("Type", "AWS::Lambda::Permission");
        ArrayNode dependsOn = permission.putArray("DependsOn");
        apiRef.ifPresent(dependsOn::add);
        dependsOn.add(function.targetAlias().map(TargetAlias::logicalId).orElse(function.logicalId()));
        ObjectNode properties = permission.putObject("Properties");
        properties.set("FunctionName", function.target());
        properties.put("Action", "lambda:InvokeFunction");
        properties.put("Principal", PRINCIPAL);
        return permission;
    }

    private static ObjectNode authorizerPermission(Authorizer authorizer, Optional<String> apiRef) {
        ObjectNode permission = JSON.objectNode();
        permission.put("Type", "AWS::Lambda::Permission");
        ArrayNode dependsOn = permission.putArray("DependsOn");
        apiRef.ifPresent(dependsOn::add);
        ObjectNode properties = permission.putObject("Properties");
        properties.put("Action", "lambda:InvokeFunction");
        properties.put("Principal", PRINCIPAL);
        properties.set("FunctionName", authorizer.permissionTarget().deepCopy());
        authorizer.permissionDependency().ifPresent(dependsOn::add);
        authorizer.permissionDependency().flatMap(d -> authorizer.function()).flatMap(FunctionSettings::targetAlias)
                .ifPresent(alias -> dependsOn.add(alias.logicalId()));
        return permission;
    }

    private static ObjectNode route(Route route, JsonNode apiId) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGatewayV2::Route");
        ObjectNode properties = resource.putObject("Properties");
        properties.set("ApiId", apiId.deepCopy());
        properties.put("RouteKey", route.route());
        properties.put("AuthorizationType", route.authorizer().isPresent() ? WebsocketEvent.CUSTOM : WebsocketEvent.NONE);
        properties.set("Target", Cfn.join("/", Cfn.text("integrations"),
                Cfn.ref(Naming.websocketsIntegrationLogicalId(route.function().key()))));
        route.routeResponse().ifPresent(r -> properties.set("RouteResponseSelectionExpression", r.deepCopy()));
        route.authorizer().ifPresent(a -> properties.set("AuthorizerId",
                Cfn.ref(Naming.websocketsAuthorizerLogicalId(a.name()))));
        return resource;
    }

    /** The stage, and with {@code provider.logs.websocket} its log settings, log group and account role. */
    private static void stage(CompileContext context, ServiceSettings settings, JsonNode logs, SourceRef first) {
        ObjectNode stage = JSON.objectNode();
        stage.put("Type", "AWS::ApiGatewayV2::Stage");
        ObjectNode properties = stage.putObject("Properties");
        properties.set("ApiId", Cfn.ref(Naming.WEBSOCKETS_API_LOGICAL_ID));
        properties.put("StageName", settings.stage());
        properties.set("Description", description(settings));
        if (!Js.truthy(logs)) {
            context.putResource(Naming.WEBSOCKETS_STAGE_LOGICAL_ID, stage, Optional.empty(), first);
            return;
        }
        SourceRef logsRef = settings.provider().at("logs", "websocket").map(Node::ref).orElse(first);
        JsonNode accessLogging = logs.get("accessLogging");
        JsonNode executionLogging = logs.get("executionLogging");
        JsonNode fullExecutionData = logs.get("fullExecutionData");
        JsonNode level = logs.get("level");
        ObjectNode routeSettings = properties.putObject("DefaultRouteSettings");
        routeSettings.set("DataTraceEnabled", Js.present(fullExecutionData) ? fullExecutionData
                : JSON.booleanNode(true));
        routeSettings.set("LoggingLevel", Js.present(executionLogging) && !Js.truthy(executionLogging)
                ? JSON.textNode("OFF") : Js.truthy(level) ? level : JSON.textNode("INFO"));
        if (!Js.present(accessLogging) || Js.truthy(accessLogging)) {
            ObjectNode access = properties.putObject("AccessLogSettings");
            access.set("DestinationArn", Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}"
                    + ":log-group:${" + Naming.WEBSOCKETS_LOG_GROUP_LOGICAL_ID + "}"));
            JsonNode format = logs.get("format");
            access.set("Format", Js.truthy(format) ? format : JSON.textNode(ACCESS_LOG_FORMAT));
        }
        context.putResource(Naming.WEBSOCKETS_STAGE_LOGICAL_ID, stage, Optional.empty(), first);

        context.putResource(Naming.WEBSOCKETS_LOG_GROUP_LOGICAL_ID, ApiLogGroup.of(settings,
                Naming.websocketsLogGroupName(settings.name(), settings.stage())), Optional.empty(), logsRef);

        // v3 sets the account's CloudWatch role once per service: REST API logs may have done it already
        if (context.resource(Naming.API_GATEWAY_CLOUD_WATCH_ROLE_LOGICAL_ID).isEmpty()) {
            ApiGatewayAccountRole.resource(settings).ifPresent(resource -> {
                context.putResource(Naming.API_GATEWAY_CLOUD_WATCH_ROLE_LOGICAL_ID, resource, Optional.empty(),
                        logsRef);
                CustomResources.add(context, CustomResources.Kind.API_GATEWAY_CLOUD_WATCH_ROLE, EventType.WEBSOCKET,
                        logsRef);
            });
        }
    }

    /**
     * The deployment, named after v3's hash of the API's resources as they stand now (the API, what
     * has it as {@code ApiId}, what depends on it), the stage's {@code DeploymentId} and the
     * endpoint output.
     */
    private static void deployment(CompileContext context, ServiceSettings settings, List<Route> routes,
                                   JsonNode apiId, boolean external, SourceRef first) {
        ObjectNode apiResources = JSON.objectNode();
        for (Resource resource : context.resources()) {
            ObjectNode definition = resource.definition();
            JsonNode dependsOn = definition.get("DependsOn");
            boolean dependent = dependsOn != null && dependsOn.isArray() && containsText(dependsOn,
                    Naming.WEBSOCKETS_API_LOGICAL_ID);
            if (resource.logicalId().equals(Naming.WEBSOCKETS_API_LOGICAL_ID) || dependent
                    || Naming.WEBSOCKETS_API_LOGICAL_ID.equals(definition.path("Properties").path("ApiId")
                            .path("Ref").textValue())) {
                apiResources.set(resource.logicalId(), definition);
            }
        }
        String id = Naming.websocketsDeploymentLogicalId(sha256Base64(Js.stringify(apiResources)));

        ObjectNode deployment = JSON.objectNode();
        deployment.put("Type", "AWS::ApiGatewayV2::Deployment");
        ArrayNode dependsOn = deployment.putArray("DependsOn");
        for (Route route : routes) {
            route.routeResponse().ifPresent(r -> dependsOn.add(Naming.websocketsRouteResponseLogicalId(route.route())));
            dependsOn.add(Naming.websocketsRouteLogicalId(route.route()));
        }
        ObjectNode properties = deployment.putObject("Properties");
        properties.set("ApiId", apiId.deepCopy());
        properties.set("Description", description(settings));
        if (external) {
            properties.put("StageName", settings.stage());
        }
        context.mergeResource(id, deployment, Optional.empty(), first);

        ObjectNode output = JSON.objectNode();
        output.put("Description", "URL of the service endpoint");
        output.set("Value", Cfn.join("", Cfn.text("wss://"), apiId.deepCopy(), Cfn.text(".execute-api."),
                Cfn.ref("AWS::Region"), Cfn.text("."), Cfn.ref("AWS::URLSuffix"), Cfn.text("/" + settings.stage())));
        context.putOutput(Naming.WEBSOCKETS_ENDPOINT_OUTPUT_ID, output);

        context.resource(Naming.WEBSOCKETS_STAGE_LOGICAL_ID).ifPresent(stage -> ((ObjectNode) stage.definition()
                .path("Properties")).set("DeploymentId", Cfn.ref(id)));
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (text.equals(item.textValue())) {
                return true;
            }
        }
        return false;
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void facts(CompileContext context, List<Route> routes, boolean external) {
        for (Route route : routes) {
            EventItem event = route.event();
            Optional<Authorizer> authorizer = route.authorizer();
            List<String> identitySource = new ArrayList<>();
            authorizer.ifPresent(a -> {
                JsonNode sources = a.identitySource();
                if (sources.isArray()) {
                    sources.forEach(s -> identitySource.add(Js.string(s)));
                } else {
                    identitySource.add(Js.string(sources));
                }
            });
            context.addEventFact(new WebsocketEvent(event.function().key(), event.index(), route.route(),
                    Naming.websocketsRouteLogicalId(route.route()),
                    Naming.websocketsIntegrationLogicalId(event.function().key()),
                    authorizer.isPresent() ? WebsocketEvent.CUSTOM : WebsocketEvent.NONE,
                    authorizer.map(Authorizer::name), authorizer.flatMap(Authorizer::arn).map(CfnValue::of),
                    identitySource, route.routeResponse().isPresent(), external, event.options(), event.ref(),
                    route.routeRef()));
        }
        if (!external) {
            EventItem firstEvent = routes.get(0).event();
            context.addEventFact(firstEvent.source(EventSource.WEBSOCKET_CONNECTIONS, CfnValue.of(Cfn.sub(
                    "arn:${AWS::Partition}:execute-api:*:*:*/@connections/*")), firstEvent.ref()));
        }
    }
}
