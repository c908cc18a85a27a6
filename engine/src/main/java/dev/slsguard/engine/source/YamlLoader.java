package dev.slsguard.engine.source;

import java.nio.file.Path;

/** Loads serverless.yml / .yaml / .json into a located node tree. */
public final class YamlLoader {

    private YamlLoader() {
    }

    public static SourceDocument load(Path file, String displayName, Limits limits) {
        throw new UnsupportedOperationException("TODO");
    }
}
