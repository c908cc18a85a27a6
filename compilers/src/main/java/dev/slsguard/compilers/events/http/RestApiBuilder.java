package dev.slsguard.compilers.events.http;

import static dev.slsguard.compilers.events.http.JsObjects.JSON;
import static dev.slsguard.compilers.events.http.JsObjects.UNDEFINED;
import static dev.slsguard.compilers.events.http.JsObjects.orUndefined;
import static dev.slsguard.compilers.support.Cfn.getAtt;
import static dev.slsguard.compilers.support.Cfn.join;
import static dev.slsguard.compilers.support.Cfn.ref;
import static dev.slsguard.compilers.support.Cfn.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.custom.ApiGatewayAccountRole;
import dev.slsguard.compilers.custom.CustomResources;
import dev.slsguard.compilers.events.ApiLogGroup;
import dev.slsguard.compilers.events.CompileResult;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.engine.model.HttpEvent;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the REST API of a service from its {@code http} endpoints in v3's order
 * ({@code api-gateway/index.js}): API, resources, CORS preflights, methods, request validator and
 * models, authorizers, deployment, API keys, usage plans and their keys, Lambda permissions,
 * access-log group.
 */
public final class RestApiBuilder {

    private final CompileContext context;
    private final ServiceSettings settings;
    private final List<HttpEndpoint> endpoints;
    private final JsonNode apiGateway;
    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, SourceRef> origins = new LinkedHashMap<>();
    private final List<String> methodIds = new ArrayList<>();
    private Map<String, ResourceTree.PathNode> tree;
    private String validatorId;
    private String deploymentId;
    private boolean cloudWatchRole;

    private RestApiBuilder(CompileContext context, List<HttpEndpoint> endpoints) {
        this.context = context;
        this.settings = context.settings();
        this.endpoints = endpoints;
        JsonNode api = settings.providerValue("apiGateway");
        this.apiGateway = api != null && api.isObject() ? api : JSON.objectNode();
    }

    /**
     * Adds the REST API's resources, outputs and {@code HttpEvent} facts to the context.
     *
     * @return the refusal when v3 would stop on the resource tree (nothing is added then)
     */
    static Optional<Refusal> build(CompileContext context, List<HttpEndpoint> endpoints) {
        return new RestApiBuilder(context, endpoints).build();
    }

    private Optional<Refusal> build() {
        try {
            tree = ResourceTree.build(predefinedResources(), endpoints.stream().map(HttpEndpoint::path).toList());
            for (HttpEndpoint endpoint : endpoints) {
                resourceId(endpoint.path()); // v3 fails on a path the tree does not hold
            }
        } catch (ResourceTree.MissingResourceId | IllegalStateException e) {
            // v3 stops with a plain Error: "Resource ID for path <p> is required" / "Can not find ..."
            return Optional.of(CompileResult.refusal(endpoints.get(0).event(), Refusal.V3_RESOURCE_ID_REQUIRED,
                    apiGateway.has("restApiResources") ? providerRef("apiGateway", "restApiResources") : firstRef(),
                    "REST API path '" + e.getMessage() + "' needs a resource id in"
                            + " provider.apiGateway.restApiResources (its endpoints hang below it on the external"
                            + " API); Serverless Framework v3 stops packaging without it"));
        }
        compileRestApi();
        compileResources();
        compileCors();
        compileMethods();
        compileRequestValidators();
        compileAuthorizers();
        compileDeployment();
        compileApiKeys();
        compileUsagePlans();
        compileUsagePlanKeys();
        compilePermissions();
        compileStage();
        resources.forEach((id, definition) -> {
            JsObjects.stripUndefined(definition);
            context.mergeResource(id, definition, Optional.empty(), origins.get(id));
        });
        if (cloudWatchRole) {
            CustomResources.add(context, CustomResources.Kind.API_GATEWAY_CLOUD_WATCH_ROLE,
                    EventType.HTTP, providerRef("logs", "restApi"));
        }
        for (HttpEndpoint endpoint : endpoints) {
            context.addEventFact(fact(endpoint));
        }
        return Optional.empty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private JsonNode api(String key) {
        return apiGateway.get(key);
    }

    private boolean externalApi() {
        return Js.truthy(api("restApiId"));
    }

    /** {@code getApiGatewayRestApiId}. */
    private JsonNode restApiId() {
        return externalApi() ? api("restApiId").deepCopy() : ref(Naming.REST_API_LOGICAL_ID);
    }

    private JsonNode rootResourceId() {
        return Js.truthy(api("restApiRootResourceId")) ? api("restApiRootResourceId").deepCopy()
                : getAtt(Naming.REST_API_LOGICAL_ID, "RootResourceId");
    }

    private SourceRef providerRef(String... path) {
        MapNode at = settings.provider();
        SourceRef found = settings.provider().ref();
        for (int i = 0; i < path.length; i++) {
            Optional<MapNode.Field> field = at.field(path[i]);
            if (field.isEmpty()) {
                break;
            }
            found = field.get().keyRef();
            if (!(field.get().value() instanceof MapNode next)) {
                break;
            }
            at = next;
        }
        return found;
    }

    private SourceRef firstRef() {
        return endpoints.get(0).event().ref();
    }

    private void merge(String id, ObjectNode definition, SourceRef origin) {
        ObjectNode existing = resources.get(id);
        if (existing == null) {
            ObjectNode fresh = JSON.objectNode();
            JsObjects.merge(fresh, definition);
            resources.put(id, fresh);
            origins.put(id, origin);
        } else {
            JsObjects.merge(existing, definition);
        }
    }

    /** {@code Object.assign(Resources, {id: definition})}: replaced in place. */
    private void assign(String id, ObjectNode definition, SourceRef origin) {
        resources.put(id, definition);
        origins.putIfAbsent(id, origin);
    }

    private String stage() {
        return settings.stage();
    }

    private List<ResourceTree.Predefined> predefinedResources() {
        JsonNode given = api("restApiResources");
        List<ResourceTree.Predefined> out = new ArrayList<>();
        if (!Js.truthy(given)) {
            return out;
        }
        if (given.isArray()) {
            for (JsonNode item : given) {
                JsonNode path = item.get("path");
                JsonNode name = item.get("name");
                JsonNode id = item.get("resourceId");
                out.add(new ResourceTree.Predefined(path != null && path.isTextual() ? path.textValue() : "",
                        Optional.ofNullable(name).filter(JsonNode::isTextual).map(JsonNode::textValue)
                                .filter(s -> !s.isEmpty()), Js.truthy(id) ? id : null));
            }
        } else if (given.isObject()) {
            given.properties().forEach(e -> out.add(new ResourceTree.Predefined(e.getKey(), Optional.empty(),
                    Js.truthy(e.getValue()) ? e.getValue() : null)));
        }
        return out;
    }

    private JsonNode resourceId(String path) {
        if (path.isEmpty()) {
            return rootResourceId();
        }
        ResourceTree.PathNode node = tree.get(path);
        if (node == null) {
            throw new IllegalStateException(path);
        }
        if (node.resourceId == null && node.logicalId != null) {
            node.resourceId = ref(node.logicalId);
        }
        return node.resourceId == null ? UNDEFINED : node.resourceId.deepCopy();
    }

    private String resourceName(String path) {
        if (path.isEmpty()) {
            return "";
        }
        return tree.get(path).name;
    }

    private String methodId(HttpEndpoint endpoint) {
        return Naming.restMethodLogicalId(resourceName(endpoint.path()), endpoint.method());
    }

    private ObjectNode executeApiSourceArn() {
        return Cfn.regionalArn("execute-api", text(":"), restApiId(), text("/*/*"));
    }

    // ---- rest-api.js ------------------------------------------------------------------------------

    private void compileRestApi() {
        if (externalApi()) {
            return;
        }
        ObjectNode api = JSON.objectNode();
        api.put("Type", "AWS::ApiGateway::RestApi");
        ObjectNode properties = api.putObject("Properties");
        JsonNode apiName = settings.providerValue("apiName");
        properties.set("Name", text(Js.truthy(apiName) ? Js.string(apiName)
                : Naming.restApiName(settings.name(), stage(),
                        Js.truthy(api("shouldStartNameWithService")))));
        JsonNode binary = api("binaryMediaTypes");
        properties.set("BinaryMediaTypes", Js.truthy(binary) ? binary : UNDEFINED);
        JsonNode disable = api("disableDefaultEndpoint");
        properties.set("DisableExecuteApiEndpoint", Js.present(disable) ? disable : UNDEFINED);
        String endpointType = "EDGE";
        JsonNode vpcEndpointIds = null;
        JsonNode givenType = settings.providerValue("endpointType");
        if (Js.truthy(givenType)) {
            endpointType = Js.string(givenType).toUpperCase(Locale.ROOT);
            JsonNode ids = settings.providerValue("vpcEndpointIds");
            if (Js.truthy(ids)) {
                vpcEndpointIds = ids.isTextual() ? JSON.arrayNode().add(ids) : ids;
            }
        }
        ObjectNode endpoint = properties.putObject("EndpointConfiguration");
        endpoint.putArray("Types").add(endpointType);
        if (vpcEndpointIds != null) {
            endpoint.set("VpcEndpointIds", vpcEndpointIds);
        }
        JsonNode policy = api("resourcePolicy");
        if (Js.truthy(policy) && policy.isArray() && policy.size() > 0) {
            ObjectNode document = properties.putObject("Policy");
            document.put("Version", "2012-10-17");
            ArrayNode statements = document.putArray("Statement");
            policy.forEach(statements::add);
        } else if (Js.truthy(policy) && policy.isObject() && policy.size() > 0) {
            properties.putObject("Policy").put("Version", "2012-10-17").set("Statement", policy);
        } else {
            properties.put("Policy", "");
        }
        JsonNode keySource = api("apiKeySourceType");
        if (Js.truthy(keySource)) {
            properties.put("ApiKeySourceType", Js.string(keySource).toUpperCase(Locale.ROOT));
        }
        JsonNode compression = api("minimumCompressionSize");
        if (Js.present(compression)) {
            properties.set("MinimumCompressionSize", compression);
        }
        JsonNode description = api("description");
        if (Js.truthy(description)) {
            properties.set("Description", description);
        }
        merge(Naming.REST_API_LOGICAL_ID, api, apiGateway.isEmpty() ? firstRef() : providerRef("apiGateway"));
    }

    private static JsonNode asArray(JsonNode value) {
        return value.isArray() ? value : JSON.arrayNode().add(value);
    }

    // ---- resources.js -----------------------------------------------------------------------------

    private void compileResources() {
        // each path's origin: the first endpoint at that path or below it (a map of every endpoint's path
        // prefixes, so that a large API is not scanned once per path)
        Map<String, SourceRef> firstBelow = new java.util.HashMap<>();
        for (HttpEndpoint endpoint : endpoints) {
            String endpointPath = endpoint.path();
            for (int i = endpointPath.indexOf('/'); i >= 0; i = endpointPath.indexOf('/', i + 1)) {
                firstBelow.putIfAbsent(endpointPath.substring(0, i), endpoint.event().ref());
            }
            firstBelow.putIfAbsent(endpointPath, endpoint.event().ref());
        }
        for (Map.Entry<String, ResourceTree.PathNode> e : tree.entrySet()) {
            ResourceTree.PathNode node = e.getValue();
            if (node.resourceId != null) {
                continue;
            }
            node.logicalId = Naming.restResourceLogicalId(e.getKey());
            node.resourceId = ref(node.logicalId);
            JsonNode parent = node.parent != null ? node.parent.resourceId.deepCopy() : rootResourceId();
            ObjectNode resource = JSON.objectNode();
            resource.put("Type", "AWS::ApiGateway::Resource");
            ObjectNode properties = resource.putObject("Properties");
            properties.set("ParentId", parent);
            properties.put("PathPart", node.pathPart);
            properties.set("RestApiId", restApiId());
            String path = e.getKey();
            SourceRef origin = firstBelow.getOrDefault(path, firstRef());
            merge(node.logicalId, resource, origin);
        }
    }

    // ---- cors.js ----------------------------------------------------------------------------------

    private void compileCors() {
        Map<String, CorsSettings> preflight = new LinkedHashMap<>();
        Map<String, SourceRef> firstRefs = new LinkedHashMap<>();
        for (HttpEndpoint endpoint : endpoints) {
            if (endpoint.cors().isPresent()) {
                preflight.put(endpoint.path(), endpoint.cors().get()
                        .mergedInto(Optional.ofNullable(preflight.get(endpoint.path()))));
                firstRefs.putIfAbsent(endpoint.path(), endpoint.event().ref());
            }
        }
        for (String path : Js.objectKeyOrder(List.copyOf(preflight.keySet()))) {
            CorsSettings config = preflight.get(path);
            String id = Naming.restMethodLogicalId(resourceName(path), "options");
            String origin = config.origin().orElse(null);
            List<String> origins = config.origins().orElse(null);
            if (origin != null && origin.contains(",")) {
                origins = new ArrayList<>();
                for (String o : origin.split(",", -1)) {
                    origins.add(o.strip());
                }
            }
            if (origins != null && !origins.isEmpty()) {
                origin = origins.get(0);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Access-Control-Allow-Origin", "'" + (origin == null ? "undefined" : origin) + "'");
            headers.put("Access-Control-Allow-Headers", "'" + String.join(",", config.headers()) + "'");
            headers.put("Access-Control-Allow-Methods", "'" + String.join(",", config.methods()) + "'");
            if (config.allowCredentials()) {
                headers.put("Access-Control-Allow-Credentials", "'true'");
            }
            config.maxAge().ifPresent(age -> headers.put("Access-Control-Max-Age", "'" + age + "'"));
            config.cacheControl().ifPresent(cc -> headers.put("Cache-Control", "'" + cc + "'"));
            if (config.methods().contains("ANY")) {
                headers.put("Access-Control-Allow-Methods", headers.get("Access-Control-Allow-Methods")
                        .replaceFirst("ANY", "DELETE,GET,HEAD,PATCH,POST,PUT"));
            }
            methodIds.add(id);

            ObjectNode method = JSON.objectNode();
            method.put("Type", "AWS::ApiGateway::Method");
            ObjectNode properties = method.putObject("Properties");
            properties.put("AuthorizationType", "NONE");
            properties.put("HttpMethod", "OPTIONS");
            ObjectNode methodResponse = properties.putArray("MethodResponses").addObject();
            methodResponse.put("StatusCode", "200");
            ObjectNode responseParameters = methodResponse.putObject("ResponseParameters");
            headers.keySet().forEach(h -> responseParameters.put("method.response.header." + h, true));
            methodResponse.putObject("ResponseModels");
            properties.putObject("RequestParameters");
            ObjectNode integration = properties.putObject("Integration");
            integration.put("Type", "MOCK");
            integration.putObject("RequestTemplates").put("application/json", "{statusCode:200}");
            integration.put("ContentHandling", "CONVERT_TO_TEXT");
            ObjectNode integrationResponse = integration.putArray("IntegrationResponses").addObject();
            integrationResponse.put("StatusCode", "200");
            ObjectNode mapped = integrationResponse.putObject("ResponseParameters");
            headers.forEach((h, v) -> mapped.put("method.response.header." + h, v));
            integrationResponse.putObject("ResponseTemplates").put("application/json",
                    origins != null && !origins.isEmpty() ? corsTemplate(origins) : "");
            properties.set("ResourceId", resourceId(path));
            properties.set("RestApiId", restApiId());
            merge(id, method, firstRefs.get(path));
        }
    }

    /** The response template that echoes a matching origin (globs as Java regular expressions). */
    private static String corsTemplate(List<String> origins) {
        StringBuilder conditions = new StringBuilder();
        for (int i = 0; i < origins.size(); i++) {
            String regex = origins.get(i).replace(".", "[.]").replaceFirst("\\*", ".+");
            conditions.append("$origin.matches(\"").append(regex).append("\")")
                    .append(i < origins.size() - 1 ? " || " : "");
        }
        return "#set($origin = $input.params(\"Origin\"))\n"
                + "#if($origin == \"\") #set($origin = $input.params(\"origin\")) #end\n"
                + "#if(" + conditions + ") #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin) #end";
    }

    // ---- method/*.js ------------------------------------------------------------------------------

    private void compileMethods() {
        for (HttpEndpoint endpoint : endpoints) {
            FunctionSettings function = endpoint.event().function();
            ObjectNode template = JSON.objectNode();
            template.put("Type", "AWS::ApiGateway::Method");
            ObjectNode properties = template.putObject("Properties");
            properties.put("HttpMethod", endpoint.method().toUpperCase(Locale.ROOT));
            ObjectNode requestParameters = properties.putObject("RequestParameters");
            JsonNode parameters = endpoint.request() == null ? null : endpoint.request().get("parameters");
            if (parameters != null && parameters.isObject()) {
                parameters.properties().forEach(e -> requestParameters.set(e.getKey(), required(e.getValue())));
            }
            properties.set("ResourceId", resourceId(endpoint.path()));
            properties.set("RestApiId", restApiId());
            properties.set("OperationName", orUndefined(endpoint.operationId()));
            properties.put("ApiKeyRequired", endpoint.privateApi());
            ArrayNode dependsOn = template.putArray("DependsOn");
            dependsOn.add(Naming.restPermissionLogicalId(function.key()));
            function.targetAlias().ifPresent(a -> dependsOn.add(a.logicalId()));

            JsObjects.merge(template, MethodParts.authorization(endpoint));
            JsObjects.merge(template, MethodParts.integration(endpoint, function));
            JsObjects.merge(template, MethodParts.responses(endpoint));
            MethodParts.injectClaims(endpoint, (ObjectNode) template.get("Properties").get("Integration"));

            String id = methodId(endpoint);
            methodIds.add(id);
            merge(id, template, endpoint.event().ref());
        }
    }

    /** A request parameter's {@code required}: a boolean as given, an object's {@code required} (true by default). */
    static JsonNode required(JsonNode value) {
        if (value.isObject()) {
            JsonNode required = value.get("required");
            return Js.present(required) ? required : JSON.booleanNode(true);
        }
        return value;
    }

    // ---- request-validator.js ---------------------------------------------------------------------

    private void compileRequestValidators() {
        for (HttpEndpoint endpoint : endpoints) {
            ObjectNode request = endpoint.request();
            if (request == null) {
                continue;
            }
            String methodId = methodId(endpoint);
            ObjectNode properties = (ObjectNode) resources.get(methodId).get("Properties");
            JsonNode parameters = request.get("parameters");
            if (Js.truthy(parameters) && parameters.isObject()) {
                boolean anyRequired = false;
                for (Map.Entry<String, JsonNode> e : parameters.properties()) {
                    anyRequired |= Js.truthy(required(e.getValue()));
                }
                if (anyRequired) {
                    properties.set("RequestValidatorId", ref(requestValidator(endpoint)));
                }
            }
            JsonNode schemas = request.get("schemas");
            if (Js.truthy(schemas) && schemas.isObject()) {
                for (Map.Entry<String, JsonNode> e : schemas.properties()) {
                    String contentType = e.getKey();
                    JsonNode schema = e.getValue();
                    JsonNode providerSchema = schema.isContainerNode() ? null
                            : apiGateway.path("request").path("schemas").get(Js.string(schema));
                    String validator = requestValidator(endpoint);
                    String modelId;
                    if (Js.truthy(providerSchema)) {
                        modelId = providerModel(Js.string(schema), providerSchema);
                    } else {
                        JsonNode name = null;
                        JsonNode description = null;
                        JsonNode definition = schema;
                        if (schema.isObject() && Js.truthy(schema.get("schema"))) {
                            name = schema.get("name");
                            description = schema.get("description");
                            definition = schema.get("schema");
                        }
                        modelId = Naming.restEndpointModelLogicalId(resourceName(endpoint.path()), endpoint.method(),
                                contentType);
                        ObjectNode model = JSON.objectNode();
                        model.put("Type", "AWS::ApiGateway::Model");
                        ObjectNode modelProperties = model.putObject("Properties");
                        modelProperties.set("RestApiId", restApiId());
                        modelProperties.put("ContentType", contentType);
                        modelProperties.set("Schema", definition.deepCopy());
                        modelProperties.set("Name", orUndefined(name));
                        modelProperties.set("Description", orUndefined(description));
                        assign(modelId, model, endpoint.event().ref());
                    }
                    properties.set("RequestValidatorId", ref(validator));
                    ObjectNode models = properties.get("RequestModels") instanceof ObjectNode m ? m
                            : properties.putObject("RequestModels");
                    models.set(contentType, ref(modelId));
                }
            }
        }
    }

    private String requestValidator(HttpEndpoint endpoint) {
        if (validatorId == null) {
            validatorId = Naming.restValidatorLogicalId(settings.name());
            ObjectNode validator = JSON.objectNode();
            validator.put("Type", "AWS::ApiGateway::RequestValidator");
            ObjectNode properties = validator.putObject("Properties");
            properties.set("RestApiId", restApiId());
            properties.put("ValidateRequestBody", true);
            properties.put("ValidateRequestParameters", true);
            properties.put("Name", settings.name() + "-" + stage()
                    + " | Validate request body and querystring parameters");
            assign(validatorId, validator, endpoint.event().ref());
        }
        return validatorId;
    }

    private String providerModel(String schemaId, JsonNode config) {
        JsonNode definition = Js.truthy(config.get("schema")) ? config.get("schema") : config;
        String id = Naming.restModelLogicalId(schemaId);
        ObjectNode model = JSON.objectNode();
        model.put("Type", "AWS::ApiGateway::Model");
        ObjectNode properties = model.putObject("Properties");
        properties.set("RestApiId", externalApi() ? JSON.objectNode() : ref(Naming.REST_API_LOGICAL_ID));
        properties.set("Schema", definition.deepCopy());
        properties.put("ContentType", "application/json");
        if (Js.truthy(config.get("name"))) {
            properties.set("Name", config.get("name"));
        }
        if (Js.truthy(config.get("description"))) {
            properties.set("Description", config.get("description"));
        }
        assign(id, model, providerRef("apiGateway", "request", "schemas", schemaId));
        return id;
    }

    // ---- authorizers.js ---------------------------------------------------------------------------

    private void compileAuthorizers() {
        for (HttpEndpoint endpoint : endpoints) {
            if (endpoint.authorizer().isEmpty() || !Js.truthy(endpoint.authorizer().get().arn())) {
                continue;
            }
            HttpAuthorizer authorizer = endpoint.authorizer().get();
            ObjectNode properties = JSON.objectNode();
            properties.set("AuthorizerResultTtlInSeconds", orUndefined(authorizer.resultTtlInSeconds()));
            properties.set("IdentitySource", authorizer.identitySource() == null ? UNDEFINED
                    : text(authorizer.identitySource()));
            properties.set("Name", text(authorizer.name()));
            properties.set("RestApiId", restApiId());
            if (authorizer.identityValidationExpression() != null
                    && authorizer.identityValidationExpression().isTextual()) {
                properties.set("IdentityValidationExpression", authorizer.identityValidationExpression());
            }
            if (authorizer.isCognito()) {
                properties.put("Type", "COGNITO_USER_POOLS");
                properties.putArray("ProviderARNs").add(authorizer.arn().deepCopy());
            } else {
                properties.set("AuthorizerUri", Cfn.lambdaInvocationUri(authorizer.arn().deepCopy()));
                properties.put("Type", Js.truthy(text(authorizer.upperType())) ? authorizer.upperType() : "TOKEN");
            }
            ObjectNode resource = JSON.objectNode();
            resource.put("Type", "AWS::ApiGateway::Authorizer");
            resource.set("DependsOn", authorizer.aliasLogicalId().<JsonNode>map(Cfn::text).orElse(UNDEFINED));
            resource.set("Properties", properties);
            merge(Naming.restAuthorizerLogicalId(authorizer.name()), resource, endpoint.event().ref());
        }
    }

    // ---- deployment.js ----------------------------------------------------------------------------

    private void compileDeployment() {
        deploymentId = Naming.restDeploymentLogicalId(instanceId());
        ObjectNode deployment = JSON.objectNode();
        deployment.put("Type", "AWS::ApiGateway::Deployment");
        ObjectNode properties = deployment.putObject("Properties");
        properties.set("RestApiId", restApiId());
        JsonNode apiStage = api("stage");
        properties.put("StageName", Js.truthy(apiStage) ? Js.string(apiStage) : stage());
        JsonNode description = api("description");
        properties.set("Description", Js.truthy(description) ? description : UNDEFINED);
        ArrayNode dependsOn = deployment.putArray("DependsOn");
        methodIds.forEach(dependsOn::add);
        merge(deploymentId, deployment, firstRef());

        ObjectNode output = JSON.objectNode();
        output.put("Description", "URL of the service endpoint");
        output.set("Value", join("", text("https://"), restApiId(), text(".execute-api."), ref("AWS::Region"),
                text("."), ref("AWS::URLSuffix"), text("/" + stage())));
        context.putOutput(Naming.SERVICE_ENDPOINT_OUTPUT_ID, output);
    }

    /**
     * Stands for v3's {@code serverless.instanceId} (the time of the run): a number derived from
     * the API's methods, so the same service always gives the same template.
     */
    private String instanceId() {
        long hash = 1125899906842597L;
        String seed = settings.name() + "/" + stage() + "/" + String.join(",", methodIds);
        for (int i = 0; i < seed.length(); i++) {
            hash = 31 * hash + seed.charAt(i);
        }
        return Long.toString(1_000_000_000_000L + Math.floorMod(hash, 9_000_000_000_000L));
    }

    // ---- api-keys.js, usage-plan.js, usage-plan-keys.js -------------------------------------------

    private List<String> usagePlanNames() {
        JsonNode plans = api("usagePlan");
        List<String> names = new ArrayList<>();
        if (plans != null && plans.isArray()) {
            plans.forEach(p -> {
                if (p.isObject() && p.size() > 0) {
                    names.add(p.fieldNames().next());
                }
            });
        }
        return names;
    }

    /** {@code Object.keys(item)[0]}: a string's first index is {@code "0"}. */
    private static String firstKey(JsonNode item) {
        if (item.isObject()) {
            return item.size() > 0 ? item.fieldNames().next() : null;
        }
        if (item.isTextual() && !item.textValue().isEmpty()) {
            return "0";
        }
        return null;
    }

    private void compileApiKeys() {
        JsonNode keys = api("apiKeys");
        if (!Js.truthy(keys) || !keys.isArray()) {
            return;
        }
        List<String> planNames = usagePlanNames();
        int number = 0;
        SourceRef origin = providerRef("apiGateway", "apiKeys");
        for (JsonNode definition : keys) {
            String name = firstKey(definition);
            if (definition.isObject() && name != null && planNames.contains(name)) {
                number = 0;
                for (JsonNode key : asArray(definition.get(name))) {
                    number++;
                    merge(Naming.restApiKeyLogicalId(number, Optional.of(name)), apiKey(key), origin);
                }
            } else {
                number++;
                merge(Naming.restApiKeyLogicalId(number, Optional.empty()), apiKey(definition), origin);
            }
        }
    }

    private ObjectNode apiKey(JsonNode key) {
        boolean object = key.isObject();
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGateway::ApiKey");
        ObjectNode properties = resource.putObject("Properties");
        JsonNode enabled = object ? key.get("enabled") : null;
        properties.set("Enabled", Js.present(enabled) ? enabled : JSON.booleanNode(true));
        properties.set("Name", key.isTextual() ? key : orUndefined(object ? key.get("name") : null));
        properties.set("Value", object && Js.truthy(key.get("value")) ? key.get("value") : UNDEFINED);
        properties.set("Description", orUndefined(object ? key.get("description") : null));
        properties.set("CustomerId", orUndefined(object ? key.get("customerId") : null));
        ObjectNode stageKey = properties.putArray("StageKeys").addObject();
        stageKey.set("RestApiId", restApiId());
        stageKey.put("StageName", stage());
        resource.put("DependsOn", deploymentId);
        return resource;
    }

    private void compileUsagePlans() {
        JsonNode plans = api("usagePlan");
        JsonNode keys = api("apiKeys");
        if (!Js.truthy(plans) && !Js.truthy(keys)) {
            return;
        }
        SourceRef origin = providerRef("apiGateway", plans != null ? "usagePlan" : "apiKeys");
        if (plans != null && plans.isArray()) {
            for (String name : usagePlanNames()) {
                merge(Naming.restUsagePlanLogicalId(Optional.of(name)), usagePlan(name, plans), origin);
            }
        } else {
            merge(Naming.restUsagePlanLogicalId(Optional.empty()), usagePlan("default", plans), origin);
        }
    }

    private ObjectNode usagePlan(String name, JsonNode plans) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGateway::UsagePlan");
        resource.put("DependsOn", deploymentId);
        ObjectNode properties = resource.putObject("Properties");
        ObjectNode apiStage = properties.putArray("ApiStages").addObject();
        apiStage.set("ApiId", restApiId());
        apiStage.put("Stage", stage());
        String service = settings.name();
        JsonNode quota;
        JsonNode throttle;
        if (name.equals("default")) {
            properties.put("Description", "Usage plan for " + service + " " + stage() + " stage");
            properties.put("UsagePlanName", service + "-" + stage());
            quota = plans == null ? null : plans.get("quota");
            throttle = plans == null ? null : plans.get("throttle");
        } else {
            properties.put("Description", "Usage plan \"" + name + "\" for " + service + " " + stage() + " stage");
            properties.put("UsagePlanName", service + "-" + name + "-" + stage());
            quota = null;
            throttle = null;
            for (JsonNode plan : plans) {
                JsonNode own = plan.get(name);
                if (own != null && Js.truthy(own.get("quota"))) {
                    quota = own.get("quota");
                }
                if (own != null && Js.truthy(own.get("throttle"))) {
                    throttle = own.get("throttle");
                }
            }
            quota = quota != null && quota.isObject() && quota.size() > 0 ? quota : null;
            throttle = throttle != null && throttle.isObject() && throttle.size() > 0 ? throttle : null;
        }
        if (Js.truthy(quota)) {
            ObjectNode out = properties.putObject("Quota");
            out.set("Limit", orUndefined(quota.get("limit")));
            out.set("Offset", orUndefined(quota.get("offset")));
            out.set("Period", orUndefined(quota.get("period")));
        }
        if (Js.truthy(throttle)) {
            ObjectNode out = properties.putObject("Throttle");
            out.set("BurstLimit", orUndefined(throttle.get("burstLimit")));
            out.set("RateLimit", orUndefined(throttle.get("rateLimit")));
        }
        return resource;
    }

    private void compileUsagePlanKeys() {
        JsonNode keys = api("apiKeys");
        if (!Js.truthy(keys) || !keys.isArray()) {
            return;
        }
        List<String> planNames = usagePlanNames();
        boolean defaultPlan = !(api("usagePlan") != null && api("usagePlan").isArray());
        List<String> created = defaultPlan ? List.of("default") : planNames;
        SourceRef origin = providerRef("apiGateway", "apiKeys");
        int number = 0;
        for (JsonNode definition : keys) {
            String name = firstKey(definition);
            boolean included = name != null && created.contains(name);
            if (definition.isObject() && included) {
                number = 0;
                for (int i = 0; i < asArray(definition.get(name)).size(); i++) {
                    number++;
                    merge(Naming.restUsagePlanKeyLogicalId(number, Optional.of(name)),
                            usagePlanKey(Naming.restUsagePlanLogicalId(Optional.of(name)),
                                    Naming.restApiKeyLogicalId(number, Optional.of(name))), origin);
                }
            } else {
                number++;
                merge(Naming.restUsagePlanKeyLogicalId(number, Optional.empty()),
                        usagePlanKey(Naming.restUsagePlanLogicalId(Optional.empty()),
                                Naming.restApiKeyLogicalId(number, Optional.empty())), origin);
            }
        }
    }

    private static ObjectNode usagePlanKey(String planId, String keyId) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::ApiGateway::UsagePlanKey");
        ObjectNode properties = resource.putObject("Properties");
        properties.set("KeyId", ref(keyId));
        properties.put("KeyType", "API_KEY");
        properties.set("UsagePlanId", ref(planId));
        return resource;
    }

    // ---- permissions.js ---------------------------------------------------------------------------

    private void compilePermissions() {
        for (HttpEndpoint endpoint : endpoints) {
            FunctionSettings function = endpoint.event().function();
            ObjectNode permission = Cfn.invokePermission(Optional.empty(), function.target(),
                    "apigateway.amazonaws.com", executeApiSourceArn());
            function.targetAlias().ifPresent(a -> permission.put("DependsOn", a.logicalId()));
            assign(Naming.restPermissionLogicalId(function.key()), permission, endpoint.event().ref());

            Optional<HttpAuthorizer> authorizer = endpoint.authorizer();
            if (authorizer.isEmpty() || !Js.truthy(authorizer.get().arn()) || authorizer.get().isCognito()) {
                continue;
            }
            String id = Naming.restPermissionLogicalId(authorizer.get().name());
            if (resources.containsKey(id) || authorizer.get().managedExternally()) {
                continue;
            }
            JsonNode authorizerFunction = authorizer.get().aliasLogicalId().<JsonNode>map(Cfn::ref)
                    .orElse(authorizer.get().arn().deepCopy());
            assign(id, Cfn.invokePermission(Optional.empty(), authorizerFunction, "apigateway.amazonaws.com",
                    executeApiSourceArn()), endpoint.event().ref());
        }
    }

    // ---- stage.js ---------------------------------------------------------------------------------

    private void compileStage() {
        JsonNode logs = settings.providerValue("logs", "restApi");
        if (!Js.truthy(logs)) {
            return;
        }
        JsonNode accessLogging = logs.isObject() ? logs.get("accessLogging") : null;
        if (Js.present(accessLogging) && !Js.truthy(accessLogging)) {
            return;
        }
        merge(Naming.API_GATEWAY_LOG_GROUP_LOGICAL_ID, ApiLogGroup.of(settings, Naming.restLogGroupName(settings.name(),
                stage())), providerRef("logs", "restApi"));
        ensureCloudWatchRole();
    }

    /** v3's {@code ensureApiGatewayCloudWatchRole}: see {@link ApiGatewayAccountRole}. */
    private void ensureCloudWatchRole() {
        ApiGatewayAccountRole.resource(settings).ifPresent(resource -> {
            assign(Naming.API_GATEWAY_CLOUD_WATCH_ROLE_LOGICAL_ID, resource, providerRef("logs", "restApi"));
            cloudWatchRole = true;
        });
    }

    // ---- facts ------------------------------------------------------------------------------------

    private HttpEvent fact(HttpEndpoint endpoint) {
        ObjectNode method = resources.get(methodId(endpoint));
        String authorization = method.path("Properties").path("AuthorizationType").asText("NONE");
        return new HttpEvent(endpoint.functionKey(), endpoint.event().index(), endpoint.path(),
                endpoint.method().toUpperCase(Locale.ROOT), endpoint.integration(), authorization,
                endpoint.authorizer().map(HttpAuthorizer::name).filter(n -> n != null), endpoint.cors().isPresent(),
                endpoint.privateApi(), methodId(endpoint), endpoint.event().options(), endpoint.event().ref());
    }
}
