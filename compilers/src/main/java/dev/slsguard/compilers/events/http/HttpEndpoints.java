package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.engine.model.Refusal;
import java.util.List;
import java.util.Optional;

/** The {@code http} endpoints of one service, read event by event before the API is built. */
public final class HttpEndpoints {

    private HttpEndpoints() {
    }

    /** Reads one event; empty when v3 would stop on it (it is left out). */
    public static Optional<HttpEndpoint> read(EventItem event, CompileContext context) {
        return HttpEndpointReader.read(event, context.functions());
    }

    /** Builds the REST API of the compiled events. */
    public static List<Refusal> build(CompileContext context, List<EventItem> events) {
        List<HttpEndpoint> endpoints = events.stream().flatMap(e -> read(e, context).stream()).toList();
        if (!endpoints.isEmpty() && serviceAccepted(context)) {
            RestApiBuilder.build(context, endpoints);
        }
        return List.of();
    }

    /**
     * False when v3 refuses the service's API settings as a whole (external API without root
     * resource, tracing or logs on an external API, an invalid stage name, VPC endpoint ids on a
     * non-private API); validation rules report these.
     */
    private static boolean serviceAccepted(CompileContext context) {
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
