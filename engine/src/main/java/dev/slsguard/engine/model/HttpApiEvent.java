package dev.slsguard.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * An {@code httpApi} event (API Gateway v2 HTTP API route) as compiled.
 *
 * @param function          the function key
 * @param index             position in the function's {@code events:}
 * @param method            the route's method, upper case ({@code GET}; {@code ANY} for {@code *})
 * @param path              the route's path ({@code /items/{id}}), or {@code *} for the default route
 * @param routeKey          v3's route key: {@code "GET /items/{id}"}, or {@code *} for the default
 *                          route (whose CloudFormation {@code RouteKey} is {@code $default})
 * @param routeId           logical id of the {@code AWS::ApiGatewayV2::Route}
 * @param integrationId     logical id of the function's {@code AWS::ApiGatewayV2::Integration}
 * @param authorizationType {@code NONE}, {@code JWT}, {@code CUSTOM} (Lambda request authorizer)
 *                          or {@code AWS_IAM}
 * @param authorizer        the key of the {@code provider.httpApi.authorizers} entry the route
 *                          uses, if any
 * @param authorizerId      the external authorizer id the route uses ({@code authorizer.id}), if any
 * @param scopes            authorization scopes required by the route
 * @param options           the event value as written (a string or a mapping), typed and located
 * @param ref               the event item's location
 */
public record HttpApiEvent(String function, int index, String method, String path, String routeKey,
                           String routeId, String integrationId, String authorizationType,
                           Optional<String> authorizer, Optional<CfnValue> authorizerId, List<String> scopes,
                           Setting options, SourceRef ref) {

    /** No authorizer protects the route. */
    public static final String NONE = "NONE";

    public HttpApiEvent {
        scopes = List.copyOf(scopes);
    }

    /** True for the catch-all route ({@code httpApi: '*'}). */
    public boolean isDefaultRoute() {
        return "*".equals(routeKey);
    }

    /** True when no authorizer protects the route. */
    public boolean unauthorized() {
        return NONE.equals(authorizationType);
    }
}
