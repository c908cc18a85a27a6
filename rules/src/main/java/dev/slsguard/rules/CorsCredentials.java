package dev.slsguard.rules;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;
import java.util.Optional;

/**
 * CORS settings that let any origin make credentialed requests, with Serverless Framework v3's
 * defaults: an {@code http} event's {@code cors} allows origin {@code '*'} unless {@code origin} or
 * {@code origins} says otherwise; {@code provider.httpApi.cors} and a function's {@code url.cors}
 * allow {@code '*'} unless {@code allowedOrigins} is given.
 */
public final class CorsCredentials {

    private CorsCredentials() {
    }

    /** The {@code allowCredentials} node of an {@code http} event's cors that allows any origin. */
    public static List<Node> restEvent(Node eventConfig) {
        if (!(eventConfig instanceof MapNode event) || !(event.get("cors").orElse(null) instanceof MapNode cors)) {
            return List.of();
        }
        Optional<Node> credentials = cors.get("allowCredentials").filter(CorsCredentials::truthy);
        if (credentials.isEmpty()) {
            return List.of();
        }
        boolean anyOrigin = cors.get("origins").map(CorsCredentials::containsStar)
                .orElseGet(() -> cors.get("origin").map(CorsCredentials::containsStar).orElse(true));
        return anyOrigin ? List.of(credentials.get()) : List.of();
    }

    /** The {@code allowCredentials} node of {@code provider.httpApi.cors} when it allows any origin. */
    public static List<Node> httpApi(Service service) {
        return allowedOriginsWithCredentials(service.config().at("provider", "httpApi", "cors").orElse(null));
    }

    /**
     * The {@code allowCredentials} node of a function URL's {@code url.cors} when it allows any
     * origin ({@code allowedOrigins} not given, which v3 turns into {@code '*'}, or holding it).
     */
    public static List<Node> functionUrl(Function function) {
        return allowedOriginsWithCredentials(function.config().at("url", "cors").orElse(null));
    }

    /**
     * The {@code allowCredentials} node of a CORS map written with {@code allowedOrigins} (httpApi,
     * function URLs) when it allows credentials from any origin; a missing list means {@code '*'}.
     */
    private static List<Node> allowedOriginsWithCredentials(Node corsNode) {
        if (!(corsNode instanceof MapNode cors)) {
            return List.of();
        }
        Optional<Node> credentials = cors.get("allowCredentials").filter(CorsCredentials::truthy);
        if (credentials.isEmpty()) {
            return List.of();
        }
        boolean anyOrigin = cors.get("allowedOrigins").map(CorsCredentials::containsStar).orElse(true);
        return anyOrigin ? List.of(credentials.get()) : List.of();
    }

    private static boolean truthy(Node node) {
        return Options.bool(node).orElse(false);
    }

    /** {@code '*'} or a list holding {@code '*'}. */
    private static boolean containsStar(Node node) {
        if (node instanceof ListNode list) {
            return list.items().stream().anyMatch(CorsCredentials::containsStar);
        }
        return LambdaPermissions.text(node).filter("*"::equals).isPresent();
    }
}
