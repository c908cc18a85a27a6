package dev.slsguard.compilers.events.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * An endpoint's CORS settings after v3's {@code getCors}, and the per-path preflight settings
 * merged from every endpoint of a path (lists united, the last origin, maxAge and cacheControl
 * win, credentials if any endpoint allows them).
 *
 * @param origin           the single origin ({@code *} by default), if any
 * @param origins          several origins, if given
 * @param methods          the allowed methods (always with {@code OPTIONS} and the endpoint's method)
 * @param headers          the allowed headers
 * @param allowCredentials whether credentials are allowed
 * @param maxAge           {@code maxAge} as written (string form of a number), if any
 * @param cacheControl     {@code cacheControl}, if any
 */
record CorsSettings(Optional<String> origin, Optional<List<String>> origins, List<String> methods,
                    List<String> headers, boolean allowCredentials, Optional<String> maxAge,
                    Optional<String> cacheControl) {

    static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key",
            "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Amzn-Trace-Id");

    /** The preflight of a path after this endpoint's settings are merged into {@code before} ({@code _.union} order). */
    CorsSettings mergedInto(Optional<CorsSettings> before) {
        List<String> noList = List.of();
        return new CorsSettings(origin,
                Optional.of(union(origins.orElse(noList), before.flatMap(CorsSettings::origins).orElse(noList))),
                union(methods, before.map(CorsSettings::methods).orElse(noList)),
                union(headers, before.map(CorsSettings::headers).orElse(noList)),
                before.map(CorsSettings::allowCredentials).orElse(false) || allowCredentials,
                maxAge.isPresent() ? maxAge : before.flatMap(CorsSettings::maxAge),
                cacheControl.isPresent() ? cacheControl : before.flatMap(CorsSettings::cacheControl));
    }

    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return new ArrayList<>(all);
    }
}
