package dev.slsguard.rules;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.RuleOutcome;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.SuppressionComments;
import dev.slsguard.engine.source.YamlLoader;
import dev.slsguard.engine.vars.ResolvedDocument;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.engine.vars.VariableResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real pipeline up to the rules (loader, variables, compilers, built-in packs), for tests. */
final class TestPipeline {

    static final String FILE = "serverless.yml";

    private static RuleBase rules;

    private TestPipeline() {
    }

    /** The built-in packs, loaded once per test JVM. */
    static synchronized RuleBase rules() {
        if (rules == null) {
            rules = BuiltInPacks.load(List.of());
        }
        return rules;
    }

    /** Loads, resolves and compiles {@code file} (shown as serverless.yml) and runs the built-in packs. */
    static RuleOutcome analyse(Path file) {
        SourceDocument document = YamlLoader.load(file, FILE, Limits.DEFAULT);
        ResolvedDocument resolved = VariableResolver.resolve(document, VariableOptions.none(), Limits.DEFAULT);
        Compilation compilation = new ServerlessCompiler().compile(resolved);
        List<Object> facts = new ArrayList<>(compilation.facts());
        facts.addAll(resolved.unresolved());
        facts.addAll(SuppressionComments.parse(YamlLoader.readText(file, FILE, Limits.DEFAULT), FILE));
        return rules().run(facts);
    }
}
