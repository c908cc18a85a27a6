package dev.slsguard.rules;

import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route keys of a service's {@code httpApi} events, as v3 builds them across functions
 * ({@code "GET /users/{id}"}; {@code *} methods are {@code ANY}), to find routes declared twice.
 */
public final class HttpApiRoutes {

    public static final String DUPLICATE = "DUPLICATE_HTTP_API_ROUTE";

    private static final Pattern METHOD_PATH = Pattern.compile(
            "^(" + String.join("|", HttpApiSchema.METHODS) + ") (/\\S*)$", Pattern.CASE_INSENSITIVE);

    private HttpApiRoutes() {
    }

    /**
     * One violation per event whose route an earlier event (in v3's order: functions, then
     * events) already declared, at the later event. The catch-all route {@code *} may repeat.
     */
    public static List<Violation> duplicates(Collection<?> declarations, Collection<?> functions) {
        Map<String, Integer> position = new HashMap<>();
        for (Object o : functions) {
            Function f = (Function) o;
            position.put(f.key(), f.index());
        }
        List<EventDecl> ordered = new ArrayList<>();
        for (Object o : declarations) {
            ordered.add((EventDecl) o);
        }
        ordered.sort(Comparator.comparingInt((EventDecl e) -> position.getOrDefault(e.function(), Integer.MAX_VALUE))
                .thenComparing(EventDecl::function).thenComparingInt(EventDecl::index));
        Map<String, EventDecl> first = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (EventDecl event : ordered) {
            Optional<String> key = routeKey(event.config());
            if (key.isEmpty()) {
                continue;
            }
            EventDecl earlier = first.putIfAbsent(key.get(), event);
            if (earlier != null) {
                violations.add(new Violation(DUPLICATE, event.ref(), "route '" + key.get() + "' is already declared"
                        + (earlier.function().equals(event.function()) ? " by event " + (earlier.index() + 1)
                        + " of this function" : " by function " + earlier.function())
                        + ": each method and path may have one handler; remove one of them (Serverless Framework v3"
                        + " refuses this: DUPLICATE_HTTP_API_ROUTE)"));
            }
        }
        return violations;
    }

    /** The route key v3 builds for a valid event other than the catch-all route. */
    static Optional<String> routeKey(Node config) {
        String method;
        String path;
        if (config instanceof MapNode map) {
            Optional<String> m = map.get("method").filter(HttpApiSchema::truthy)
                    .filter(n -> !Options.unresolved(n)).flatMap(HttpApiSchema::scalarText);
            Optional<String> p = map.get("path").filter(n -> !Options.unresolved(n))
                    .flatMap(HttpApiSchema::scalarText);
            if (m.isEmpty() || p.isEmpty()) {
                return Optional.empty();
            }
            method = m.get();
            path = p.get();
        } else if (Options.isString(config) && !Options.unresolved(config)) {
            Matcher matcher = METHOD_PATH.matcher(Options.string(config).orElse(""));
            if (!matcher.matches()) {
                return Optional.empty();
            }
            method = matcher.group(1);
            path = matcher.group(2);
        } else {
            return Optional.empty();
        }
        if (path.equals("*")) {
            return Optional.empty();
        }
        method = method.toUpperCase(Locale.ROOT);
        if (method.equals("*")) {
            method = "ANY";
        }
        if (!HttpApiSchema.METHODS.contains(method)) {
            return Optional.empty();
        }
        return Optional.of(method + " " + path);
    }
}
