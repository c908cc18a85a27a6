package dev.slsguard.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.YamlLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the loader of serverless.yml (YAML) and of included JSON: any bytes load, or are refused
 * with a {@link UserError} located in the file; nothing else may escape (no parser exception, no
 * StackOverflowError, no OutOfMemoryError). The seeds run in every build; see docs/fuzzing.md.
 */
class YamlLoaderFuzzTest {

    /** Small limits so that a bomb is refused in milliseconds, as the defaults refuse a bigger one. */
    private static final Limits LIMITS = new Limits(1024 * 1024, 64, 50_000);

    private static FuzzWorkspace workspace;

    @BeforeAll
    static void open() {
        workspace = new FuzzWorkspace("slsguard-fuzz-yaml");
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @FuzzTest(maxDuration = "1h")
    void load(byte[] input) {
        loadAs("serverless.yml", input);
        loadAs("included.json", input);
    }

    private static void loadAs(String name, byte[] input) {
        try {
            YamlLoader.load(workspace.write(name, input), name, LIMITS);
        } catch (UserError e) {
            FuzzAssertions.assertLocated(e, input, name);
        }
        try {
            YamlLoader.loadFragment(workspace.root().resolve(name), name, LIMITS);
        } catch (UserError e) {
            FuzzAssertions.assertLocated(e, input, name);
        }
    }
}
