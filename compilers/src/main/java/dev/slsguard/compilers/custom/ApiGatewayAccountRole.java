package dev.slsguard.compilers.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import java.util.Optional;

/**
 * v3's {@code ensureApiGatewayCloudWatchRole}, which REST API logs ({@code provider.logs.restApi})
 * and WebSocket API logs ({@code provider.logs.websocket}) both call: a
 * {@code Custom::ApiGatewayAccountRole} that gives the account's API Gateway a CloudWatch role, run
 * by the framework's custom-resource function. v3 does it once per service (the first caller's
 * resource stands), and both read the role settings of {@code provider.logs.restApi}.
 */
public final class ApiGatewayAccountRole {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ApiGatewayAccountRole() {
    }

    /**
     * The custom resource, unless {@code provider.logs.restApi.roleManagedExternally} says the
     * account's role is set elsewhere. {@code RoleArn} is {@code logs.restApi.role} (v3 writes
     * {@code logs.restApi} itself when that is a falsy value other than null).
     */
    public static Optional<ObjectNode> resource(ServiceSettings settings) {
        JsonNode restApi = settings.providerValue("logs", "restApi");
        if (Js.truthy(restApi) && restApi.isObject() && Js.truthy(restApi.get("roleManagedExternally"))) {
            return Optional.empty();
        }
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", "Custom::ApiGatewayAccountRole");
        resource.put("Version", 1);
        ObjectNode properties = resource.putObject("Properties");
        properties.set("ServiceToken", Cfn.getAtt(CustomResources.Kind.API_GATEWAY_CLOUD_WATCH_ROLE.functionLogicalId(),
                "Arn"));
        JsonNode roleArn = !Js.truthy(restApi) ? restApi : restApi.isObject() ? restApi.get("role") : null;
        if (Js.present(roleArn)) {
            properties.set("RoleArn", roleArn);
        }
        return Optional.of(resource);
    }
}
