package dev.slsguard.engine.vars;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.io.InputFile;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files {@code ${file(...)}} may read: only inside the service directory (after normalisation and
 * symlink resolution), each loaded once, under the same limits as the configuration.
 */
final class ServiceFiles {

    /** What kind of content a file holds, by its extension (as v3 decides). */
    enum Kind { DOCUMENT, SCRIPT, TEXT }

    private final Path serviceDir;
    private final String configDisplayName;
    private final Limits limits;
    private final Map<Path, SourceDocument> documents = new LinkedHashMap<>();
    private final Map<Path, String> texts = new HashMap<>();

    ServiceFiles(SourceDocument config, Limits limits) {
        Path configPath = config.path().toAbsolutePath().normalize();
        this.serviceDir = configPath.getParent() == null ? configPath : configPath.getParent();
        this.configDisplayName = config.displayName();
        this.limits = limits;
    }

    /**
     * The file {@code relative} names, relative to the service directory; empty when it does not exist.
     *
     * @param variable the variable as written, for the message
     * @throws UserError when the path leaves the service directory
     */
    Optional<Path> locate(String relative, String variable, SourceRef ref) {
        Path target;
        try {
            target = serviceDir.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new UserError(ref, variable + " names an invalid path");
        }
        if (!target.startsWith(serviceDir)) {
            throw outside(variable, ref);
        }
        if (!Files.exists(target)) {
            return Optional.empty();
        }
        try {
            Path real = target.toRealPath();
            if (!real.startsWith(serviceDir.toRealPath())) {
                throw outside(variable, ref);
            }
            return Optional.of(real);
        } catch (IOException e) {
            throw new UserError(ref, variable + " cannot be read: " + InputFile.reason(e), e);
        }
    }

    static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json") || name.endsWith(".tfstate")) {
            return Kind.DOCUMENT;
        }
        if (name.endsWith(".js") || name.endsWith(".cjs") || name.endsWith(".mjs") || name.endsWith(".ts")) {
            return Kind.SCRIPT;
        }
        return Kind.TEXT;
    }

    /** The YAML/JSON document in {@code file} (any root; an empty file is a null scalar). */
    SourceDocument document(Path file) {
        return documents.computeIfAbsent(file, f -> YamlLoader.loadFragment(f, displayName(f), limits));
    }

    /** The YAML/JSON documents read so far, in the order they were first read. */
    List<SourceDocument> documents() {
        return List.copyOf(documents.values());
    }

    /** The text in {@code file}. */
    String text(Path file) {
        return texts.computeIfAbsent(file, f -> YamlLoader.readText(f, displayName(f), limits));
    }

    /** A name for locations in {@code file}: beside the configuration's own display name. */
    private String displayName(Path file) {
        Path relative;
        try {
            relative = serviceDir.toRealPath().relativize(file);
        } catch (IOException e) {
            relative = file.getFileName();
        }
        Path shown = Path.of(configDisplayName).resolveSibling(relative).normalize();
        return shown.toString().replace('\\', '/');
    }

    private static UserError outside(String variable, SourceRef ref) {
        return new UserError(ref, variable + " points outside the service directory; slsguard reads only files "
                + "inside it");
    }
}
