package dev.slsguard.compilers;

import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.YamlLoader;
import dev.slsguard.engine.vars.ResolvedDocument;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.engine.vars.VariableResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads and resolves a service with the real loader and resolver (real lines and columns). */
final class LoadedDocuments {

    private LoadedDocuments() {
    }

    static ResolvedDocument resolved(Path dir, String yaml) {
        try {
            Path file = dir.resolve("serverless.yml");
            Files.writeString(file, yaml);
            SourceDocument document = YamlLoader.load(file, "serverless.yml", Limits.DEFAULT);
            return VariableResolver.resolve(document, VariableOptions.none(), Limits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
