package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is exactly what {@code slsguard rules list --format markdown} prints for the built-in
 * packs. When a rule changes, regenerate it from the repository root with
 * {@code ./slsguard rules list --format markdown > docs/rules.md}.
 */
class RulesDocTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();

    @Test
    void docsRulesMdMatchesTheLoadedRules() throws IOException {
        Run run = Run.in(ROOT, "rules", "list", "--format", "markdown");
        assertEquals(0, run.exitCode(), run.toString());
        String committed = Files.readString(ROOT.resolve("docs/rules.md"), StandardCharsets.UTF_8);
        assertEquals(run.out(), committed, "docs/rules.md is out of date: run "
                + "./slsguard rules list --format markdown > docs/rules.md");
    }
}
