package dev.slsguard.compilers;

import dev.slsguard.engine.schema.SchemaStage;
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

/**
 * Loads, resolves and schema-checks a service with the real stages (real lines and columns): the
 * document as the pipeline hands it to the compilers, values coerced as v3 does.
 */
final class LoadedDocuments {

    private LoadedDocuments() {
    }

    static ResolvedDocument resolved(Path dir, String yaml) {
        try {
            Path file = dir.resolve("serverless.yml");
            Files.writeString(file, yaml);
            SourceDocument document = YamlLoader.load(file, "serverless.yml", Limits.DEFAULT);
            ResolvedDocument resolved = VariableResolver.resolve(document, VariableOptions.none(), Limits.DEFAULT);
            return SchemaStage.check(resolved, new ServerlessCompiler().schemas()).document();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
