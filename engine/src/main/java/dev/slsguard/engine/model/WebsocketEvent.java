package dev.slsguard.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * A {@code websocket} event (a route of the service's API Gateway v2 WebSocket API) as compiled.
 *
 * @param function          the function key
 * @param index             position in the function's {@code events:}
 * @param route             the route key ({@code $connect}, {@code $disconnect}, {@code $default}
 *                          or an action such as {@code sendMessage})
 * @param routeId           logical id of the {@code AWS::ApiGatewayV2::Route}
 * @param integrationId     logical id of the function's {@code AWS::ApiGatewayV2::Integration}
 * @param authorizationType {@code NONE}, or {@code CUSTOM} for a Lambda (REQUEST) authorizer
 * @param authorizer        the authorizer's name: the key of a function of the service, or the name
 *                          read from (or given beside) a Lambda ARN
 * @param authorizerArn     the Lambda ARN of an authorizer outside the service (literal or
 *                          intrinsic); empty for a function of the service
 * @param identitySource    where the authorizer reads the caller's identity
 *                          ({@code route.request.header.Auth} by default)
 * @param routeResponse     the route sends the function's answer back to the client
 *                          ({@code routeResponseSelectionExpression: $default})
 * @param externalApi       the routes go to an API defined elsewhere
 *                          ({@code provider.apiGateway.websocketApiId})
 * @param options           the event value as written (a string or a mapping), typed and located
 * @param ref               the event item's location
 * @param routeRef          the route key's location
 */
public record WebsocketEvent(String function, int index, String route, String routeId, String integrationId,
                             String authorizationType, Optional<String> authorizer,
                             Optional<CfnValue> authorizerArn, List<String> identitySource, boolean routeResponse,
                             boolean externalApi, Setting options, SourceRef ref, SourceRef routeRef) {

    /** No authorizer protects the route. */
    public static final String NONE = "NONE";
    /** A Lambda (REQUEST) authorizer protects the route. */
    public static final String CUSTOM = "CUSTOM";
    /** The route a client's connection goes through, the only one an authorizer can protect. */
    public static final String CONNECT = "$connect";

    public WebsocketEvent {
        identitySource = List.copyOf(identitySource);
    }

    /** True for the {@code $connect} route. */
    public boolean isConnect() {
        return CONNECT.equals(route);
    }

    /** True when no authorizer protects the route. */
    public boolean unauthorized() {
        return NONE.equals(authorizationType);
    }
}
