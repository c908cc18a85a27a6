package dev.slsguard.cli;

import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.compile.ServiceCompiler;
import dev.slsguard.engine.rules.PrecompiledPacks;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.source.Limits;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place the command line builds a {@link Pipeline}: the compilers, the built-in rule packs
 * plus the org packs given with {@code --rules}, and the loader limits.
 */
final class PipelineFactory {

    /** Written by kie-maven-plugin into the rules jar: the executable-model classes of the built-in packs. */
    private static final String BUILT_IN_MODELS = "META-INF/kie/dev.slsguard/slsguard-rules/drools-model";
    private static final String COMPILER_CLASS = "dev.slsguard.compilers.ServerlessCompiler";

    private PipelineFactory() {
    }

    /**
     * @param orgPacks directories of {@code .drl} files given with {@code --rules}, in order, as the
     *                 user gave them (locations in rule-pack errors use these paths)
     */
    static Pipeline create(List<Path> orgPacks) {
        return new Pipeline(compiler(), ruleBase(orgPacks), Limits.DEFAULT);
    }

    // ---- TEMPORARY: replace with the rules module's factory for the built-in packs once it exists ----
    private static RuleBase ruleBase(List<Path> orgPacks) {
        PrecompiledPacks builtIn = new PrecompiledPacks(PipelineFactory.class.getClassLoader(), BUILT_IN_MODELS);
        return RuleBase.load(List.of(builtIn), orgPacks);
    }

    // ---- TEMPORARY: replace with `new ServerlessCompiler()` once the compilers module has it ----
    private static ServiceCompiler compiler() {
        try {
            return Class.forName(COMPILER_CLASS).asSubclass(ServiceCompiler.class)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + COMPILER_CLASS, e);
        }
    }
}
