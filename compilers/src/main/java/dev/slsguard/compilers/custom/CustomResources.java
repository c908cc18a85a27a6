package dev.slsguard.compilers.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.core.CoreTemplateCompiler;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CustomResourceFunction;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * v3's {@code addCustomResourceToService} ({@code custom-resources/index.js}): the Lambda function
 * behind one of the framework's custom resources, the role all of them share
 * ({@code IamRoleCustomResourcesLambdaExecution}, unless {@code provider.iam.deploymentRole} or
 * legacy {@code provider.cfnRole} is set) and, with {@code provider.logs.frameworkLambda}, its log
 * group. The role is written without statements: derivation rules add them from the
 * {@link CustomResourceFunction} fact this returns and the event facts of the caller.
 *
 * <p>Use from an event compiler's {@code finish}, after adding its {@code Custom::*} resources
 * (v3 adds the function last): {@code CustomResources.add(context, Kind.COGNITO_USER_POOL,
 * eventType(), firstEvent.ref())}; then write the statements v3 passes to
 * {@code addCustomResourceToService} as derivation rules over that fact and the event's typed facts
 * with {@code dev.slsguard.rules.derivation.CustomResourceStatements#allow} (see {@code derivation/s3.drl}).
 * v3 skips a statement whose {@code Resource} is the same string as one already on the role;
 * rules express that with a {@code not} over the earlier fact that caused it.
 */
public final class CustomResources {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The custom resources v3 can add: the fact kind, the function's name suffix and its handler. */
    public enum Kind {
        S3(CustomResourceFunction.S3, "custom-resource-existing-s3", "s3/handler.handler"),
        COGNITO_USER_POOL(CustomResourceFunction.COGNITO_USER_POOL, "custom-resource-existing-cup",
                "cognito-user-pool/handler.handler"),
        EVENT_BRIDGE(CustomResourceFunction.EVENT_BRIDGE, "custom-resource-event-bridge",
                "event-bridge/handler.handler"),
        API_GATEWAY_CLOUD_WATCH_ROLE(CustomResourceFunction.API_GATEWAY_CLOUD_WATCH_ROLE,
                "custom-resource-apigw-cw-role", "api-gateway-cloud-watch-role/handler.handler");

        private final String fact;
        private final String handlerName;
        private final String handler;

        Kind(String fact, String handlerName, String handler) {
            this.fact = fact;
            this.handlerName = handlerName;
            this.handler = handler;
        }

        /** {@code custom-resource-existing-s3} ...: the deployed name's suffix. */
        public String handlerName() {
            return handlerName;
        }

        /** Logical id of the custom-resource function ({@code CustomDashresourceDashexistingDashs3LambdaFunction}). */
        public String functionLogicalId() {
            return Naming.customResourceFunctionLogicalId(handlerName);
        }
    }

    private CustomResources() {
    }

    /**
     * Adds (or, called again for the same kind, replaces in place) the custom-resource function,
     * creates the shared role the first time it is needed, and records the function as a fact
     * (once per kind: a second call returns the first call's fact).
     *
     * @param caller the event type whose compiler needs it (its plugin order orders the statements)
     * @param origin the configuration that needs it (the first event using it)
     */
    public static CustomResourceFunction add(CompileContext context, Kind kind, EventType caller, SourceRef origin) {
        ServiceSettings settings = context.settings();
        String functionName = Naming.customResourceFunctionName(settings.name(), settings.stage(), kind.handlerName);
        String logGroupPrefix = Naming.logGroupName(settings.canonicalPrefix());
        boolean frameworkLogs = Js.truthy(settings.providerValue("logs", "frameworkLambda"));
        Optional<JsonNode> deploymentRole = deploymentRole(settings);

        Optional<String> role = Optional.empty();
        if (deploymentRole.isEmpty()) {
            role = Optional.of(Naming.CUSTOM_RESOURCES_ROLE_LOGICAL_ID);
            if (context.resource(Naming.CUSTOM_RESOURCES_ROLE_LOGICAL_ID).isEmpty()) {
                ObjectNode sharedRole = Cfn.lambdaRole(
                        Naming.customResourcesPolicyName(settings.name(), settings.stage()));
                context.putResource(Naming.CUSTOM_RESOURCES_ROLE_LOGICAL_ID, sharedRole, Optional.empty(), origin);
            }
        }

        ObjectNode function = JSON.objectNode();
        function.put("Type", "AWS::Lambda::Function");
        ObjectNode properties = function.putObject("Properties");
        ObjectNode code = properties.putObject("Code");
        code.set("S3Bucket", CoreTemplateCompiler.codeBucket(settings));
        code.put("S3Key", artifactDirectory(settings) + "/" + Naming.CUSTOM_RESOURCES_ARTIFACT);
        properties.put("FunctionName", functionName);
        properties.put("Handler", kind.handler);
        properties.put("MemorySize", 1024);
        properties.put("Runtime", "nodejs18.x");
        properties.put("Timeout", 180);
        ArrayNode dependsOn = function.putArray("DependsOn");
        if (deploymentRole.isPresent()) {
            properties.set("Role", deploymentRole.get().deepCopy());
        } else {
            properties.set("Role", Cfn.getAtt(Naming.CUSTOM_RESOURCES_ROLE_LOGICAL_ID, "Arn"));
            dependsOn.add(Naming.CUSTOM_RESOURCES_ROLE_LOGICAL_ID);
        }
        context.putResource(kind.functionLogicalId(), function, Optional.empty(), origin);

        if (frameworkLogs) {
            String logGroupId = Naming.customResourceLogGroupLogicalId(kind.handlerName);
            dependsOn.add(logGroupId);
            ObjectNode logGroup = JSON.objectNode();
            logGroup.put("Type", "AWS::Logs::LogGroup");
            ObjectNode logProperties = logGroup.putObject("Properties");
            logProperties.put("LogGroupName", Naming.logGroupName(functionName));
            // undefined values vanish from v3's JSON; null ones are stripped by the merge stage
            putIfPresent(logProperties, "RetentionInDays", settings.providerValue("logRetentionInDays"));
            putIfPresent(logProperties, "DataProtectionPolicy", settings.providerValue("logDataProtectionPolicy"));
            context.putResource(logGroupId, logGroup, Optional.empty(), origin);
        }

        Optional<CustomResourceFunction> previous = context.eventFacts().stream()
                .filter(CustomResourceFunction.class::isInstance).map(CustomResourceFunction.class::cast)
                .filter(f -> f.kind().equals(kind.fact)).findFirst();
        if (previous.isPresent()) {
            return previous.get(); // one fact per custom resource: the first compiler that needed it
        }
        CustomResourceFunction fact = new CustomResourceFunction(kind.fact, kind.functionLogicalId(), functionName,
                role, frameworkLogs, logGroupPrefix, caller.pluginOrder(), origin);
        context.addEventFact(fact);
        return fact;
    }

    /**
     * A custom resource of {@code kind} for one of the service's functions, as v3 writes it:
     * {@code Type}, {@code Version: 1}, {@code DependsOn} the function and the custom-resource
     * function, and {@code Properties} with the {@code ServiceToken} and the function's name; the
     * caller adds its own properties.
     *
     * @param type the resource type, {@code Custom::S3} ...
     */
    public static ObjectNode resource(Kind kind, String type, FunctionSettings function) {
        String customFunctionId = kind.functionLogicalId();
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", type);
        resource.put("Version", 1);
        resource.putArray("DependsOn").add(function.logicalId()).add(customFunctionId);
        ObjectNode properties = resource.putObject("Properties");
        properties.set("ServiceToken", Cfn.getAtt(customFunctionId, "Arn"));
        properties.put("FunctionName", function.name());
        return resource;
    }

    /**
     * Makes the custom resources of each group (those acting on one bucket, one user pool) run one
     * after another, as v3 does to avoid races: each one after the first depends on the one before.
     *
     * @param groups logical ids, in the order v3 created them
     */
    public static void chain(CompileContext context, Collection<List<String>> groups) {
        for (List<String> chain : groups) {
            for (int i = 1; i < chain.size(); i++) {
                String previous = chain.get(i - 1);
                context.resource(chain.get(i)).map(r -> (ArrayNode) r.definition().get("DependsOn"))
                        .ifPresent(d -> d.add(previous));
            }
        }
    }

    /**
     * v3's {@code getCustomDeploymentRole}: {@code provider.iam.deploymentRole} when the key is
     * there (even if null), else legacy {@code provider.cfnRole}; only a truthy value counts.
     */
    public static Optional<JsonNode> deploymentRole(ServiceSettings settings) {
        MapNode provider = settings.provider();
        Optional<JsonNode> fromIam = provider.get("iam").filter(MapNode.class::isInstance)
                .flatMap(iam -> ((MapNode) iam).get("deploymentRole")).map(NodeJson::toJson);
        JsonNode role = fromIam.isPresent() ? fromIam.get() : settings.providerValue("cfnRole");
        return Optional.ofNullable(role).filter(Js::truthy);
    }

    /** {@code <deploymentPrefix|serverless>/<service>/<stage>}; v3 adds a timestamped folder. */
    private static String artifactDirectory(ServiceSettings settings) {
        JsonNode prefix = settings.providerValue("deploymentPrefix");
        return (Js.present(prefix) ? (prefix.isTextual() ? prefix.textValue() : Js.stringify(prefix)) : "serverless")
                + "/" + settings.name() + "/" + settings.stage();
    }

    private static void putIfPresent(ObjectNode properties, String key, JsonNode value) {
        if (value != null) {
            properties.set(key, value);
        }
    }
}
