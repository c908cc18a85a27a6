package dev.slsguard.cli;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.rules.BuiltInPacks;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place the command line builds a {@link Pipeline}: the compilers, the built-in rule packs
 * plus the org packs given with {@code --rules}, and the loader limits.
 */
final class PipelineFactory {

    private PipelineFactory() {
    }

    /**
     * @param orgPacks directories of {@code .drl} files given with {@code --rules}, in order, as the
     *                 user gave them (locations in rule-pack errors use these paths)
     * @throws dev.slsguard.engine.UserError when an org pack does not compile or its metadata is wrong
     */
    static Pipeline create(List<Path> orgPacks) {
        RuleBase rules = BuiltInPacks.load(orgPacks);
        return new Pipeline(new ServerlessCompiler(), rules, Limits.DEFAULT);
    }
}
