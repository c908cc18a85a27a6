package dev.slsguard.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.vars.VariableOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes org rule pack loading: any {@code .drl} text is inspected, compiled and checked for metadata,
 * and, when it loads, runs over a service with a queue and an IAM wildcard under a short time budget.
 * Each step succeeds or is refused with a {@link UserError} located in the pack (or the service);
 * a pack that fails while running is an error finding, never an escaping exception. The seeds run
 * in every build; see docs/fuzzing.md.
 */
class RulePackFuzzTest {

    private static final String PACK_FILE = "pack/rules.drl";

    private static FuzzWorkspace workspace;
    private static ServerlessCompiler compiler;

    @BeforeAll
    static void open() {
        workspace = new FuzzWorkspace("slsguard-fuzz-drl");
        workspace.write("serverless.yml", Services.WITH_ERRORS.getBytes(StandardCharsets.UTF_8));
        compiler = new ServerlessCompiler();
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @FuzzTest(maxDuration = "1h")
    void load(byte[] input) {
        Path packFile = workspace.write(PACK_FILE, input);
        Path pack = packFile.getParent();
        String packName = pack + "/rules.drl";
        RuleBase rules;
        try {
            rules = RuleBase.load(List.of(), List.of(pack));
        } catch (UserError e) {
            FuzzAssertions.assertLocated(e, input, packName);
            return;
        }
        Pipeline pipeline = new Pipeline(compiler, rules.withTimeout(Duration.ofSeconds(2)).withFiringLimit(5_000),
                Limits.DEFAULT);
        try {
            pipeline.run(workspace.root().resolve("serverless.yml"), "serverless.yml", VariableOptions.none());
        } catch (UserError e) {
            FuzzAssertions.assertLocated(e, input, packName, "serverless.yml");
        }
    }
}
