package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Js;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code http} endpoints of one service, collected event by event before the API is built. */
public final class HttpEndpoints {

    private final List<HttpEndpoint> endpoints = new ArrayList<>();

    /** Reads one event; false when v3 would stop on it (it is left out). */
    public boolean add(EventItem event, CompileContext context) {
        Optional<HttpEndpoint> endpoint = HttpEndpointReader.read(event, context.functions());
        endpoint.ifPresent(endpoints::add);
        return endpoint.isPresent();
    }

    public boolean isEmpty() {
        return endpoints.isEmpty();
    }

    public List<HttpEndpoint> list() {
        return List.copyOf(endpoints);
    }

    /**
     * False when v3 refuses the service's API settings as a whole (external API without root
     * resource, tracing or logs on an external API, an invalid stage name, VPC endpoint ids on a
     * non-private API); validation rules report these.
     */
    public boolean serviceAccepted(CompileContext context) {
        ServiceSettings settings = context.settings();
        JsonNode api = settings.providerValue("apiGateway");
        boolean external = api != null && Js.truthy(api.get("restApiId"));
        if (external && !Js.truthy(api.get("restApiRootResourceId"))) {
            return false;
        }
        JsonNode tracing = settings.providerValue("tracing", "apiGateway");
        JsonNode logs = settings.providerValue("logs", "restApi");
        if (external && (Js.present(tracing) || Js.present(logs))) {
            return false;
        }
        if (!settings.stage().matches("^[-_a-zA-Z0-9]+$")) {
            return false;
        }
        JsonNode endpointType = settings.providerValue("endpointType");
        if (!external && Js.truthy(endpointType) && Js.truthy(settings.providerValue("vpcEndpointIds"))
                && !Js.string(endpointType).equalsIgnoreCase("PRIVATE")) {
            return false;
        }
        return true;
    }
}
