package dev.slsguard.compilers.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.MapNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * v3's {@code compileFunctions}: one {@code AWS::Lambda::Function} per function with the
 * properties v3 sets, in its order, then (v3 does this after hashing the artifact, so after every
 * function resource) the version, aliases, function URL and event invoke configuration, and the
 * statements compileFunctions adds to the execution role (onError, KMS, X-Ray, EFS, destinations).
 *
 * <p>There is no artifact: {@code Code.S3Key} is {@code <prefix>/<service>/<stage>/<artifact>.zip}
 * (v3 adds a timestamped directory), {@code CodeSha256} and the version hash are SHA-256 of the
 * artifact key and the function's configuration, stable between runs.
 */
public final class FunctionCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFAULT_RUNTIME = "nodejs16.x";
    private static final List<String> DEFAULT_CORS_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization",
            "X-Api-Key", "X-Amz-Security-Token", "X-Amzn-Trace-Id");

    /** Kinds of function-level statements, for {@link StatementOrder#function}. */
    private static final int ON_ERROR = 0;
    private static final int KMS = 1;
    private static final int XRAY = 2;
    private static final int EFS = 3;
    private static final int DESTINATION_SUCCESS = 4;
    private static final int DESTINATION_FAILURE = 5;

    private final CompileContext context;
    private final ServiceSettings settings;
    private final Set<String> grantedDestinations = new HashSet<>();

    private FunctionCompiler(CompileContext context) {
        this.context = context;
        this.settings = context.settings();
    }

    public static void compile(CompileContext context) {
        new FunctionCompiler(context).compileAll();
    }

    private void compileAll() {
        List<FunctionSettings> versioned = new ArrayList<>();
        Map<String, ObjectNode> compiled = new LinkedHashMap<>();
        for (FunctionSettings function : context.functions()) {
            ObjectNode resource = functionResource(function);
            compiled.put(function.key(), resource);
            context.putResource(function.logicalId(), resource, Optional.of(function.key()), function.ref());
            PropertyOrigins.function(context, function);
            if (createsVersion(function)) {
                versioned.add(function);
            } else {
                // v3 awaits the artifact hash only for versioned functions: the others finish now
                functionUrl(function);
                eventInvokeConfig(function, function.index());
            }
        }
        int functionCount = context.functions().size();
        for (FunctionSettings function : versioned) {
            version(function, compiled.get(function.key()));
            functionUrl(function);
            eventInvokeConfig(function, functionCount + function.index());
        }
        for (FunctionSettings function : context.functions()) {
            if (function.lambdaAtEdge()) {
                lambdaAtEdge(compiled.get(function.key()));
            }
        }
    }

    /**
     * What v3's cloudFront plugin does to a Lambda@Edge function's resource when it compiles the
     * events, after the version was hashed: Lambda@Edge refuses environment variables and VPC
     * settings, so they are dropped, and the function is retained when the stack is deleted (its
     * replicas outlive the distribution). Done here, so that no event compiler edits a function.
     */
    private static void lambdaAtEdge(ObjectNode resource) {
        ObjectNode properties = (ObjectNode) resource.get("Properties");
        properties.remove("VpcConfig");
        properties.remove("Environment");
        resource.put("DeletionPolicy", "Retain");
    }

    // ---- AWS::Lambda::Function ------------------------------------------------------------------

    private ObjectNode functionResource(FunctionSettings function) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::Lambda::Function");
        ObjectNode properties = resource.putObject("Properties");
        ObjectNode code = properties.putObject("Code");
        ArrayNode dependsOn = null;

        JsonNode handler = function.value("handler");
        JsonNode image = function.value("image");
        boolean imageFunction = Js.truthy(image) && !Js.truthy(handler);
        if (imageFunction) {
            imageConfig(image, properties);
            code.set("ImageUri", imageUri(image));
            properties.put("PackageType", "Image");
        } else {
            runtimeManagement(function, properties);
            if (handler != null) {
                properties.set("Handler", handler);
            }
            code.set("S3Bucket", CoreTemplateCompiler.codeBucket(settings));
            code.put("S3Key", artifactKey(function));
            JsonNode runtime = function.value("runtime");
            if (!Js.truthy(runtime)) {
                runtime = settings.providerValue("runtime");
            }
            properties.set("Runtime", Js.truthy(runtime) ? runtime : JSON.textNode(DEFAULT_RUNTIME));
        }
        properties.put("FunctionName", function.name());
        // Lambda@Edge: before compiling functions v3 sets 128 MB and 5 s where the function sets none
        properties.set("MemorySize", firstTruthy(function.value("memorySize"),
                function.lambdaAtEdge() ? JSON.numberNode(128) : settings.providerValue("memorySize"),
                JSON.numberNode(1024)));
        properties.set("Timeout", firstTruthy(function.value("timeout"),
                function.lambdaAtEdge() ? JSON.numberNode(5) : settings.providerValue("timeout"),
                JSON.numberNode(6)));

        JsonNode architecture = firstTruthy(function.value("architecture"), settings.providerValue("architecture"), null);
        if (architecture != null) {
            properties.putArray("Architectures").add(architecture);
        }
        JsonNode description = function.value("description");
        if (Js.truthy(description)) {
            properties.set("Description", description);
        }
        JsonNode condition = function.value("condition");
        if (Js.truthy(condition)) {
            resource.set("Condition", condition);
        }
        JsonNode explicitDependsOn = function.value("dependsOn");
        if (Js.truthy(explicitDependsOn)) {
            dependsOn = resource.putArray("DependsOn");
            concat(dependsOn, explicitDependsOn);
        }
        tags(function, properties);
        JsonNode ephemeral = function.value("ephemeralStorageSize");
        if (Js.truthy(ephemeral)) {
            properties.putObject("EphemeralStorage").set("Size", ephemeral);
        }
        onError(function, properties);
        kms(function, properties);
        tracing(function, properties);
        environment(function, properties);
        dependsOn = role(function, resource, properties, dependsOn);
        vpc(function, properties);
        fileSystem(function, properties);
        JsonNode reserved = function.value("reservedConcurrency");
        if (Js.truthy(reserved) || (reserved != null && reserved.isNumber() && reserved.doubleValue() == 0)) {
            properties.set("ReservedConcurrentExecutions", reserved);
        }
        if (!ExecutionRoleCompiler.logsDisabled(function)) {
            ArrayNode withLogGroup = JSON.arrayNode().add(Naming.logGroupLogicalId(function.key()));
            if (dependsOn != null) {
                withLogGroup.addAll(dependsOn);
            }
            resource.set("DependsOn", withLogGroup);
        }
        JsonNode layers = function.value("layers");
        if (Js.truthy(layers)) {
            properties.set("Layers", layers);
        } else if (Js.truthy(settings.providerValue("layers"))) {
            properties.set("Layers", settings.providerValue("layers"));
        }
        return resource;
    }

    private static void imageConfig(JsonNode image, ObjectNode properties) {
        if (!image.isObject()) {
            return;
        }
        ObjectNode config = JSON.objectNode();
        if (Js.truthy(image.get("command"))) {
            config.set("Command", image.get("command"));
        }
        if (Js.truthy(image.get("entryPoint"))) {
            config.set("EntryPoint", image.get("entryPoint"));
        }
        if (Js.truthy(image.get("workingDirectory"))) {
            config.set("WorkingDirectory", image.get("workingDirectory"));
        }
        if (config.size() > 0) {
            properties.set("ImageConfig", config);
        }
    }

    /** The image URI as given (v3 resolves named images through ECR, which needs AWS access). */
    private static JsonNode imageUri(JsonNode image) {
        if (image.isObject()) {
            return Js.truthy(image.get("uri")) ? image.get("uri") : image.path("name");
        }
        return image;
    }

    private void runtimeManagement(FunctionSettings function, ObjectNode properties) {
        Map<String, JsonNode> resolved = new LinkedHashMap<>();
        resolved.put("mode", JSON.textNode("auto"));
        for (JsonNode input : new JsonNode[] {settings.providerValue("runtimeManagement"),
                function.value("runtimeManagement")}) {
            if (input == null) {
                continue;
            }
            if (input.isTextual()) {
                resolved.put("mode", input);
            } else if (input.isObject()) {
                input.properties().forEach(e -> resolved.put(e.getKey(), e.getValue()));
            }
        }
        JsonNode mode = resolved.get("mode");
        if (mode != null && mode.isTextual() && mode.textValue().equals("auto")) {
            return;
        }
        ObjectNode config = properties.putObject("RuntimeManagementConfig");
        String text = mode != null && mode.isTextual() ? mode.textValue() : "";
        switch (text) {
            case "onFunctionUpdate" -> config.put("UpdateRuntimeOn", "FunctionUpdate");
            case "manual" -> {
                config.put("UpdateRuntimeOn", "Manual");
                if (resolved.get("arn") != null) {
                    config.set("RuntimeVersionArn", resolved.get("arn"));
                }
            }
            case "auto" -> config.put("UpdateRuntimeOn", "Auto");
            default -> {
                // an unknown mode maps to nothing in v3
            }
        }
    }

    private String artifactKey(FunctionSettings function) {
        JsonNode prefix = settings.providerValue("deploymentPrefix");
        String dir = (Js.present(prefix) ? text(prefix) : "serverless") + "/" + settings.name() + "/"
                + settings.stage();
        JsonNode functionPackage = function.value("package");
        JsonNode servicePackage = NodeJson.toJsonOrNull(settings.root().get("package"));
        JsonNode artifact = firstTruthy(member(functionPackage, "artifact"), member(servicePackage, "artifact"), null);
        String file;
        if (artifact != null) {
            String path = text(artifact).replace('\\', '/');
            file = path.substring(path.lastIndexOf('/') + 1);
        } else if (Js.truthy(member(servicePackage, "individually"))
                || Js.truthy(member(functionPackage, "individually"))) {
            file = Naming.functionArtifactName(function.key());
        } else {
            file = Naming.serviceArtifactName(settings.name());
        }
        return dir + "/" + file;
    }

    private static JsonNode member(JsonNode object, String key) {
        return object != null && object.isObject() ? object.get(key) : null;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : Js.stringify(value);
    }

    private void tags(FunctionSettings function, ObjectNode properties) {
        providerThenOwn(function, "tags").ifPresent(merged -> {
            ArrayNode list = properties.putArray("Tags");
            for (String key : Js.objectKeyOrder(List.copyOf(merged.keySet()))) {
                list.addObject().put("Key", key).set("Value", merged.get(key));
            }
        });
    }

    /**
     * {@code Object.assign({}, provider[key], function[key])}: the provider's entries overridden
     * by the function's; empty when neither is set.
     */
    private Optional<Map<String, JsonNode>> providerThenOwn(FunctionSettings function, String key) {
        JsonNode own = function.value(key);
        JsonNode provider = settings.providerValue(key);
        if (!Js.truthy(own) && !Js.truthy(provider)) {
            return Optional.empty();
        }
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        for (JsonNode entries : new JsonNode[] {provider, own}) {
            if (entries != null && entries.isObject()) {
                entries.properties().forEach(e -> merged.put(e.getKey(), e.getValue()));
            }
        }
        return Optional.of(merged);
    }

    private void onError(FunctionSettings function, ObjectNode properties) {
        JsonNode arn = function.value("onError");
        if (!Js.truthy(arn)) {
            return;
        }
        properties.putObject("DeadLetterConfig").set("TargetArn", arn);
        if (arn.isTextual() && settings.executionRole()) {
            ObjectNode statement = statement(List.of("sns:Publish"), JSON.arrayNode().add(arn));
            context.statements().push(functionStatement(function, statement, "onError", function.index(), ON_ERROR));
        }
    }

    private void kms(FunctionSettings function, ObjectNode properties) {
        JsonNode key = function.value("kmsKeyArn");
        String declaredAt = "functions." + function.key() + ".kmsKeyArn";
        if (!Js.truthy(key)) {
            key = settings.providerValue("kmsKeyArn");
            declaredAt = "provider.kmsKeyArn";
        }
        if (!Js.truthy(key)) {
            return;
        }
        properties.set("KmsKeyArn", key);
        if (key.isTextual() && settings.executionRole()) {
            ObjectNode statement = statement(List.of("kms:Decrypt"), JSON.arrayNode().add(key));
            context.statements().union(StatementFacts.of(statement, IamStatement.CORE, declaredAt,
                    Optional.of(function.key()), function.ref(), StatementOrder.function(function.index(), KMS)));
        }
    }

    private void tracing(FunctionSettings function, ObjectNode properties) {
        JsonNode tracing = function.value("tracing");
        String declaredAt = "functions." + function.key() + ".tracing";
        if (!Js.truthy(tracing)) {
            tracing = settings.providerValue("tracing", "lambda");
            declaredAt = "provider.tracing.lambda";
        }
        if (!Js.truthy(tracing)) {
            return;
        }
        properties.putObject("TracingConfig").set("Mode", tracing.isBoolean() ? JSON.textNode("Active") : tracing);
        if (settings.executionRole()) {
            ObjectNode statement = statement(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                    JSON.arrayNode().add("*"));
            context.statements().union(StatementFacts.of(statement, IamStatement.CORE, declaredAt,
                    Optional.of(function.key()), function.ref(), StatementOrder.function(function.index(), XRAY)));
        }
    }

    private void environment(FunctionSettings function, ObjectNode properties) {
        providerThenOwn(function, "environment").ifPresent(merged -> {
            ObjectNode variables = properties.putObject("Environment").putObject("Variables");
            for (String key : Js.objectKeyOrder(List.copyOf(merged.keySet()))) {
                variables.set(key, merged.get(key));
            }
        });
    }

    /** v3's {@code compileRole}; returns the (possibly new) DependsOn list. */
    private static ArrayNode role(FunctionSettings function, ObjectNode resource, ObjectNode properties,
                                  ArrayNode dependsOn) {
        JsonNode role = function.customRole().orElse(JSON.textNode(Naming.ROLE_LOGICAL_ID));
        String dependency = null;
        if (role.isTextual()) {
            String name = role.textValue();
            if (name.startsWith("arn:")) {
                properties.set("Role", role);
            } else {
                properties.set("Role", Cfn.getAtt(name, "Arn"));
                if (!name.equals(Naming.ROLE_LOGICAL_ID)) {
                    dependency = name;
                }
            }
        } else if (role.isObject() && role.has("Fn::GetAtt")) {
            properties.set("Role", role);
            JsonNode target = role.get("Fn::GetAtt");
            if (target.isArray() && target.size() > 0) {
                dependency = target.get(0).asText();
            } else if (target.isTextual() && !target.textValue().isEmpty()) {
                dependency = target.textValue().substring(0, 1);
            }
        } else {
            properties.set("Role", role);
        }
        if (dependency == null) {
            return dependsOn;
        }
        ArrayNode list = dependsOn != null ? dependsOn : resource.putArray("DependsOn");
        list.add(dependency);
        return list;
    }

    private void vpc(FunctionSettings function, ObjectNode properties) {
        Optional<JsonNode> own = function.config().get("vpc").map(n -> function.value("vpc"));
        if (own.isPresent() && (own.get().isNull() || (own.get().isBoolean() && !own.get().booleanValue()))) {
            return;
        }
        JsonNode fnVpc = own.filter(Js::truthy).orElse(JSON.objectNode());
        JsonNode providerVpc = settings.providerValue("vpc");
        if (!Js.truthy(providerVpc)) {
            providerVpc = JSON.objectNode();
        }
        JsonNode groups = firstTruthy(fnVpc.get("securityGroupIds"), providerVpc.get("securityGroupIds"), null);
        JsonNode subnets = firstTruthy(fnVpc.get("subnetIds"), providerVpc.get("subnetIds"), null);
        if (groups == null || subnets == null) {
            return;
        }
        ObjectNode config = properties.putObject("VpcConfig");
        config.set("SecurityGroupIds", groups);
        config.set("SubnetIds", subnets);
    }

    /** {@code fileSystemConfig}; without a VPC v3 refuses to package (reported by validation rules). */
    private void fileSystem(FunctionSettings function, ObjectNode properties) {
        JsonNode config = function.value("fileSystemConfig");
        if (!Js.truthy(config) || !config.isObject()) {
            return;
        }
        JsonNode arn = config.get("arn");
        if (settings.executionRole()) {
            ObjectNode statement = statement(List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
                    JSON.arrayNode().add(arn == null ? JSON.nullNode() : arn));
            context.statements().push(functionStatement(function, statement, "fileSystemConfig", function.index(), EFS));
        }
        ObjectNode mount = properties.putArray("FileSystemConfigs").addObject();
        if (arn != null) {
            mount.set("Arn", arn);
        }
        if (config.get("localMountPath") != null) {
            mount.set("LocalMountPath", config.get("localMountPath"));
        }
    }

    // ---- version, aliases ---------------------------------------------------------------------

    /** v3 versions a function when asked to, and always for provisioned concurrency or SnapStart. */
    private boolean createsVersion(FunctionSettings function) {
        return shouldVersion(function) || function.targetAlias().isPresent();
    }

    private boolean shouldVersion(FunctionSettings function) {
        if (function.lambdaAtEdge()) {
            return true; // CloudFront associates a published version: v3 forces versionFunction
        }
        JsonNode own = function.value("versionFunction");
        if (Js.present(own)) {
            return Js.truthy(own);
        }
        JsonNode provider = settings.providerValue("versionFunctions");
        return !Js.present(provider) || Js.truthy(provider);
    }

    private void version(FunctionSettings function, ObjectNode functionResource) {
        ObjectNode properties = (ObjectNode) functionResource.get("Properties");
        String codeSha = sha256Base64(properties.path("Code").path("S3Key").asText()
                + properties.path("Code").path("ImageUri").asText());
        ObjectNode hashed = properties.deepCopy();
        if (!hashed.has("PackageType")) {
            hashed.remove("Code");
        }
        hashed.remove("ReservedConcurrentExecutions");
        hashed.remove("Tags");
        hashed.putArray("layerConfigurations");
        String versionHash = sha256Base64(codeSha + Js.stringify(sortKeys(hashed)));
        String versionId = Naming.lambdaVersionLogicalId(function.key(), versionHash);

        boolean shouldVersion = shouldVersion(function);
        ObjectNode version = JSON.objectNode();
        version.put("Type", "AWS::Lambda::Version");
        version.put("DeletionPolicy", "Retain");
        ObjectNode versionProperties = version.putObject("Properties");
        versionProperties.set("FunctionName", Cfn.ref(function.logicalId()));
        versionProperties.put("CodeSha256", codeSha);
        JsonNode description = function.value("description");
        if (Js.truthy(description)) {
            versionProperties.set("Description", description);
        }
        context.putResource(versionId, version, Optional.of(function.key()), function.ref());

        ObjectNode output = JSON.objectNode();
        output.put("Description", "Current Lambda function version");
        output.set("Value", Cfn.ref(versionId));
        context.putOutput(Naming.lambdaVersionOutputId(function.key()), output);

        JsonNode provisioned = function.value("provisionedConcurrency");
        if (Js.truthy(provisioned)) {
            if (!shouldVersion) {
                version.remove("DeletionPolicy");
            }
            ObjectNode alias = alias(function, versionId, Naming.PROVISIONED_ALIAS_NAME);
            ((ObjectNode) alias.get("Properties")).putObject("ProvisionedConcurrencyConfig")
                    .set("ProvisionedConcurrentExecutions", provisioned);
            context.putResource(Naming.provisionedConcurrencyAliasLogicalId(function.key()), alias,
                    Optional.of(function.key()), function.ref());
        }
        if (Js.truthy(function.value("snapStart"))) {
            if (!shouldVersion) {
                version.remove("DeletionPolicy");
            }
            properties.putObject("SnapStart").put("ApplyOn", "PublishedVersions");
            context.putResource(Naming.snapStartAliasLogicalId(function.key()),
                    alias(function, versionId, Naming.SNAP_START_ALIAS_NAME), Optional.of(function.key()),
                    function.ref());
        }
    }

    private static ObjectNode alias(FunctionSettings function, String versionId, String name) {
        ObjectNode alias = JSON.objectNode();
        alias.put("Type", "AWS::Lambda::Alias");
        ObjectNode properties = alias.putObject("Properties");
        properties.set("FunctionName", Cfn.ref(function.logicalId()));
        properties.set("FunctionVersion", Cfn.getAtt(versionId, "Version"));
        properties.put("Name", name);
        alias.put("DependsOn", function.logicalId());
        return alias;
    }

    // ---- function URL, event invoke config ---------------------------------------------------

    private void functionUrl(FunctionSettings function) {
        JsonNode url = function.value("url");
        if (!Js.truthy(url) && !(url != null && url.isObject())) {
            return;
        }
        boolean iam = url.isObject() && url.path("authorizer").asText("").equals("aws_iam");
        String auth = iam ? "AWS_IAM" : "NONE";
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::Lambda::Url");
        ObjectNode properties = resource.putObject("Properties");
        properties.put("AuthType", auth);
        properties.set("TargetFunctionArn", function.target());
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(id -> resource.put("DependsOn", id));
        JsonNode cors = url.isObject() ? url.get("cors") : null;
        if (Js.truthy(cors) || (cors != null && cors.isObject())) {
            properties.set("Cors", cors(cors));
        }
        if (url.isObject() && url.path("invokeMode").asText("").equals("RESPONSE_STREAM")) {
            properties.put("InvokeMode", "RESPONSE_STREAM");
        }
        String logicalId = Naming.functionUrlLogicalId(function.key());
        context.putResource(logicalId, resource, Optional.of(function.key()), refOf(function, "url"));
        ObjectNode output = JSON.objectNode();
        output.put("Description", "Lambda Function URL");
        output.set("Value", Cfn.getAtt(logicalId, "FunctionUrl"));
        context.putOutput(Naming.functionUrlOutputId(function.key()), output);
        if (!iam) {
            ObjectNode permission = JSON.objectNode();
            permission.put("Type", "AWS::Lambda::Permission");
            ObjectNode permissionProperties = permission.putObject("Properties");
            permissionProperties.set("FunctionName", function.target());
            permissionProperties.put("Action", "lambda:InvokeFunctionUrl");
            permissionProperties.put("Principal", "*");
            permissionProperties.put("FunctionUrlAuthType", auth);
            function.targetAlias().map(TargetAlias::logicalId).ifPresent(id -> permission.put("DependsOn", id));
            context.putResource(Naming.functionUrlPermissionLogicalId(function.key()), permission,
                    Optional.of(function.key()), refOf(function, "url"));
        }
    }

    private static ObjectNode cors(JsonNode config) {
        JsonNode given = config.isObject() ? config : JSON.objectNode();
        JsonNode origins = corsList(given, "allowedOrigins", JSON.arrayNode().add("*"));
        JsonNode headers = corsList(given, "allowedHeaders", stringArray(DEFAULT_CORS_HEADERS));
        JsonNode methods = corsList(given, "allowedMethods", JSON.arrayNode().add("*"));
        ObjectNode cors = JSON.objectNode();
        if (Js.truthy(given.get("allowCredentials"))) {
            cors.put("AllowCredentials", true);
        }
        if (headers != null) {
            cors.set("AllowHeaders", headers);
        }
        if (methods != null) {
            cors.set("AllowMethods", methods);
        }
        if (origins != null) {
            cors.set("AllowOrigins", origins);
        }
        if (Js.truthy(given.get("exposedResponseHeaders"))) {
            cors.set("ExposeHeaders", unique(given.get("exposedResponseHeaders")));
        }
        JsonNode maxAge = given.get("maxAge");
        if (maxAge != null) {
            cors.set("MaxAge", maxAge);
        }
        return cors;
    }

    /** A CORS list: the given one de-duplicated, the default when absent, none when {@code null}. */
    private static JsonNode corsList(JsonNode config, String key, JsonNode fallback) {
        JsonNode value = config.get(key);
        if (Js.truthy(value)) {
            return unique(value);
        }
        return value != null && value.isNull() ? null : fallback;
    }

    private static JsonNode unique(JsonNode list) {
        if (!list.isArray()) {
            return list;
        }
        ArrayNode out = JSON.arrayNode();
        list.forEach(item -> {
            boolean seen = false;
            for (JsonNode existing : out) {
                seen |= existing.equals(item);
            }
            if (!seen) {
                out.add(item);
            }
        });
        return out;
    }

    private void eventInvokeConfig(FunctionSettings function, int orderIndex) {
        JsonNode destinations = function.value("destinations");
        JsonNode maximumEventAge = function.value("maximumEventAge");
        JsonNode maximumRetryAttempts = function.value("maximumRetryAttempts");
        if (!Js.truthy(destinations) && !Js.truthy(maximumEventAge) && !Js.present(maximumRetryAttempts)) {
            return;
        }
        ObjectNode destinationConfig = JSON.objectNode();
        if (Js.truthy(destinations) && destinations.isObject()) {
            boolean handledExternally = function.customRole().isPresent();
            String[][] kinds = {{"onSuccess", "OnSuccess"}, {"onFailure", "OnFailure"}};
            for (int i = 0; i < kinds.length; i++) {
                JsonNode target = destinations.get(kinds[i][0]);
                if (!Js.truthy(target)) {
                    continue;
                }
                destinationConfig.putObject(kinds[i][1]).set("Destination", destinationArn(target));
                if (!handledExternally) {
                    grantDestination(function, target, kinds[i][0], orderIndex,
                            i == 0 ? DESTINATION_SUCCESS : DESTINATION_FAILURE);
                }
            }
        }
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "AWS::Lambda::EventInvokeConfig");
        ObjectNode properties = resource.putObject("Properties");
        properties.set("FunctionName", Cfn.ref(function.logicalId()));
        properties.set("DestinationConfig", destinationConfig);
        properties.put("Qualifier", function.targetAlias().map(TargetAlias::name).orElse("$LATEST"));
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(id -> resource.put("DependsOn", id));
        if (Js.truthy(maximumEventAge)) {
            properties.set("MaximumEventAgeInSeconds", maximumEventAge);
        }
        if (Js.present(maximumRetryAttempts)) {
            properties.set("MaximumRetryAttempts", maximumRetryAttempts);
        }
        context.putResource(Naming.eventInvokeConfigLogicalId(function.key()), resource, Optional.of(function.key()),
                refOf(function, "destinations"));
    }

    private JsonNode destinationArn(JsonNode target) {
        if (target.isObject()) {
            return target.get("arn") == null ? JSON.nullNode() : target.get("arn");
        }
        String text = target.asText();
        if (text.startsWith("arn:")) {
            return target;
        }
        return context.functions().stream().filter(f -> f.key().equals(text)).findFirst()
                .<JsonNode>map(FunctionSettings::target).orElse(target);
    }

    /** v3's {@code ensureTargetExecutionPermission}, memoised per destination string like v3. */
    private void grantDestination(FunctionSettings function, JsonNode target, String key, int orderIndex, int kind) {
        if (!settings.executionRole()) {
            return;
        }
        if (target.isTextual() && !grantedDestinations.add(target.textValue())) {
            return;
        }
        String action = destinationAction(target);
        if (action == null) {
            return; // v3 refuses an unsupported destination; reported by validation rules
        }
        JsonNode resource;
        if (target.isObject()) {
            resource = target.get("arn") == null ? JSON.nullNode() : target.get("arn");
        } else if (target.asText().startsWith("arn:")) {
            resource = target;
        } else {
            String name = context.functions().stream().filter(f -> f.key().equals(target.asText())).findFirst()
                    .map(FunctionSettings::name).orElse(target.asText());
            resource = Cfn.sub(Naming.functionArnTemplate(name));
        }
        ObjectNode statement = JSON.objectNode();
        statement.put("Effect", "Allow");
        statement.put("Action", action);
        statement.set("Resource", resource);
        context.statements().push(functionStatement(function, statement, "destinations." + key, orderIndex, kind));
    }

    private static String destinationAction(JsonNode target) {
        if (target.isObject()) {
            return switch (target.path("type").asText("")) {
                case "function" -> "lambda:InvokeFunction";
                case "sqs" -> "sqs:SendMessage";
                case "sns" -> "sns:Publish";
                case "eventBus" -> "events:PutEvents";
                default -> null;
            };
        }
        if (!target.isTextual()) {
            return null;
        }
        String arn = target.textValue();
        if (!arn.startsWith("arn:") || arn.contains(":function:")) {
            return "lambda:InvokeFunction";
        }
        if (arn.contains(":sqs:")) {
            return "sqs:SendMessage";
        }
        if (arn.contains(":sns:")) {
            return "sns:Publish";
        }
        if (arn.contains(":event-bus/")) {
            return "events:PutEvents";
        }
        return null;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static IamStatement functionStatement(FunctionSettings function, ObjectNode statement, String key,
                                                  int orderIndex, int kind) {
        return StatementFacts.of(statement, IamStatement.CORE, "functions." + function.key() + "." + key,
                Optional.of(function.key()), refOf(function, key.contains(".") ? key.substring(0, key.indexOf('.')) : key),
                StatementOrder.function(orderIndex, kind));
    }

    private static SourceRef refOf(FunctionSettings function, String key) {
        return function.config().field(key).map(MapNode.Field::keyRef).orElse(function.ref());
    }

    private static ObjectNode statement(List<String> actions, ArrayNode resources) {
        ObjectNode statement = JSON.objectNode();
        statement.put("Effect", "Allow");
        ArrayNode list = statement.putArray("Action");
        actions.forEach(list::add);
        statement.set("Resource", resources);
        return statement;
    }

    private static ArrayNode stringArray(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** {@code a || b || fallback}. */
    private static JsonNode firstTruthy(JsonNode a, JsonNode b, JsonNode fallback) {
        if (Js.truthy(a)) {
            return a;
        }
        if (Js.truthy(b)) {
            return b;
        }
        return fallback;
    }

    /** {@code [].concat(value)}: an array's elements, or the value itself. */
    private static void concat(ArrayNode into, JsonNode value) {
        if (value.isArray()) {
            value.forEach(into::add);
        } else {
            into.add(value);
        }
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), sortKeys(e.getValue())));
            ObjectNode out = JSON.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(item -> out.add(sortKeys(item)));
            return out;
        }
        return node;
    }

    private static String sha256Base64(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return Base64.getEncoder().encodeToString(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
