package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.WebsocketEvent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Checks of {@code websocket} events across a service: a route key declared twice, which v3 quietly
 * merges into one route.
 */
public final class WebsocketRoutes {

    private WebsocketRoutes() {
    }

    /**
     * The first event (functions in order, then events) that declares the route of {@code event},
     * when that is another, earlier event.
     */
    public static List<WebsocketEvent> earlierDeclaration(WebsocketEvent event, Collection<?> events,
                                                          Collection<?> functions) {
        Comparator<WebsocketEvent> order = Comparator.comparingLong(e -> order(e, functions));
        return events.stream().filter(WebsocketEvent.class::isInstance).map(WebsocketEvent.class::cast)
                .filter(e -> e.routeId().equals(event.routeId())).min(order)
                .filter(first -> order(first, functions) < order(event, functions)).stream().toList();
    }

    private static long order(WebsocketEvent event, Collection<?> functions) {
        int function = functions.stream().filter(Function.class::isInstance).map(Function.class::cast)
                .filter(f -> f.key().equals(event.function())).mapToInt(Function::index).findFirst().orElse(0);
        return (long) function * 100_000 + event.index();
    }
}
