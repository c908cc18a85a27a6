package dev.slsguard.rules;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import java.util.List;

/**
 * CORS settings that let any origin make credentialed requests, with Serverless Framework v3's
 * defaults: an {@code http} event's {@code cors} allows origin {@code '*'} unless {@code origin} or
 * {@code origins} says otherwise; {@code provider.httpApi.cors} and a function's {@code url.cors}
 * allow {@code '*'} unless {@code allowedOrigins} is given.
 */
public final class CorsCredentials {

    private CorsCredentials() {
    }

    /** The {@code allowCredentials} setting of an {@code http} event's cors that allows any origin. */
    public static List<Setting> restEvent(Setting event) {
        Setting cors = event.get("cors");
        Setting credentials = cors.get("allowCredentials");
        if (!cors.isMap() || !credentials.isTrue()) {
            return List.of();
        }
        Setting origins = cors.get("origins");
        Setting origin = cors.get("origin");
        boolean anyOrigin = origins.present() ? containsStar(origins) : !origin.present() || containsStar(origin);
        return anyOrigin ? List.of(credentials) : List.of();
    }

    /** The {@code allowCredentials} setting of {@code provider.httpApi.cors} when it allows any origin. */
    public static List<Setting> httpApi(Service service) {
        return allowedOriginsWithCredentials(service.settings().at("provider", "httpApi", "cors"));
    }

    /**
     * The {@code allowCredentials} setting of a function URL's {@code url.cors} when it allows any
     * origin ({@code allowedOrigins} not given, which v3 turns into {@code '*'}, or holding it).
     */
    public static List<Setting> functionUrl(Function function) {
        return allowedOriginsWithCredentials(function.settings().at("url", "cors"));
    }

    /**
     * The {@code allowCredentials} setting of a CORS map written with {@code allowedOrigins}
     * (httpApi, function URLs) when it allows credentials from any origin; a missing list means
     * {@code '*'}.
     */
    private static List<Setting> allowedOriginsWithCredentials(Setting cors) {
        Setting credentials = cors.get("allowCredentials");
        if (!cors.isMap() || !credentials.isTrue()) {
            return List.of();
        }
        Setting origins = cors.get("allowedOrigins");
        return !origins.present() || containsStar(origins) ? List.of(credentials) : List.of();
    }

    /** {@code '*'} or a list holding {@code '*'}. */
    private static boolean containsStar(Setting value) {
        if (value.isList()) {
            return value.items().stream().anyMatch(CorsCredentials::containsStar);
        }
        return value.isText() && value.textOr("").equals("*");
    }
}
