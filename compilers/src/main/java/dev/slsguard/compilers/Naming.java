package dev.slsguard.compilers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import java.util.Locale;
import java.util.Optional;

/**
 * Every logical id and generated name, as Serverless Framework v3 builds them
 * ({@code lib/plugins/aws/lib/naming.js}); a reader can check parity here in one place.
 */
public final class Naming {

    /** The execution role every function shares unless it has its own. */
    public static final String ROLE_LOGICAL_ID = "IamRoleLambdaExecution";
    public static final String DEPLOYMENT_BUCKET_LOGICAL_ID = "ServerlessDeploymentBucket";
    public static final String DEPLOYMENT_BUCKET_POLICY_LOGICAL_ID = "ServerlessDeploymentBucketPolicy";
    public static final String DEPLOYMENT_BUCKET_OUTPUT_ID = "ServerlessDeploymentBucketName";
    /** Alias name v3 gives the provisioned-concurrency alias. */
    public static final String PROVISIONED_ALIAS_NAME = "provisioned";
    /** Alias name v3 gives the SnapStart alias. */
    public static final String SNAP_START_ALIAS_NAME = "snapstart";

    private Naming() {
    }

    // ---- general ------------------------------------------------------------------------------

    /** {@code normalizeName}: upper-cases the first letter. */
    public static String normalizeName(String name) {
        return Js.upperFirst(name);
    }

    /** {@code normalizeNameToAlphaNumericOnly}: drops everything but {@code [0-9A-Za-z]}, upper-first. */
    public static String normalizeNameToAlphaNumericOnly(String name) {
        return normalizeName(alphaNumericOnly(name));
    }

    /** {@code text} without the characters outside {@code [0-9A-Za-z]} (a name for every resource: no regex). */
    static String alphaNumericOnly(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            if (!kept && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (kept && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code getNormalizedResourceName}: {@code -} to {@code Dash}, {@code _} to {@code Underscore}, upper-first. */
    public static String normalizedResourceName(String name) {
        return normalizeName(name.replace("-", "Dash").replace("_", "Underscore"));
    }

    /** {@code getNormalizedFunctionName}: {@code my-fn_x} gives {@code MyDashfnUnderscorex}. */
    public static String normalizedFunctionName(String functionKey) {
        return normalizedResourceName(functionKey);
    }

    // ---- functions ------------------------------------------------------------------------------

    /** The deployed name of a function without {@code name:}: {@code <service>-<stage>-<key>}. */
    public static String defaultFunctionName(String service, String stage, String functionKey) {
        return service + "-" + stage + "-" + functionKey;
    }

    public static String lambdaLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaFunction";
    }

    /** {@code <Fn>LambdaVersion<hash>}, the hash stripped to letters and digits. */
    public static String lambdaVersionLogicalId(String functionKey, String hash) {
        return normalizedFunctionName(functionKey) + "LambdaVersion" + alphaNumericOnly(hash);
    }

    public static String lambdaVersionOutputId(String functionKey) {
        return lambdaLogicalId(functionKey) + "QualifiedArn";
    }

    public static String provisionedConcurrencyAliasLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "ProvConcLambdaAlias";
    }

    public static String snapStartAliasLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "SnapStartLambdaAlias";
    }

    public static String functionUrlLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaFunctionUrl";
    }

    public static String functionUrlOutputId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaFunctionUrl";
    }

    public static String functionUrlPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionFnUrl";
    }

    public static String eventInvokeConfigLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaEvConf";
    }

    public static String logGroupLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LogGroup";
    }

    public static String logGroupName(String functionName) {
        return "/aws/lambda/" + functionName;
    }

    /** {@code <service>.zip}, the artifact of a service packaged as a whole. */
    public static String serviceArtifactName(String service) {
        return service + ".zip";
    }

    /** {@code <functionKey>.zip}, the artifact of a function packaged individually. */
    public static String functionArtifactName(String functionKey) {
        return functionKey + ".zip";
    }

    // ---- role -------------------------------------------------------------------------------------

    /** {@code {"Fn::Join": ["-", [service, stage, {"Ref": "AWS::Region"}, "lambdaRole"]]}}. */
    public static ObjectNode defaultRoleName(String service, String stage) {
        return Cfn.join("-", Cfn.text(service), Cfn.text(stage), Cfn.ref("AWS::Region"), Cfn.text("lambdaRole"));
    }

    /** {@code {"Fn::Join": ["-", [service, stage, "lambda"]]}}. */
    public static ObjectNode policyName(String service, String stage) {
        return Cfn.join("-", Cfn.text(service), Cfn.text(stage), Cfn.text("lambda"));
    }

    // ---- schedule ---------------------------------------------------------------------------------

    /** {@code <fnKey>Schedule}: the target id of every schedule rule of a function. */
    public static String scheduleTargetId(String functionKey) {
        return functionKey + "Schedule";
    }

    /** {@code <Fn>EventsRuleSchedule<n>}, n counting rate expressions across the function's schedule events. */
    public static String scheduleRuleLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "EventsRuleSchedule" + number;
    }

    /** {@code <Fn>LambdaPermissionEventsRuleSchedule<n>}. */
    public static String schedulePermissionLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionEventsRuleSchedule" + number;
    }

    /** {@code <Fn>SchedulerSchedule<n>}. */
    public static String schedulerScheduleLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "SchedulerSchedule" + number;
    }

    /** {@code arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:<name>}, for {@code Fn::Sub}. */
    public static String functionArnTemplate(String functionName) {
        return "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + functionName;
    }

    // ---- cloudwatchLog ----------------------------------------------------------------------------

    /** {@code <Fn>LogsSubscriptionFilterCloudWatchLog<n>}, n counting the function's cloudwatchLog events. */
    public static String logSubscriptionFilterLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "LogsSubscriptionFilterCloudWatchLog" + number;
    }

    /** {@code <Fn>LambdaPermissionLogsSubscriptionFilterCloudWatchLog}: one per function. */
    public static String logSubscriptionPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionLogsSubscriptionFilterCloudWatchLog";
    }

    /**
     * What v3 calls the "longest common suffix" of a function's log groups: their longest common
     * prefix, with {@code *} appended when there are several (unless it already ends in one).
     */
    public static String logGroupsCommonPrefix(java.util.List<String> logGroups) {
        String common = logGroups.get(0);
        for (String current : logGroups) {
            int i = 0;
            while (i < common.length() && i < current.length() && common.charAt(i) == current.charAt(i)) {
                i++;
            }
            if (i < common.length()) {
                common = common.substring(0, i);
            }
        }
        if (logGroups.size() > 1 && !common.endsWith("*")) {
            common += "*";
        }
        return common;
    }

    // ---- sqs ------------------------------------------------------------------------------------

    /** {@code <Fn>EventSourceMappingSQS<Alnum(queueName)>}. */
    public static String queueLogicalId(String functionKey, String queueName) {
        return normalizedFunctionName(functionKey) + "EventSourceMappingSQS"
                + normalizeNameToAlphaNumericOnly(queueName);
    }

    /**
     * The queue name v3 reads from an {@code sqs} ARN: the last {@code :} segment of a string,
     * the resource of {@code Fn::GetAtt}, the value of {@code Fn::ImportValue}, or the last element
     * of {@code Fn::Join}'s list. Empty where v3 would fail (any other shape).
     */
    public static Optional<String> queueName(JsonNode arn) {
        if (arn == null || arn.isNull()) {
            return Optional.empty();
        }
        if (Js.truthy(arn.get("Fn::GetAtt"))) {
            return firstOf(arn.get("Fn::GetAtt"));
        }
        if (Js.truthy(arn.get("Fn::ImportValue"))) {
            return text(arn.get("Fn::ImportValue"));
        }
        if (Js.truthy(arn.get("Fn::Join"))) {
            return lastJoinPart(arn.get("Fn::Join"));
        }
        if (arn.isTextual()) {
            String s = arn.textValue();
            return Optional.of(s.substring(s.lastIndexOf(':') + 1));
        }
        return Optional.empty();
    }

    // ---- stream ---------------------------------------------------------------------------------

    /** {@code <Fn>EventSourceMapping<UpperFirst(type)><Alnum(streamName)>}. */
    public static String streamLogicalId(String functionKey, String streamType, String streamName) {
        return normalizedFunctionName(functionKey) + "EventSourceMapping" + normalizeName(streamType)
                + normalizeNameToAlphaNumericOnly(streamName);
    }

    /**
     * The stream name v3 reads from a {@code stream} ARN: the part after the first {@code /} of a
     * string ({@code table/T/stream/...} gives {@code T}), the resource of {@code Fn::GetAtt}, the
     * value of {@code Fn::ImportValue} or {@code Ref}, or the last {@code /} segment of
     * {@code Fn::Join}'s last element. Empty where v3 would fail.
     */
    public static Optional<String> streamName(JsonNode arn) {
        if (arn == null || arn.isNull()) {
            return Optional.empty();
        }
        if (Js.truthy(arn.get("Fn::GetAtt"))) {
            return firstOf(arn.get("Fn::GetAtt"));
        }
        if (Js.truthy(arn.get("Fn::ImportValue"))) {
            return text(arn.get("Fn::ImportValue"));
        }
        if (Js.truthy(arn.get("Ref"))) {
            return text(arn.get("Ref"));
        }
        if (Js.truthy(arn.get("Fn::Join"))) {
            return lastJoinPart(arn.get("Fn::Join")).map(name -> name.substring(name.lastIndexOf('/') + 1));
        }
        if (arn.isTextual()) {
            String[] parts = arn.textValue().split("/", -1);
            return parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The stream type v3 reads from a string ARN: its third {@code :} segment. */
    public static Optional<String> arnService(String arn) {
        String[] parts = arn.split(":", -1);
        return parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
    }

    /**
     * {@code <fnKey><streamName>Consumer}, or with any {@code provider.kinesis.consumerNamingMode}
     * set, {@code <fnKey><streamName><service><stage>Consumer}.
     */
    public static String streamConsumerName(String functionKey, String streamName, boolean namingModeSet,
                                            String service, String stage) {
        return namingModeSet ? functionKey + streamName + service + stage + "Consumer"
                : functionKey + streamName + "Consumer";
    }

    /** {@code <NormalizedResourceName(consumerName)>StreamConsumer}. */
    public static String streamConsumerLogicalId(String consumerName) {
        return normalizedFunctionName(consumerName) + "StreamConsumer";
    }

    // ---- kafka, msk, activemq, rabbitmq ---------------------------------------------------------

    /** {@code <Fn>EventSourceMappingKafka<Alnum(topic)>}, the topic part cut to 158 characters. */
    public static String kafkaLogicalId(String functionKey, String topic) {
        return normalizedFunctionName(functionKey) + "EventSourceMappingKafka" + cut(topic, 158);
    }

    /**
     * {@code <Fn>EventSourceMappingMSK<Alnum(cluster)><Alnum(topic)>}, each part cut to 79
     * characters; the cluster part is {@link #mskClusterNameToken}.
     */
    public static String mskLogicalId(String functionKey, String clusterToken, String topic) {
        return normalizedFunctionName(functionKey) + "EventSourceMappingMSK" + cut(clusterToken, 79)
                + cut(topic, 79);
    }

    /**
     * The cluster part v3 reads from an {@code msk} ARN: the value of {@code Fn::ImportValue} or
     * {@code Ref}, else the second {@code /} segment of a string ARN
     * ({@code cluster/orders/uuid} gives {@code orders}). Empty where v3 would fail: any other
     * intrinsic, a non-string value, an ARN without {@code /}.
     */
    public static Optional<String> mskClusterNameToken(JsonNode arn) {
        if (arn == null || arn.isNull()) {
            return Optional.empty();
        }
        if (Js.truthy(arn.get("Fn::ImportValue"))) {
            return text(arn.get("Fn::ImportValue"));
        }
        if (Js.truthy(arn.get("Ref"))) {
            return text(arn.get("Ref"));
        }
        if (arn.isTextual()) {
            String[] parts = arn.textValue().split("/", -1);
            return parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code <Fn>EventSourceMappingActiveMQ<Alnum(queue)>}, the queue part cut to 150 characters. */
    public static String activeMqLogicalId(String functionKey, String queue) {
        return normalizedFunctionName(functionKey) + "EventSourceMappingActiveMQ" + cut(queue, 150);
    }

    /** {@code <Fn>EventSourceMappingRabbitMQ<Alnum(queue)>}, the queue part cut to 150 characters. */
    public static String rabbitMqLogicalId(String functionKey, String queue) {
        return normalizedFunctionName(functionKey) + "EventSourceMappingRabbitMQ" + cut(queue, 150);
    }

    /** {@code normalizeNameToAlphaNumericOnly(name).slice(0, length)}. */
    private static String cut(String name, int length) {
        String normalized = normalizeNameToAlphaNumericOnly(name);
        return normalized.length() > length ? normalized.substring(0, length) : normalized;
    }

    // ---- httpApi --------------------------------------------------------------------------------

    /** The HTTP API ({@code AWS::ApiGatewayV2::Api}). */
    public static final String HTTP_API_LOGICAL_ID = "HttpApi";
    public static final String HTTP_API_STAGE_LOGICAL_ID = "HttpApiStage";
    public static final String HTTP_API_LOG_GROUP_LOGICAL_ID = "HttpApiLogGroup";
    public static final String HTTP_API_ID_OUTPUT_ID = "HttpApiId";
    public static final String HTTP_API_URL_OUTPUT_ID = "HttpApiUrl";

    /**
     * {@code getHttpApiName}: {@code provider.httpApi.name}, else {@code <service>-<stage>} with
     * {@code shouldStartNameWithService}, else {@code <stage>-<service>}.
     */
    public static String httpApiName(Optional<String> name, boolean startWithService, String service, String stage) {
        if (name.isPresent()) {
            return name.get();
        }
        return startWithService ? service + "-" + stage : stage + "-" + service;
    }

    /** {@code getStackName}: a string {@code provider.stackName}, else {@code <service>-<stage>}. */
    public static String stackName(Optional<String> stackName, String service, String stage) {
        return stackName.filter(s -> !s.isEmpty()).orElse(service + "-" + stage);
    }

    /** {@code /aws/http-api/<stackName>}. */
    public static String httpApiLogGroupName(String stackName) {
        return "/aws/http-api/" + stackName;
    }

    /** {@code HttpApiIntegration<Fn>}. */
    public static String httpApiIntegrationLogicalId(String functionKey) {
        return "HttpApiIntegration" + normalizedFunctionName(functionKey);
    }

    /** {@code HttpApiRoute<normalizePath(routeKey)>}; the catch-all route {@code *} is {@code HttpApiRouteDefault}. */
    public static String httpApiRouteLogicalId(String routeKey) {
        if (routeKey.equals("*")) {
            return "HttpApiRouteDefault";
        }
        StringBuilder id = new StringBuilder("HttpApiRoute");
        for (String part : routeKey.split("/", -1)) {
            id.append(httpApiPathPart(part));
        }
        return id.toString();
    }

    /** {@code HttpApiAuthorizer<NormalizedName(name)>}, {@code name} being the authorizer's {@code name} or key. */
    public static String httpApiAuthorizerLogicalId(String authorizerName) {
        return "HttpApiAuthorizer" + normalizedFunctionName(authorizerName);
    }

    /** {@code <Fn>LambdaPermissionHttpApi}. */
    public static String httpApiPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionHttpApi";
    }

    /** {@code <NormalizedResourceName(name)>LambdaAuthorizerPermissionHttpApi}. */
    public static String httpApiAuthorizerPermissionLogicalId(String authorizerName) {
        return normalizedResourceName(authorizerName) + "LambdaAuthorizerPermissionHttpApi";
    }

    /**
     * v3's {@code normalizePathPart}: lodash {@code capitalize} (the rest lower-cased), {@code -}
     * to {@code Dash}, {@code {x}} to {@code xVar}, then letters and digits only, upper-first.
     */
    private static String httpApiPathPart(String part) {
        String capitalized = part.isEmpty() ? part : Js.upperFirst(part.toLowerCase(Locale.ROOT));
        String named = capitalized.replace("-", "Dash").replaceAll("\\{(.*)\\}", "$1Var");
        return Js.upperFirst(named.replaceAll("[^0-9A-Za-z]", ""));
    }

    // ---- websocket ------------------------------------------------------------------------------

    /** The WebSocket API ({@code AWS::ApiGatewayV2::Api}). */
    public static final String WEBSOCKETS_API_LOGICAL_ID = "WebsocketsApi";
    public static final String WEBSOCKETS_STAGE_LOGICAL_ID = "WebsocketsDeploymentStage";
    public static final String WEBSOCKETS_LOG_GROUP_LOGICAL_ID = "WebsocketsLogGroup";
    public static final String WEBSOCKETS_ENDPOINT_OUTPUT_ID = "ServiceEndpointWebsocket";

    /** {@code getWebsocketsApiName}: a string {@code provider.websocketsApiName}, else {@code <stage>-<service>-websockets}. */
    public static String websocketsApiName(Optional<String> name, String service, String stage) {
        return name.orElse(stage + "-" + service + "-websockets");
    }

    /** {@code <Fn>WebsocketsIntegration}. */
    public static String websocketsIntegrationLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "WebsocketsIntegration";
    }

    /**
     * {@code <Fn>LambdaPermissionWebsockets}; also the permission of an authorizer, named after the
     * authorizer (so a function that is both shares one).
     */
    public static String websocketsPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionWebsockets";
    }

    /**
     * {@code getNormalizedWebsocketsRouteKey}: {@code $} to {@code S}, {@code /} to {@code Slash},
     * {@code -} to {@code Dash}, {@code _} to {@code Underscore}, {@code .} to {@code Period}; no
     * other character changes and nothing is upper-cased ({@code sendMessageWebsocketsRoute}).
     */
    public static String websocketsRouteLogicalId(String route) {
        return route.replace("$", "S").replace("/", "Slash").replace("-", "Dash").replace("_", "Underscore")
                .replace(".", "Period") + "WebsocketsRoute";
    }

    /** {@code <route id>Response}. */
    public static String websocketsRouteResponseLogicalId(String route) {
        return websocketsRouteLogicalId(route) + "Response";
    }

    /** {@code <NormalizedName(name)>WebsocketsAuthorizer}. */
    public static String websocketsAuthorizerLogicalId(String authorizerName) {
        return normalizedFunctionName(authorizerName) + "WebsocketsAuthorizer";
    }

    /** {@code WebsocketsDeployment<hash>}, the hash (base64 SHA-256) stripped to letters and digits. */
    public static String websocketsDeploymentLogicalId(String hash) {
        return "WebsocketsDeployment" + alphaNumericOnly(hash);
    }

    /** {@code /aws/websocket/<service>-<stage>}. */
    public static String websocketsLogGroupName(String service, String stage) {
        return "/aws/websocket/" + service + "-" + stage;
    }

    /** The authorizer name v3 reads from a Lambda ARN: what follows its last {@code :}. */
    public static String websocketsAuthorizerNameFromArn(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    // ---- alb --------------------------------------------------------------------------------------

    /** {@code <Fn>Alb[MultiValue]TargetGroup<albId>}. */
    public static String albTargetGroupLogicalId(String functionKey, String albId, boolean multiValueHeaders) {
        return normalizedFunctionName(functionKey) + "Alb" + (multiValueHeaders ? "MultiValue" : "") + "TargetGroup"
                + albId;
    }

    /** {@code <service>-<fnKey>-<albId>-[multi-value-]<stage>}: the target group's Name tag (without multi-value) and hashed name. */
    public static String albTargetGroupNameTag(String service, String functionKey, String albId,
                                               boolean multiValueHeaders, String stage) {
        return service + "-" + functionKey + "-" + albId + "-" + (multiValueHeaders ? "multi-value-" : "") + stage;
    }

    /** {@code (targetGroupPrefix + md5(tag)).slice(0, 32)}: the generated target group name. */
    public static String albTargetGroupName(String prefix, String service, String functionKey, String albId,
                                            boolean multiValueHeaders, String stage) {
        String name = prefix + md5Hex(albTargetGroupNameTag(service, functionKey, albId, multiValueHeaders, stage));
        return name.length() > 32 ? name.substring(0, 32) : name;
    }

    /** {@code <Fn>AlbListenerRule<priority>}. */
    public static String albListenerRuleLogicalId(String functionKey, String priority) {
        return normalizedFunctionName(functionKey) + "AlbListenerRule" + priority;
    }

    /** {@code <Fn>LambdaPermissionAlb}: the load balancer may invoke the function (from its last target group). */
    public static String albPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionAlb";
    }

    /** {@code <Fn>LambdaPermissionRegisterTarget}: the load balancer may register the function as a target. */
    public static String albRegisterTargetPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionRegisterTarget";
    }

    // ---- http (REST API) -------------------------------------------------------------------------

    public static final String REST_API_LOGICAL_ID = "ApiGatewayRestApi";
    public static final String API_GATEWAY_LOG_GROUP_LOGICAL_ID = "ApiGatewayLogGroup";
    public static final String SERVICE_ENDPOINT_OUTPUT_ID = "ServiceEndpoint";
    public static final String API_GATEWAY_CLOUD_WATCH_ROLE_LOGICAL_ID = "CustomApiGatewayAccountCloudWatchRole";

    /** {@code provider.apiName}, else {@code <service>-<stage>} or {@code <stage>-<service>}. */
    public static String restApiName(String service, String stage, boolean startWithService) {
        return startWithService ? service + "-" + stage : stage + "-" + service;
    }

    /**
     * {@code normalizePathPart}: {@code _.capitalize}, {@code -} to {@code Dash}, {@code {x}} to
     * {@code xVar}, only letters and digits ({@code {productId}} gives {@code ProductidVar}).
     */
    public static String normalizePathPart(String part) {
        String s = dev.slsguard.compilers.support.LodashCase.capitalize(part).replace("-", "Dash")
                .replaceAll("\\{(.*)\\}", "$1Var").replaceAll("[^0-9A-Za-z]", "");
        return normalizeName(s);
    }

    /** {@code normalizePath}: the normalised parts of a {@code /}-separated path, joined. */
    public static String normalizePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/", -1)) {
            out.append(normalizePathPart(part));
        }
        return out.toString();
    }

    /** {@code ApiGatewayResource<normalizePath(path)>}. */
    public static String restResourceLogicalId(String path) {
        return "ApiGatewayResource" + normalizePath(path);
    }

    /** {@code ApiGatewayMethod<resourceName><Method>} ({@code get} gives {@code Get}). */
    public static String restMethodLogicalId(String resourceName, String method) {
        return "ApiGatewayMethod" + resourceName + normalizeName(method.toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code <NormalizedName>ApiGatewayAuthorizer}. */
    public static String restAuthorizerLogicalId(String name) {
        return normalizedFunctionName(name) + "ApiGatewayAuthorizer";
    }

    /** {@code extractAuthorizerNameFromArn}: the last {@code -} part of the ARN's last {@code :} part. */
    public static String authorizerNameFromArn(String arn) {
        String last = arn.substring(arn.lastIndexOf(':') + 1);
        return last.substring(last.lastIndexOf('-') + 1);
    }

    /** {@code <Fn>LambdaPermissionApiGateway} (also used with an authorizer's name). */
    public static String restPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionApiGateway";
    }

    /** {@code ApiGatewayDeployment<instanceId>}. */
    public static String restDeploymentLogicalId(String instanceId) {
        return "ApiGatewayDeployment" + instanceId;
    }

    /** {@code ApiGateway<Alnum(service)>RequestValidator}. */
    public static String restValidatorLogicalId(String service) {
        return "ApiGateway" + normalizeNameToAlphaNumericOnly(service) + "RequestValidator";
    }

    /** {@code ApiGateway<UpperFirst(camelCase(schemaId))>Model}, a model of {@code provider.apiGateway.request.schemas}. */
    public static String restModelLogicalId(String schemaId) {
        return "ApiGateway" + Js.upperFirst(dev.slsguard.compilers.support.LodashCase.camelCase(schemaId)) + "Model";
    }

    /** {@code <methodLogicalId><StartCase(contentType) without spaces>Model}. */
    public static String restEndpointModelLogicalId(String resourceName, String method, String contentType) {
        return restMethodLogicalId(resourceName, method)
                + dev.slsguard.compilers.support.LodashCase.startCase(contentType).replace(" ", "") + "Model";
    }

    /** {@code ApiGatewayApiKey[<Name>]<n>}. */
    public static String restApiKeyLogicalId(int number, Optional<String> name) {
        return "ApiGatewayApiKey" + name.map(Naming::normalizeName).orElse("") + number;
    }

    /** {@code ApiGatewayUsagePlan[<Name>]}. */
    public static String restUsagePlanLogicalId(Optional<String> name) {
        return "ApiGatewayUsagePlan" + name.map(Naming::normalizeName).orElse("");
    }

    /** {@code ApiGatewayUsagePlanKey[<Name>]<n>}. */
    public static String restUsagePlanKeyLogicalId(int number, Optional<String> name) {
        return "ApiGatewayUsagePlanKey" + name.map(Naming::normalizeName).orElse("") + number;
    }

    /** {@code /aws/api-gateway/<service>-<stage>}. */
    public static String restLogGroupName(String service, String stage) {
        return "/aws/api-gateway/" + service + "-" + stage;
    }

    // ---- s3 -------------------------------------------------------------------------------------

    /** {@code S3Bucket<Alnum(bucket)>}: a bucket the service creates for {@code s3} events. */
    public static String bucketLogicalId(String bucket) {
        return "S3Bucket" + normalizeNameToAlphaNumericOnly(bucket);
    }

    /** {@code <Fn>LambdaPermission<Alnum(bucket)>S3}. */
    public static String s3PermissionLogicalId(String functionKey, String bucket) {
        return normalizedFunctionName(functionKey) + "LambdaPermission" + normalizeNameToAlphaNumericOnly(bucket)
                + "S3";
    }

    /** {@code <Fn>CustomS31}: the {@code Custom::S3} resource of a function's existing bucket. */
    public static String customS3LogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "CustomS31";
    }

    // ---- custom resources -----------------------------------------------------------------------

    /** The role of the framework's custom-resource functions. */
    public static final String CUSTOM_RESOURCES_ROLE_LOGICAL_ID = "IamRoleCustomResourcesLambdaExecution";

    /** {@code custom-resources.zip}, the custom-resource functions' artifact. */
    public static final String CUSTOM_RESOURCES_ARTIFACT = "custom-resources.zip";

    /** {@code <Normalized(name)>LambdaFunction} of a custom-resource function ({@code custom-resource-existing-s3}). */
    public static String customResourceFunctionLogicalId(String handlerName) {
        return lambdaLogicalId(normalizedFunctionName(handlerName));
    }

    /** {@code <Normalized(name)>LogGroup} of a custom-resource function. */
    public static String customResourceLogGroupLogicalId(String handlerName) {
        return logGroupLogicalId(handlerName);
    }

    /** {@code Join - [stage, service, "custom-resources-lambda"]}: the custom-resources role's policy name. */
    public static ObjectNode customResourcesPolicyName(String service, String stage) {
        return Cfn.join("-", Cfn.text(stage), Cfn.text(service), Cfn.text("custom-resources-lambda"));
    }

    /**
     * {@code <service>-<stage>-<name>}; a name longer than 64 characters becomes its first 32
     * characters followed by the MD5 hex of the whole name, as in v3.
     */
    public static String customResourceFunctionName(String service, String stage, String handlerName) {
        String name = service + "-" + stage + "-" + handlerName;
        return name.length() <= 64 ? name : name.substring(0, 32) + md5Hex(name);
    }

    // ---- sns ------------------------------------------------------------------------------------

    /** {@code normalizeTopicName}: letters and digits only, upper-first. */
    public static String normalizeTopicName(String topicName) {
        return normalizeNameToAlphaNumericOnly(topicName);
    }

    /** {@code SNSTopic<Alnum(topicName)>}: a topic the framework creates. */
    public static String topicLogicalId(String topicName) {
        return "SNSTopic" + normalizeTopicName(topicName);
    }

    /** {@code <Alnum(topicName)>To<Fn>DLQPolicy}: the queue policy of an sns redrive policy. */
    public static String topicDlqPolicyLogicalId(String functionKey, String topicName) {
        return normalizeTopicName(topicName) + "To" + normalizedFunctionName(functionKey) + "DLQPolicy";
    }

    /** {@code <Fn>LambdaPermission<Alnum(topicName)>SNS}. */
    public static String snsPermissionLogicalId(String functionKey, String topicName) {
        return normalizedFunctionName(functionKey) + "LambdaPermission" + normalizeTopicName(topicName) + "SNS";
    }

    /** {@code <Fn>SnsSubscription<Alnum(topicName)>}. */
    public static String snsSubscriptionLogicalId(String functionKey, String topicName) {
        return normalizedFunctionName(functionKey) + "SnsSubscription" + normalizeTopicName(topicName);
    }

    /**
     * The segments v3 splits an object-form topic ARN into: at every single {@code :}, a
     * {@code ::} staying inside a segment ({@code arn:aws:sns::1:t} gives {@code arn, aws, sns::1, t}).
     */
    public static java.util.List<String> snsArnSegments(String arn) {
        return java.util.Arrays.stream(arn.replace("::", "@@").split(":", -1)).map(s -> s.replace("@@", "::")).toList();
    }

    /** The topic name of a string-form ARN event: its last {@code :} segment. */
    public static String snsTopicName(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    // ---- cloudwatchEvent --------------------------------------------------------------------------

    /** {@code <fnKey>CloudWatchEvent}: the rule target's {@code Id}. */
    public static String cloudWatchEventTargetId(String functionKey) {
        return functionKey + "CloudWatchEvent";
    }

    /** {@code <Fn>EventsRuleCloudWatchEvent<n>}, n counting the function's cloudwatchEvent events from 1. */
    public static String cloudWatchEventLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "EventsRuleCloudWatchEvent" + number;
    }

    /** {@code <Fn>LambdaPermissionEventsRuleCloudWatchEvent<n>}. */
    public static String cloudWatchEventPermissionLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionEventsRuleCloudWatchEvent" + number;
    }

    // ---- eventBridge ----------------------------------------------------------------------------

    /** {@code <FunctionName>-rule-<n>}: v3's rule name stub, n the event's 1-based position in the function. */
    private static String eventBridgeRuleStub(String functionName, int number) {
        return functionName + "-rule-" + number;
    }

    /**
     * The rule name of an eventBridge event without {@code name}: {@code <FunctionName>-rule-<n>},
     * hashed when longer than 64 characters (EventBridge's limit), as v3's {@code makeAndHashRuleName}.
     */
    public static String eventBridgeRuleName(String functionName, int number) {
        String name = eventBridgeRuleStub(functionName, number);
        return name.length() > 64 ? eventBridgeHash(name, "rule-" + number) : name;
    }

    /** {@code <Alnum(FunctionName-rule-n)>EventBridgeRule}: from the stub, whatever the rule's name. */
    public static String eventBridgeRuleLogicalId(String functionName, int number) {
        return normalizeNameToAlphaNumericOnly(eventBridgeRuleStub(functionName, number)) + "EventBridgeRule";
    }

    /** {@code <ruleName>-target}, hashed when longer than 64 characters. */
    public static String eventBridgeTargetId(String ruleName) {
        String id = ruleName + "-target";
        return id.length() > 64 ? eventBridgeHash(id, "target") : id;
    }

    /** {@code <Normalized(bus)>EventBridgeEventBus}: an event bus the service creates. */
    public static String eventBusLogicalId(String busName) {
        return normalizedResourceName(busName) + "EventBridgeEventBus";
    }

    /** {@code <Fn>EventBridgeLambdaPermission<n>}. */
    public static String eventBridgePermissionLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "EventBridgeLambdaPermission" + number;
    }

    /** {@code <Fn>CustomEventBridge<n>}: the legacy {@code Custom::EventBridge} resource of one event. */
    public static String customEventBridgeLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "CustomEventBridge" + number;
    }

    /** v3's {@code hashName}: the name's start, the MD5 hex of the whole name, {@code -<suffix>}. */
    private static String eventBridgeHash(String name, String suffix) {
        return name.substring(0, Math.min(name.length(), 31 - suffix.length())) + md5Hex(name) + "-" + suffix;
    }

    // ---- alexaSkill, alexaSmartHome ------------------------------------------------------------

    /** {@code <Fn>LambdaPermissionAlexaSkill<n>}, n counting the function's alexaSkill events from 1. */
    public static String alexaSkillPermissionLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionAlexaSkill" + number;
    }

    /** {@code <Fn>LambdaPermissionAlexaSmartHome<n>}, n counting the function's alexaSmartHome events from 1. */
    public static String alexaSmartHomePermissionLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionAlexaSmartHome" + number;
    }

    // ---- iot, iotFleetProvisioning ----------------------------------------------------------------

    /** {@code <Fn>IotTopicRule<n>}, n counting the function's iot events from 1. */
    public static String iotTopicRuleLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "IotTopicRule" + number;
    }

    /** {@code <Fn>LambdaPermissionIotTopicRule<n>}. */
    public static String iotPermissionLogicalId(String functionKey, int number) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionIotTopicRule" + number;
    }

    /** {@code <Fn>IotProvisioningTemplate}: one per function. */
    public static String iotProvisioningTemplateLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "IotProvisioningTemplate";
    }

    /** {@code <Fn>LambdaPermissionIotProvisioningTemplate}. */
    public static String iotProvisioningPermissionLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionIotProvisioningTemplate";
    }

    // ---- cognitoUserPool --------------------------------------------------------------------------

    /** {@code CognitoUserPool<Alnum(pool)>}: a user pool the service creates. */
    public static String cognitoUserPoolLogicalId(String pool) {
        return "CognitoUserPool" + normalizeNameToAlphaNumericOnly(pool);
    }

    /** {@code <Fn>LambdaPermissionCognitoUserPool<Alnum(pool)>TriggerSource<Alnum(trigger)>}. */
    public static String cognitoPermissionLogicalId(String functionKey, String pool, String trigger) {
        return normalizedFunctionName(functionKey) + "LambdaPermissionCognitoUserPool"
                + normalizeNameToAlphaNumericOnly(pool) + "TriggerSource" + normalizeNameToAlphaNumericOnly(trigger);
    }

    /** {@code <Fn>CustomCognitoUserPool1}: the {@code Custom::CognitoUserPool} of a function's existing pool. */
    public static String customCognitoUserPoolLogicalId(String functionKey) {
        return normalizedFunctionName(functionKey) + "CustomCognitoUserPool1";
    }

    // ---- cloudFront -------------------------------------------------------------------------------

    /** The service's one CloudFront distribution (also the id of its output). */
    public static final String CLOUD_FRONT_DISTRIBUTION_LOGICAL_ID = "CloudFrontDistribution";
    /** The output with the distribution's domain name. */
    public static final String CLOUD_FRONT_DOMAIN_NAME_OUTPUT_ID = "CloudFrontDistributionDomainName";

    /** {@code <Fn>LambdaFunctionInvokePermission}: CloudFront may invoke the function's version. */
    public static String lambdaAtEdgePermissionLogicalId(String functionKey) {
        return lambdaLogicalId(functionKey) + "InvokePermission";
    }

    /**
     * {@code s3/<domain><path>} for an S3 origin, else {@code custom/<domain><path>}; a domain
     * that is not a string is its JSON, letters and digits only.
     */
    public static String cloudFrontOriginId(boolean s3Origin, JsonNode domain, Optional<String> originPath) {
        String domainName = domain != null && domain.isTextual() ? domain.textValue()
                : normalizeNameToAlphaNumericOnly(domain == null ? "" : Js.stringify(domain));
        return (s3Origin ? "s3" : "custom") + "/" + domainName + originPath.orElse("");
    }

    /** {@code CloudFrontCachePolicy<Fn-normalised name>}: a cache policy of {@code provider.cloudFront.cachePolicies}. */
    public static String cloudFrontCachePolicyLogicalId(String name) {
        return "CloudFrontCachePolicy" + normalizedFunctionName(name);
    }

    /** {@code <service>-<stage>-<name>}: the deployed name of a cache policy. */
    public static String cloudFrontCachePolicyName(String service, String stage, String name) {
        return service + "-" + stage + "-" + name;
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The MD5 digest of a name's UTF-8 bytes, in lower-case hex. */
    private static String md5Hex(String name) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /** {@code value[0]}: the first element of an array, the first character of a string. */
    private static Optional<String> firstOf(JsonNode value) {
        if (value.isArray()) {
            return value.size() > 0 ? text(value.get(0)) : Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue().substring(0, 1));
        }
        return Optional.empty();
    }

    /** {@code join[1].slice(-1).pop()}. */
    private static Optional<String> lastJoinPart(JsonNode join) {
        JsonNode list = join.get(1);
        if (list == null || !list.isArray() || list.size() == 0) {
            return Optional.empty();
        }
        return text(list.get(list.size() - 1));
    }

    /** A name used in a logical id: only a string works in v3 (anything else fails there). */
    private static Optional<String> text(JsonNode value) {
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
