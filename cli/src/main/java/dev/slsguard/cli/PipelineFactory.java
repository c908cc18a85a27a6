package dev.slsguard.cli;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.Timing;
import dev.slsguard.engine.rules.OrgPackCache;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.schema.SchemaStage;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.rules.BuiltInPacks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the command line builds a {@link Pipeline}: the compilers, the built-in rule packs
 * plus the org packs given with {@code --rules}, and the loader limits.
 */
final class PipelineFactory {

    /** The option that turns the compiled-pack cache off, and its help text. */
    static final String NO_CACHE = "--no-cache";
    static final String NO_CACHE_HELP = "Compile the --rules packs instead of reading them from the cache "
            + "($SLSGUARD_CACHE_DIR, else $XDG_CACHE_HOME/slsguard, else ~/.cache/slsguard).";

    /** A system property naming the cache directory used instead of {@code ~/.cache/slsguard}; the build sets it for tests. */
    static final String CACHE_PROPERTY = "slsguard.cache.dir";

    private PipelineFactory() {
    }

    /**
     * @param orgPacks directories of {@code .drl} files given with {@code --rules}, in order, as the
     *                 user gave them (locations in rule-pack errors use these paths)
     * @throws dev.slsguard.engine.UserError when an org pack does not compile or its metadata is wrong
     */
    static Pipeline create(List<Path> orgPacks) {
        ServerlessCompiler compiler = compiler();
        RuleBase rules = BuiltInPacks.load(orgPacks);
        return new Pipeline(compiler, rules, Limits.DEFAULT, evaluationDate(System.getenv()));
    }

    /**
     * The compiler, with its JSON Schemas compiled on another thread meanwhile (the schema
     * library's cold start then overlaps with loading the rule base instead of adding to it).
     */
    private static ServerlessCompiler compiler() {
        ServerlessCompiler compiler = new ServerlessCompiler();
        SchemaStage.prepare(compiler.schemas());
        return compiler;
    }

    /** The environment variable that fixes the day date-dependent rules compare with (runtime deprecation). */
    static final String TODAY = "SLSGUARD_TODAY";

    /**
     * {@code SLSGUARD_TODAY=YYYY-MM-DD} when set (to reproduce a past or future run), else empty (today, UTC).
     *
     * @throws CliError when the value is not a date
     */
    static Optional<LocalDate> evaluationDate(Map<String, String> env) {
        String value = env.get(TODAY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new CliError(TODAY + "=" + value + ": not a date (YYYY-MM-DD)");
        }
    }

    /**
     * As {@link #create(List)}, with the org packs read from and stored in the session's cache unless
     * {@code noCache}; the rule base is built on another thread while the service goes through the
     * stages before the rules (see {@link Pipeline#loadingRules}).
     */
    static Pipeline create(Session session, List<Path> orgPacks, boolean noCache) {
        return create(session, orgPacks, noCache, RuleBase.DEFAULT_TIMEOUT);
    }

    /** As {@link #create(Session, List, boolean)}, each rule session within {@code ruleTimeout}. */
    static Pipeline create(Session session, List<Path> orgPacks, boolean noCache, java.time.Duration ruleTimeout) {
        Pipeline pipeline = Pipeline.loadingRules(compiler(),
                () -> Timing.time("rule base load", () -> rules(session, orgPacks, noCache)).withTimeout(ruleTimeout),
                Limits.DEFAULT, Optional.empty());
        Optional<LocalDate> date;
        try {
            date = evaluationDate(System.getenv());
        } catch (CliError e) {
            pipeline.rules(); // a rule pack that does not compile is still reported first
            throw e;
        }
        return date.map(pipeline::withEvaluationDate).orElse(pipeline);
    }

    /** The built-in packs plus the org packs, through the session's cache unless {@code noCache}. */
    static RuleBase rules(Session session, List<Path> orgPacks, boolean noCache) {
        return RuleBase.load(List.of(BuiltInPacks.packs()), orgPacks, cache(session, noCache));
    }

    /**
     * The compiled-pack cache: {@code $SLSGUARD_CACHE_DIR}, else {@code $XDG_CACHE_HOME/slsguard},
     * else the {@value #CACHE_PROPERTY} property, else {@code ~/.cache/slsguard}.
     */
    static OrgPackCache cache(Session session, boolean noCache) {
        if (noCache) {
            return OrgPackCache.disabled();
        }
        String property = System.getProperty(CACHE_PROPERTY);
        Path fallback = property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".cache", "slsguard");
        Path dir = OrgPackCache.defaultDir(session.env(), fallback);
        return OrgPackCache.at(session.workingDir().resolve(dir), VersionProvider.version());
    }
}
