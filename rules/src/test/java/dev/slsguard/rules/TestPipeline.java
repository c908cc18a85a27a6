package dev.slsguard.rules;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.fixtures.Fixture;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.RuleOutcome;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.vars.VariableOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The real pipeline up to the rules (loader, variables, compilers, built-in packs), for tests. */
public final class TestPipeline {

    public static final String FILE = "serverless.yml";

    /** The day fixtures are checked as of, so that runtime deprecation findings do not change with the calendar. */
    public static final LocalDate FIXTURE_DAY = LocalDate.of(2025, 6, 1);

    private static RuleBase rules;

    private TestPipeline() {
    }

    /** The built-in packs, loaded once per test JVM. */
    public static synchronized RuleBase rules() {
        if (rules == null) {
            rules = BuiltInPacks.load(List.of());
        }
        return rules;
    }

    /** The names of the files a fixture is checked from: a service, or a CloudFormation / SAM template. */
    public static final List<String> FILES = List.of(FILE, Fixture.TEMPLATE_FILE);

    /** Loads, resolves and compiles {@code file} (shown by its own name) and runs the built-in packs. */
    public static RuleOutcome analyse(Path file) {
        return new Pipeline(new ServerlessCompiler(), rules(), Limits.DEFAULT, Optional.of(FIXTURE_DAY)).evaluate(file, file.getFileName().toString(), VariableOptions.none());
    }
}
