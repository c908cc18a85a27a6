package dev.slsguard.rules.api;

import dev.slsguard.engine.model.AlbEvent;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which load balancer path patterns look public by design: the root page, health and status
 * checks, and static assets. Requests to any other path usually reach code or data that should
 * know who is calling.
 */
public final class PublicPaths {

    /** A rule that forwards paths that do not look public without authenticating the caller. */
    public record Unauthenticated(SourceRef where, List<String> paths) {
    }

    private static final Set<String> PUBLIC_PAGES = Set.of("/", "/ping", "/status", "/favicon.ico", "/robots.txt");
    private static final Set<String> PUBLIC_FOLDERS = Set.of("public", "static", "assets");
    private static final Pattern STATIC_ASSET = Pattern.compile(
            ".*\\.(css|js|mjs|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|eot)");

    private PublicPaths() {
    }

    /**
     * True for {@code /}, {@code /ping}, {@code /status}, {@code /health*}, {@code /favicon.ico},
     * {@code /robots.txt}, paths under {@code /public/}, {@code /static/} or {@code /assets/}, and
     * static asset files ({@code /*.css}, {@code /img/*.png}); {@code /*} is not.
     */
    public static boolean looksPublic(String pattern) {
        String path = pattern.toLowerCase(Locale.ROOT);
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (PUBLIC_PAGES.contains(trimmed) || path.startsWith("/health")) {
            return true;
        }
        String[] segments = path.split("/", -1);
        if (segments.length >= 2 && PUBLIC_FOLDERS.contains(segments[1])) {
            return true;
        }
        String last = segments[segments.length - 1];
        return STATIC_ASSET.matcher(last).matches() && !last.substring(last.lastIndexOf('.')).contains("*");
    }

    /**
     * The event's path patterns that do not look public, reported at the first of them; or, for a
     * rule without a path condition (every path), the conditions. Nothing when the rule
     * authenticates its callers.
     */
    public static List<Unauthenticated> of(AlbEvent event) {
        if (event.authenticates()) {
            return List.of();
        }
        Setting pathCondition = event.conditions().get("path");
        if (!pathCondition.present()) {
            return List.of(new Unauthenticated(event.conditions().keyRef(), List.of()));
        }
        List<Setting> items = pathCondition.isList() ? pathCondition.items() : List.of(pathCondition);
        List<String> open = new ArrayList<>();
        SourceRef where = null;
        for (Setting item : items) {
            if (item.unresolved() || !item.isText()) {
                continue; // a variable left for deploy time, or no path (the schema reports it)
            }
            String path = item.textOr("");
            if (!looksPublic(path)) {
                open.add(path);
                where = where == null ? item.ref() : where;
            }
        }
        return open.isEmpty() ? List.of() : List.of(new Unauthenticated(where, open));
    }
}
