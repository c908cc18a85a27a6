package dev.slsguard.rules.validation;

import dev.slsguard.rules.Violation;
import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        Setting http = event.options();
        if (!http.isMap()) {
            return out;
        }
        String integration = integration(http);
        if (integration.equals("AWS_PROXY") || integration.equals("HTTP_PROXY")) {
            String instead = integration.equals("AWS_PROXY") ? "lambda" : "http";
            List<String> allowed = integration.equals("AWS_PROXY") ? List.of("parameters", "schema", "schemas")
                    : List.of("parameters", "uri", "schema", "schemas");
            for (Setting option : http.get("request").members()) {
                if (!allowed.contains(option.name())) {
                    out.add(new Violation(PROXY_REQUEST, option.keyRef(), "request." + option.name() + " has no effect"
                            + " with the " + integration + " integration (only request."
                            + String.join(", request.", allowed) + " apply): Serverless Framework v3 drops it; remove"
                            + " it or use integration " + instead));
                }
            }
            Setting response = http.get("response");
            if (response.present()) {
                out.add(new Violation(PROXY_RESPONSE, response.keyRef(), "response has no effect with the "
                        + integration + " integration, where the backend writes the whole response: Serverless"
                        + " Framework v3 drops it; remove it or use integration " + instead));
            }
        }
        return out;
    }

    /** The integration type as v3 reads it (upper case, first {@code -} as {@code _}, lambda names mapped). */
    private static String integration(Setting http) {
        String given = http.get("integration").textOr("");
        if (!given.isEmpty()) {
            String normalized = given.toUpperCase(Locale.ROOT).replaceFirst("-", "_");
            return switch (normalized) {
                case "LAMBDA" -> "AWS";
                case "LAMBDA_PROXY" -> "AWS_PROXY";
                default -> normalized;
            };
        }
        return http.get("async").isTrue() ? "AWS" : "AWS_PROXY";
    }

    /**
     * Groups of {@code provider.apiGateway.apiKeys} named after no usage plan (v3's
     * {@code API_GATEWAY_KEY_WITHOUT_USAGE_PLAN}; the compiler packages them all the same).
     */
    public static List<Violation> keysWithoutUsagePlan(Service service) {
        List<Violation> out = new ArrayList<>();
        Setting apiGateway = service.settings().at("provider", "apiGateway");
        Setting keys = apiGateway.get("apiKeys");
        if (!keys.isList()) {
            return out;
        }
        Setting plans = apiGateway.get("usagePlan");
        List<String> names = new ArrayList<>();
        if (plans.isList()) {
            for (Setting plan : plans.items()) {
                if (plan.size() > 0) {
                    names.add(plan.keys().get(0));
                }
            }
        } else {
            names.add("default");
        }
        for (Setting key : keys.items()) {
            if (key.isMap() && key.size() > 0) {
                Setting group = key.members().get(0);
                if (!names.isEmpty() && !names.contains(group.name()) && (group.isMap() || group.isList())) {
                    out.add(new Violation(KEY_WITHOUT_USAGE_PLAN, group.keyRef(), "API keys '" + group.name()
                            + "' belong to no usage plan (plans: " + String.join(", ", names) + "); Serverless"
                            + " Framework v3 refuses to package this (API_GATEWAY_KEY_WITHOUT_USAGE_PLAN): add a"
                            + " usagePlan entry named " + group.name() + " or rename the key group"));
                }
            }
        }
        return out;
    }
}
