package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.EventItem;
import java.util.Optional;

/**
 * One {@code http} event after v3's {@code validate} step: path without surrounding slashes,
 * method in lower case, normalised authorizer, CORS and integration; request and response as v3
 * keeps them for the integration type.
 *
 * @param event          the events item
 * @param path           the resource path ({@code ""} for the root)
 * @param method         the method in lower case ({@code any} included)
 * @param authorizer     the authorizer, if any
 * @param cors           the CORS settings, if enabled
 * @param integration    {@code AWS_PROXY}, {@code AWS}, {@code HTTP}, {@code HTTP_PROXY} or {@code MOCK}
 * @param connectionType {@code VPC_LINK} (normalised), if given
 * @param connectionId   the VPC link id, if given
 * @param request        the request settings (parameters as {@code method.request.<where>.<name>}), if any
 * @param response       the response settings with status codes, if any
 * @param async          {@code async: true}
 * @param privateApi     {@code private: true}
 * @param operationId    {@code operationId}, if any
 */
record HttpEndpoint(EventItem event, String path, String method, Optional<HttpAuthorizer> authorizer,
                    Optional<CorsSettings> cors, String integration, Optional<String> connectionType,
                    JsonNode connectionId, ObjectNode request, ObjectNode response, boolean async,
                    boolean privateApi, JsonNode operationId) {

    String functionKey() {
        return event.function().key();
    }
}
