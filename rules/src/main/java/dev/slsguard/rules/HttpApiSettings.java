package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors Serverless Framework v3 raises for the service-wide HTTP API settings
 * ({@code provider.httpApi}, {@code provider.logs.httpApi}) while resolving the API, each
 * {@link Violation} of the kind of its v3 error code. The settings' schema is
 * {@code http-api-settings.schema.json} beside the compilers.
 */
public final class HttpApiSettings {

    public static final String EXTERNAL_CORS = "EXTERNAL_HTTP_API_CORS_CONFIG";
    public static final String EXTERNAL_AUTHORIZERS = "EXTERNAL_HTTP_API_AUTHORIZERS_CONFIG";
    public static final String EXTERNAL_LOGS = "EXTERNAL_HTTP_API_LOGS_CONFIG";
    public static final String NO_FUNCTION = "HTTP_API_CUSTOM_AUTHORIZER_NEITHER_FUNCTION_ARN_NOR_FUNCTION_NAME_DEFINED";
    public static final String BOTH_FUNCTIONS =
            "HTTP_API_CUSTOM_AUTHORIZER_BOTH_FUNCTION_ARN_AND_FUNCTION_NAME_DEFINED";
    public static final String FUNCTION_NOT_FOUND = "HTTP_API_CUSTOM_AUTHORIZER_FUNCTION_NOT_FOUND_IN_SERVICE";
    public static final String TTL_WITHOUT_IDENTITY_SOURCE =
            "HTTP_API_CUSTOM_AUTHORIZER_IDENTITY_SOURCE_MISSING_WHEN_CACHING_ENABLED";

    private HttpApiSettings() {
    }

    /** Every error v3 raises for {@code provider.httpApi} and {@code provider.logs.httpApi} of the service. */
    public static List<Violation> violations(Service service) {
        List<Violation> out = new ArrayList<>();
        Setting root = service.settings();
        Setting httpApi = root.at("provider", "httpApi");
        boolean external = httpApi.get("id").truthy();
        if (httpApi.isMap()) {
            Setting cors = httpApi.get("cors");
            if (external && resolvedTruthy(cors)) {
                out.add(new Violation(EXTERNAL_CORS, where(cors), "CORS cannot be set up for an external HTTP API"
                        + " (provider.httpApi.id is set): remove provider.httpApi.cors and configure CORS where the API"
                        + " is defined; Serverless Framework v3 refuses this (EXTERNAL_HTTP_API_CORS_CONFIG)"));
            }
            Setting authorizers = httpApi.get("authorizers");
            if (authorizers.present() && !authorizers.unresolved()) {
                authorizers(out, authorizers, root, external);
            }
        }
        Setting logs = root.at("provider", "logs", "httpApi");
        if (external && resolvedTruthy(logs)) {
            out.add(new Violation(EXTERNAL_LOGS, logs.keyRef(), "access logs cannot be set up for an external"
                    + " HTTP API (provider.httpApi.id is set): remove provider.logs.httpApi and configure logging"
                    + " where the API is defined; Serverless Framework v3 refuses this"
                    + " (EXTERNAL_HTTP_API_LOGS_CONFIG)"));
        }
        return out;
    }

    /** {@code provider.httpApi.useProviderTags} when it is set to a truthy value (list of zero or one, for DRL). */
    public static List<Setting> useProviderTags(Service service) {
        Setting flag = service.settings().at("provider", "httpApi", "useProviderTags");
        return flag.truthy() ? List.of(flag) : List.of();
    }

    private static void authorizers(List<Violation> out, Setting authorizers, Setting root, boolean external) {
        if (external && authorizers.truthy()) {
            out.add(new Violation(EXTERNAL_AUTHORIZERS, authorizers.keyRef(), "authorizers cannot be set up for an"
                    + " external HTTP API (provider.httpApi.id is set): remove provider.httpApi.authorizers and"
                    + " reference the external API's authorizers by id in the events; Serverless Framework v3 refuses"
                    + " this (EXTERNAL_HTTP_API_AUTHORIZERS_CONFIG)"));
        }
        List<String> functions = root.get("functions").keys();
        for (Setting authorizer : authorizers.members()) {
            if (authorizer.isMap() && authorizer.get("type").isText()
                    && authorizer.get("type").textOr("").equals("request")
                    && authorizer.members().stream().noneMatch(Setting::unresolved)) {
                requestAuthorizer(out, authorizer, functions);
            }
        }
    }

    /** v3's checks of a {@code type: request} authorizer, in v3's order (the first failing one stops it). */
    private static void requestAuthorizer(List<Violation> out, Setting authorizer, List<String> functions) {
        String key = authorizer.name();
        Setting arn = authorizer.get("functionArn");
        Setting name = authorizer.get("functionName");
        if (!arn.truthy() && !name.truthy()) {
            out.add(new Violation(NO_FUNCTION, authorizer.keyRef(), "request authorizer " + key + " needs functionName"
                    + " (a function of this service) or functionArn (an external Lambda); Serverless Framework v3"
                    + " refuses this (" + NO_FUNCTION + ")"));
        } else if (arn.truthy() && name.truthy()) {
            out.add(new Violation(BOTH_FUNCTIONS, authorizer.keyRef(), "request authorizer " + key + " sets both"
                    + " functionName and functionArn: keep only one; Serverless Framework v3 refuses this ("
                    + BOTH_FUNCTIONS + ")"));
        } else if (name.truthy() && name.isText()) {
            String function = name.textOr("");
            if (!functions.contains(function)) {
                out.add(new Violation(FUNCTION_NOT_FOUND, name.ref(), "functionName '" + function
                        + "' of authorizer " + key + " is not a function of this service"
                        + Spelling.hint(function, functions) + "; use a key under functions, or functionArn for an"
                        + " external Lambda; Serverless Framework v3 refuses this (" + FUNCTION_NOT_FOUND + ")"));
            }
        }
        Setting ttl = authorizer.get("resultTtlInSeconds");
        if (ttl.truthy() && !authorizer.get("identitySource").truthy()) {
            out.add(new Violation(TTL_WITHOUT_IDENTITY_SOURCE, where(ttl), "request authorizer " + key
                    + " caches results (resultTtlInSeconds " + ttl.shown() + ") but has no"
                    + " identitySource to key the cache: add identitySource (like $request.header.Authorization) or"
                    + " set resultTtlInSeconds: 0; Serverless Framework v3 refuses this ("
                    + TTL_WITHOUT_IDENTITY_SOURCE + ")"));
        }
    }

    /**
     * Where a function's effective timeout is written: its own {@code timeout}, else
     * {@code provider.timeout}, else the function's key.
     */
    public static SourceRef timeoutRef(Function function, Service service) {
        Setting own = function.settings().get("timeout");
        if (own.truthy()) {
            return own.ref();
        }
        Setting provider = service.settings().at("provider", "timeout");
        return provider.truthy() ? provider.ref() : function.ref();
    }

    private static boolean resolvedTruthy(Setting value) {
        return !value.unresolved() && value.truthy();
    }

    /** A scalar at its value, a mapping or list at its key. */
    private static SourceRef where(Setting value) {
        return value.isScalar() ? value.ref() : value.keyRef();
    }
}
