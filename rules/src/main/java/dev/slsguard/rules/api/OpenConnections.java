package dev.slsguard.rules.api;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.WebsocketEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Where a WebSocket API lets any client connect: a WebSocket API can check callers only when they
 * connect, with an authorizer on its {@code $connect} route; without one (or without a
 * {@code $connect} route at all, when API Gateway accepts every connection) each route is open.
 */
public final class OpenConnections {

    /** One place to report, and what to say there. */
    public record Opening(SourceRef where, String message) {
    }

    private static final Comparator<WebsocketEvent> FILE_ORDER = Comparator
            .comparing((WebsocketEvent e) -> e.ref().file())
            .thenComparingInt(e -> e.ref().line())
            .thenComparingInt(e -> e.ref().column());

    private OpenConnections() {
    }

    /**
     * Each {@code $connect} event without authorizer; or, when the service's own API has no
     * {@code $connect} route, its first websocket event (an external API may have its
     * {@code $connect} route elsewhere).
     */
    public static List<Opening> of(Collection<?> facts) {
        List<WebsocketEvent> events = new ArrayList<>();
        for (Object fact : facts) {
            events.add((WebsocketEvent) fact);
        }
        events.sort(FILE_ORDER);
        List<Opening> out = new ArrayList<>();
        boolean connect = false;
        for (WebsocketEvent event : events) {
            if (event.isConnect()) {
                connect = true;
                if (event.unauthorized()) {
                    out.add(new Opening(event.routeRef(), "the $connect route of function " + event.function()
                            + " has no authorizer, so any client can connect to the WebSocket API and then call"
                            + " every route; add authorizer: <function> (a Lambda authorizer of this service, or its"
                            + " ARN) with the identitySource the clients send"));
                }
            }
        }
        if (!connect && !events.isEmpty() && !events.get(0).externalApi()) {
            WebsocketEvent first = events.get(0);
            out.add(new Opening(first.ref(), "the WebSocket API has no $connect route, so API Gateway accepts every"
                    + " connection and any client can call route " + first.route() + " of function "
                    + first.function() + " (and every other route); add a $connect route with an authorizer"));
        }
        return out;
    }
}
