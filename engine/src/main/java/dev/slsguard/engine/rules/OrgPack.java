package dev.slsguard.engine.rules;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An org rule pack as loaded: its directory and what its optional {@code pack.yml} says
 * ({@code name}, {@code version}, {@code description}). Without a {@code pack.yml}, or without a
 * {@code name} in it, the pack is named after its directory.
 *
 * @param name        {@code acme-guardrails}
 * @param version     {@code 1.4.0}, when given
 * @param description one line on what the pack enforces, when given
 * @param directory   the directory as the user gave it, with {@code /} separators
 */
public record OrgPack(String name, Optional<String> version, Optional<String> description, String directory) {

    /** The optional file in a pack's directory that names and versions the pack. */
    public static final String MANIFEST = "pack.yml";

    private static final List<String> KEYS = List.of("name", "version", "description");

    public OrgPack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(directory, "directory");
    }

    /** {@code name version}, or the name alone when the pack has no version. */
    public String label() {
        return version.map(v -> name + " " + v).orElse(name);
    }

    /**
     * Reads the pack in {@code dir}.
     *
     * @param shown the directory as the user gave it, for locations
     * @throws UserError when {@code pack.yml} is not YAML, not a mapping, has another key than
     *                   {@code name}, {@code version}, {@code description}, or a value that is not text
     */
    static OrgPack read(Path dir, String shown) {
        String directory = shown.replace('\\', '/');
        String base = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        String fallback = dir.toAbsolutePath().normalize().getFileName() == null ? base
                : dir.toAbsolutePath().normalize().getFileName().toString();
        Path file = dir.resolve(MANIFEST);
        if (!Files.exists(file)) {
            return new OrgPack(fallback, Optional.empty(), Optional.empty(), base);
        }
        String display = base + "/" + MANIFEST;
        SourceDocument document = YamlLoader.loadFragment(file, display, Limits.DEFAULT);
        Node root = document.root();
        if (root instanceof ScalarNode scalar && scalar.value() == null) {
            return new OrgPack(fallback, Optional.empty(), Optional.empty(), base);
        }
        if (!(root instanceof MapNode map)) {
            throw new UserError(root.ref(), MANIFEST + " must be a mapping with name, version and description,"
                    + " not " + article(root.kind()));
        }
        for (MapNode.Field field : map.fields()) {
            if (!KEYS.contains(field.key())) {
                throw new UserError(field.keyRef(), "unknown key \"" + field.key() + "\" in " + MANIFEST
                        + " (allowed: name, version, description)");
            }
        }
        Optional<String> name = text(map, "name");
        return new OrgPack(name.orElse(fallback), text(map, "version"), text(map, "description"), base);
    }

    /** A value as text: a string or an integer; absent, null or blank is empty. */
    private static Optional<String> text(MapNode map, String key) {
        Optional<MapNode.Field> field = map.field(key);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Node value = field.get().value();
        SourceRef where = value.ref();
        if (value instanceof ScalarNode scalar) {
            Object v = scalar.value();
            if (v == null) {
                return Optional.empty();
            }
            if (v instanceof String s) {
                if (s.contains("\n") && !key.equals("description")) {
                    throw new UserError(where, key + " in " + MANIFEST + " must be one line");
                }
                return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
            }
            if (v instanceof Long || v instanceof java.math.BigInteger) {
                return Optional.of(scalar.text());
            }
            throw new UserError(where, key + " in " + MANIFEST + " must be text, not " + article(scalar.kind())
                    + (key.equals("version") ? "; quote it (version: \"1.10\") so that it is read as written" : ""));
        }
        throw new UserError(where, key + " in " + MANIFEST + " must be text, not " + article(value.kind()));
    }

    private static String article(String kind) {
        return (kind.matches("[aeiou].*") ? "an " : "a ") + kind;
    }
}
