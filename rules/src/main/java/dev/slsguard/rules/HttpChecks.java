package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The warnings Serverless Framework v3 prints for {@code http} events, and the API keys it refuses
 * while still packaging them here. The conditions at which v3 stops on an event are the http
 * compiler's refusals. Each {@link Violation}'s kind is one of the constants below.
 */
public final class HttpChecks {

    public static final String PROXY_REQUEST = "proxy-request";
    public static final String PROXY_RESPONSE = "proxy-response";
    public static final String KEY_WITHOUT_USAGE_PLAN = "API_GATEWAY_KEY_WITHOUT_USAGE_PLAN";

    private HttpChecks() {
    }

    /** v3's warnings for the request and response settings a proxy integration drops. */
    public static List<Violation> proxyWarnings(EventDecl event) {
        List<Violation> out = new ArrayList<>();
        Node config = event.config();
        if (!(config instanceof MapNode map) || Options.unresolved(config)) {
            return out;
        }
        String integration = integration(map);
        if (integration.equals("AWS_PROXY") || integration.equals("HTTP_PROXY")) {
            List<String> allowed = integration.equals("AWS_PROXY") ? List.of("parameters", "schema", "schemas")
                    : List.of("parameters", "uri", "schema", "schemas");
            map.get("request").filter(MapNode.class::isInstance).map(MapNode.class::cast).ifPresent(request -> {
                for (MapNode.Field f : request.fields()) {
                    if (!allowed.contains(f.key())) {
                        out.add(new Violation(PROXY_REQUEST, f.keyRef(), "request." + f.key() + " has no effect with"
                                + " the " + integration + " integration (only request." + String.join(", request.", allowed)
                                + " apply): Serverless Framework v3 drops it; remove it or use integration "
                                + (integration.equals("AWS_PROXY") ? "lambda" : "http")));
                    }
                }
            });
            map.field("response").ifPresent(f -> out.add(new Violation(PROXY_RESPONSE, f.keyRef(), "response has no"
                    + " effect with the " + integration + " integration, where the backend writes the whole response:"
                    + " Serverless Framework v3 drops it; remove it or use integration "
                    + (integration.equals("AWS_PROXY") ? "lambda" : "http"))));
        }
        return out;
    }

    /** The integration type as v3 reads it (upper case, first {@code -} as {@code _}, lambda names mapped). */
    private static String integration(MapNode http) {
        Optional<String> given = http.get("integration").flatMap(Options::string).filter(t -> !t.isEmpty());
        if (given.isPresent()) {
            String normalized = given.get().toUpperCase(Locale.ROOT).replaceFirst("-", "_");
            return switch (normalized) {
                case "LAMBDA" -> "AWS";
                case "LAMBDA_PROXY" -> "AWS_PROXY";
                default -> normalized;
            };
        }
        return http.get("async").flatMap(Options::bool).orElse(false) ? "AWS" : "AWS_PROXY";
    }

    /**
     * Groups of {@code provider.apiGateway.apiKeys} named after no usage plan (v3's
     * {@code API_GATEWAY_KEY_WITHOUT_USAGE_PLAN}; the compiler packages them all the same).
     */
    public static List<Violation> keysWithoutUsagePlan(Service service) {
        List<Violation> out = new ArrayList<>();
        Optional<Node> keys = service.config().at("provider", "apiGateway", "apiKeys");
        if (keys.isEmpty() || !(keys.get() instanceof ListNode list)) {
            return out;
        }
        Optional<Node> plans = service.config().at("provider", "apiGateway", "usagePlan");
        List<String> names = new ArrayList<>();
        if (plans.isPresent() && plans.get() instanceof ListNode planList) {
            for (Node plan : planList.items()) {
                if (plan instanceof MapNode m && m.size() > 0) {
                    names.add(m.keys().get(0));
                }
            }
        } else {
            names.add("default");
        }
        for (Node key : list.items()) {
            if (key instanceof MapNode m && m.size() > 0) {
                MapNode.Field first = m.fields().get(0);
                boolean object = first.value() instanceof MapNode || first.value() instanceof ListNode;
                if (!names.isEmpty() && !names.contains(first.key()) && object) {
                    out.add(new Violation(KEY_WITHOUT_USAGE_PLAN, first.keyRef(), "API keys '" + first.key()
                            + "' belong to no usage plan (plans: " + String.join(", ", names) + "); Serverless"
                            + " Framework v3 refuses to package this (API_GATEWAY_KEY_WITHOUT_USAGE_PLAN): add a"
                            + " usagePlan entry named " + first.key() + " or rename the key group"));
                }
            }
        }
        return out;
    }
}
