package dev.slsguard.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.YamlLoader;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.engine.vars.VariableResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes variable resolution ({@code ${self:} ${opt:} ${env:} ${param:} ${file()} ${sls:}}, fallbacks,
 * nesting): a service resolves, or is refused with a {@link UserError} located in the service or in
 * a file it includes. The service directory holds a YAML file, a JSON file, a text file and a
 * directory for {@code ${file()}} to find. The seeds run in every build; see docs/fuzzing.md.
 */
class VariablesFuzzTest {

    private static final Limits LIMITS = new Limits(1024 * 1024, 64, 50_000);

    private static final VariableOptions OPTIONS = new VariableOptions(Optional.of("dev"), Optional.of("eu-west-1"),
            Map.of("stage", "dev", "region", "eu-west-1", "flag", "on"), Map.of("team", "core"),
            Map.of("HOME_TABLE", "homes", "DEPTH", "${env:DEPTH}"));

    private static FuzzWorkspace workspace;

    @BeforeAll
    static void open() {
        workspace = new FuzzWorkspace("slsguard-fuzz-vars");
        workspace.write("config/settings.yml", "memory: 256\ntable: ${self:service}-t\nnested:\n  deep: [1, 2]\n"
                .getBytes(StandardCharsets.UTF_8));
        workspace.write("config/values.json", "{\"a\": {\"b\": \"c\"}, \"list\": [1, \"${opt:stage}\"]}"
                .getBytes(StandardCharsets.UTF_8));
        workspace.write("notes.txt", "plain text\n".getBytes(StandardCharsets.UTF_8));
        workspace.write("empty/.keep", new byte[0]);
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @FuzzTest(maxDuration = "1h")
    void resolve(byte[] input) {
        SourceDocument document;
        try {
            document = YamlLoader.load(workspace.write("serverless.yml", input), "serverless.yml", LIMITS);
        } catch (UserError e) {
            FuzzAssertions.assertLocated(e, input, "serverless.yml");
            return;
        }
        try {
            VariableResolver.resolve(document, OPTIONS, LIMITS);
            VariableResolver.resolve(document, OPTIONS.withoutEnv().withPlaceholders(true), LIMITS, false);
        } catch (UserError e) {
            FuzzAssertions.assertLocated(e, input, includedNames());
        }
    }

    /**
     * The service and every path under its directory, as locations name them (a directory given to
     * {@code ${file()}} is refused at its own name).
     */
    private static String[] includedNames() {
        try (var paths = Files.walk(workspace.root())) {
            return paths.filter(p -> !p.equals(workspace.root()))
                    .map(p -> workspace.root().relativize(p).toString().replace('\\', '/'))
                    .toArray(String[]::new);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
