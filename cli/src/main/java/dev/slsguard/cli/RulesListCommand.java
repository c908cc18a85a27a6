package dev.slsguard.cli;

import dev.slsguard.engine.rules.RuleBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slsguard rules list}: the metadata of every loaded rule, built-in and org. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the loaded rules (built-in packs plus --rules packs) with their severity, title and tags.")
final class RulesListCommand implements Callable<Integer> {

    private final Session session;

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of .drl org rule packs; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    RuleListFormat format = RuleListFormat.TEXT;

    @Option(names = PipelineFactory.NO_CACHE, description = PipelineFactory.NO_CACHE_HELP)
    boolean noCache;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    RulesListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Invocation.guarded(session.err(), debug, () -> {
            RuleBase base = PipelineFactory.rules(session, PackFixtures.directories(session, rules), noCache);
            session.out().print(RuleCatalog.render(base, rules, format));
            session.out().flush();
            return ExitCodes.CLEAN;
        });
    }
}
