package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * An {@code http} event (API Gateway REST API) as compiled.
 *
 * @param function          the function key
 * @param index             position in the function's {@code events:}
 * @param path              the resource path without leading or trailing {@code /} ({@code ""} for the root)
 * @param method            the HTTP method, upper case ({@code GET}, {@code ANY} ...)
 * @param integration       the integration type after v3's normalisation: {@code AWS_PROXY} (default),
 *                          {@code AWS}, {@code HTTP}, {@code HTTP_PROXY} or {@code MOCK}
 * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code CUSTOM}, {@code COGNITO_USER_POOLS}
 *                          (or the type given with an external {@code authorizerId})
 * @param authorizerName    the authorizer's name (function key, or derived from its ARN), if any
 * @param cors              whether the endpoint enables CORS
 * @param privateEndpoint   {@code private: true}: an API key is required
 * @param methodId          logical id of the {@code AWS::ApiGateway::Method}
 * @param options           the event value as written (a string or a mapping), typed and located
 * @param ref               the event item's location
 */
public record HttpEvent(String function, int index, String path, String method, String integration,
                        String authorizationType, Optional<String> authorizerName, boolean cors,
                        boolean privateEndpoint, String methodId, Setting options, SourceRef ref) {

    /** True when callers need no credentials: no authorizer of any kind and no API key. */
    public boolean isOpen() {
        return authorizationType.equals("NONE") && !privateEndpoint;
    }
}
