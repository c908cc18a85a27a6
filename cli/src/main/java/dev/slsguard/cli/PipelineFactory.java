package dev.slsguard.cli;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.rules.RuleBase;
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

    private PipelineFactory() {
    }

    /**
     * @param orgPacks directories of {@code .drl} files given with {@code --rules}, in order, as the
     *                 user gave them (locations in rule-pack errors use these paths)
     * @throws dev.slsguard.engine.UserError when an org pack does not compile or its metadata is wrong
     */
    static Pipeline create(List<Path> orgPacks) {
        RuleBase rules = BuiltInPacks.load(orgPacks);
        return new Pipeline(new ServerlessCompiler(), rules, Limits.DEFAULT, evaluationDate(System.getenv()));
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
}
