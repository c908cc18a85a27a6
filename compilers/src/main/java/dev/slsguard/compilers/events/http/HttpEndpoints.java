package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.events.CompileResult;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The {@code http} events of one service: read one by one, then built into one REST API. */
public final class HttpEndpoints {

    private HttpEndpoints() {
    }

    /** Reads one event: compiled, refused where v3 stops on it, or skipped when malformed. */
    public static CompileResult compile(EventItem event, CompileContext context) {
        HttpEndpointReader.Read read = HttpEndpointReader.read(event, context.functions());
        if (!read.refusals().isEmpty()) {
            return new CompileResult.Refused(read.refusals());
        }
        return read.endpoint().isPresent() ? CompileResult.COMPILED : CompileResult.SKIPPED;
    }

    /**
     * Builds the REST API of the compiled events; nothing when v3 refuses the service's API
     * settings (checked whenever the service has http events) or its resource tree.
     *
     * @return the refusals, at the first http event
     */
    public static List<Refusal> build(CompileContext context, List<EventItem> compiled) {
        Optional<EventItem> first = context.bound().events().stream().filter(e -> e.type() == EventType.HTTP)
                .min(Comparator.comparing(EventItem::ref, SourceRef.DOCUMENT_ORDER));
        if (first.isEmpty()) {
            return List.of();
        }
        List<Refusal> refusals = serviceRefusals(context.settings(), first.get());
        List<HttpEndpoint> endpoints = compiled.stream()
                .flatMap(e -> HttpEndpointReader.read(e, context.functions()).endpoint().stream()).toList();
        if (!refusals.isEmpty() || endpoints.isEmpty()) {
            return refusals;
        }
        return RestApiBuilder.build(context, endpoints).stream().toList();
    }

    /**
     * Where v3 refuses the service's API settings as a whole: an external API without root
     * resource, tracing or logs on an external API, an invalid stage name, VPC endpoint ids on a
     * non-private API.
     */
    private static List<Refusal> serviceRefusals(ServiceSettings settings, EventItem first) {
        List<Refusal> refusals = new ArrayList<>();
        MapNode provider = settings.provider();
        JsonNode api = settings.providerValue("apiGateway");
        boolean external = api != null && Js.truthy(api.get("restApiId"));
        if (external && !Js.truthy(api.get("restApiRootResourceId"))) {
            refusals.add(CompileResult.refusal(first, "API_GATEWAY_MISSING_REST_API_ROOT_RESOURCE_ID",
                    keyRef(provider, first.ref(), "apiGateway", "restApiId"), "provider.apiGateway.restApiId needs"
                            + " provider.apiGateway.restApiRootResourceId, the id of the external API's root resource;"
                            + " Serverless Framework v3 refuses to package without it"
                            + " (API_GATEWAY_MISSING_REST_API_ROOT_RESOURCE_ID)"));
        }
        if (external && Js.present(settings.providerValue("tracing", "apiGateway"))) {
            refusals.add(externalStageSetting(first, provider, "tracing", "apiGateway",
                    "API_GATEWAY_EXTERNAL_API_TRACING"));
        }
        if (external && Js.present(settings.providerValue("logs", "restApi"))) {
            refusals.add(externalStageSetting(first, provider, "logs", "restApi", "API_GATEWAY_EXTERNAL_API_LOGS"));
        }
        if (!settings.stage().matches("^[-_a-zA-Z0-9]+$")) {
            SourceRef where = provider.get("stage")
                    .filter(n -> n instanceof ScalarNode s && s.value() != null && s.text().equals(settings.stage()))
                    .map(Node::ref).orElse(first.ref());
            refusals.add(CompileResult.refusal(first, "API_GATEWAY_INVALID_STAGE_NAME", where, "stage '"
                    + settings.stage() + "' is not a valid API Gateway stage name (letters, digits, - and _ only);"
                    + " Serverless Framework v3 refuses to package http events with it"
                    + " (API_GATEWAY_INVALID_STAGE_NAME)"));
        }
        JsonNode endpointType = settings.providerValue("endpointType");
        if (!external && Js.truthy(endpointType) && Js.truthy(settings.providerValue("vpcEndpointIds"))
                && !Js.string(endpointType).equalsIgnoreCase("PRIVATE")) {
            refusals.add(CompileResult.refusal(first, "API_GATEWAY_INVALID_VPC_ENDPOINT_IDS_CONFIG",
                    keyRef(provider, first.ref(), "vpcEndpointIds"), "provider.vpcEndpointIds apply only to"
                            + " PRIVATE APIs but endpointType is " + Js.string(endpointType) + "; Serverless"
                            + " Framework v3 refuses to package this (API_GATEWAY_INVALID_VPC_ENDPOINT_IDS_CONFIG):"
                            + " set endpointType: PRIVATE or remove vpcEndpointIds"));
        }
        return refusals;
    }

    /** A stage setting an external REST API (whose stage is not managed here) cannot take. */
    private static Refusal externalStageSetting(EventItem first, MapNode provider, String section, String key,
                                                String code) {
        return CompileResult.refusal(first, code, keyRef(provider, first.ref(), section, key), "provider." + section
                + "." + key + " cannot apply to an external REST API (provider.apiGateway.restApiId): its stage is"
                + " not managed here. Serverless Framework v3 refuses to package this (" + code + "); remove the"
                + " setting");
    }

    /** The key at {@code path} under {@code provider}, or {@code fallback}. */
    private static SourceRef keyRef(MapNode provider, SourceRef fallback, String... path) {
        MapNode at = provider;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(at.get(path[i]).orElse(null) instanceof MapNode next)) {
                return fallback;
            }
            at = next;
        }
        return at.field(path[path.length - 1]).map(MapNode.Field::keyRef).orElse(fallback);
    }
}
