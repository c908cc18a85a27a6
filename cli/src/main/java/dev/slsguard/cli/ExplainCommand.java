package dev.slsguard.cli;

import dev.slsguard.engine.fixtures.Fixture;
import dev.slsguard.engine.rules.OrgPack;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.RuleInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slsguard explain RULE-ID}: a rule's metadata, and a bad and a good example taken from the
 * fixtures of the {@code --rules} packs when they have some, else, for a built-in rule, from the
 * built-in packs' own fixtures.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explain a rule: what it checks, how to fix it, and a bad and a good example from its pack's fixtures.")
final class ExplainCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "RULE-ID", description = "The rule's id (SLS-IAM-004, ORG-TAG-001 ...).")
    String id;

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of .drl org rule packs; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = PipelineFactory.NO_CACHE, description = PipelineFactory.NO_CACHE_HELP)
    boolean noCache;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    private BuiltInExamples builtIn;

    ExplainCommand(Session session) {
        this.session = session;
    }

    /** A fixture shown as an example, with the pack directory it comes from as the user gave it. */
    private record Example(String pack, Fixture fixture) {
        String path() {
            return pack + "/" + PackFixtures.TESTS + "/" + fixture.name() + "/" + Fixture.FILE;
        }

        String parent() {
            int slash = fixture.name().lastIndexOf('/');
            return pack + "/" + (slash < 0 ? "" : fixture.name().substring(0, slash));
        }
    }

    @Override
    public Integer call() {
        return Invocation.guarded(session.err(), debug, this::explain);
    }

    private int explain() {
        Optional<RuleInfo> cfnLint = CfnLintRules.canonical(id).flatMap(CfnLintRules::known);
        List<Path> dirs = PackFixtures.directories(session, rules);
        RuleBase base = PipelineFactory.rules(session, dirs, noCache);
        List<RuleInfo> matched = matching(base);
        if (cfnLint.isPresent()) {
            return explainCfnLint(cfnLint.get(), matched);
        }
        if (CfnLintRules.canonical(id).isPresent() && matched.isEmpty()) {
            throw new CliError("unknown rule id " + id + " (cfn-lint " + CfnLintRules.pinnedVersion()
                    + " has no such rule; its rules: cfn-lint --list-rules)");
        }
        if (matched.isEmpty()) {
            throw new CliError("unknown rule id " + id + " (`slsguard rules list" + (rules.isEmpty() ? "" : " --rules DIR")
                    + "` shows the loaded rules)");
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            String shown = rules.get(i).toString().replace('\\', '/');
            PackFixtures.of(dirs.get(i)).forEach(f -> examples.add(new Example(shown, f)));
        }
        StringBuilder out = new StringBuilder();
        for (RuleInfo rule : matched) {
            out.append(out.length() == 0 ? "" : "\n").append(explanation(base, rule, examples));
        }
        session.out().print(out);
        session.out().flush();
        return ExitCodes.CLEAN;
    }

    /**
     * The rules {@code id} names: the one with that id, case ignored; else every rule whose tags
     * give it as a peer tool's id ({@code CKV_AWS_49}, {@code checkov:CKV_AWS_49}).
     */
    private List<RuleInfo> matching(RuleBase base) {
        List<RuleInfo> byId = base.rules().stream().filter(r -> r.id().equalsIgnoreCase(id.trim())).toList();
        if (!byId.isEmpty()) {
            return byId;
        }
        RuleSelector peer = new RuleSelector(List.of(id.replace("*", "").replace("?", "")));
        return base.rules().stream().filter(peer::matches).toList();
    }

    private String explanation(RuleBase base, RuleInfo rule, List<Example> examples) {
        String ruleId = rule.id();
        Optional<Example> bad = examples.stream()
                .filter(e -> e.fixture().expected().stream()
                        .anyMatch(h -> h.ruleId().equals(ruleId) && h.inServiceFile()))
                .findFirst();
        // the good example sits beside the bad one (tests/<topic>/bad, tests/<topic>/good) and names no rule
        Optional<Example> good = bad.flatMap(b -> examples.stream()
                .filter(e -> e.parent().equals(b.parent()) && e.fixture().markedIds().isEmpty()).findFirst());

        StringBuilder out = new StringBuilder();
        out.append(rule.id()).append(": ").append(rule.title()).append('\n');
        out.append("severity: ").append(rule.severity().label()).append('\n');
        rule.securityRisk().ifPresent(risk -> out.append("security severity: ").append(risk.score()).append(' ')
                .append(risk.band()).append(" (").append(risk.key()).append(": ").append(risk.meaning()).append(")\n"));
        out.append("tags: ").append(String.join(", ", rule.tags())).append('\n');
        out.append("pack: ").append(rule.pack()).append('\n');
        List<OrgPack> shownPacks = RuleCatalog.shown(base.orgPacks(), rules);
        base.orgPackOf(rule.id()).map(p -> shownPacks.get(base.orgPacks().indexOf(p))).ifPresent(p -> {
            out.append("org pack: ").append(p.label()).append(" (").append(p.directory()).append(")\n");
            p.description().ifPresent(d -> out.append("  ").append(d.replaceAll("\\s*\\R\\s*", " ")).append('\n'));
        });
        if (!rule.description().isEmpty()) {
            out.append('\n').append(rule.description()).append('\n');
        }
        if (!rule.help().isEmpty()) {
            out.append("\nHow to fix: ").append(rule.help()).append('\n');
        }
        bad.ifPresent(b -> out.append("\nBad example (").append(b.path()).append(", finding at line ")
                .append(lines(b.fixture(), ruleId)).append("):\n").append(indent(read(b.fixture().file()))));
        good.ifPresent(g -> out.append("\nGood example (").append(g.path()).append("):\n")
                .append(indent(read(g.fixture().file()))));
        if (bad.isEmpty() && base.orgPackOf(ruleId).isEmpty()) {
            Optional<BuiltInExamples.Example> builtInBad = builtIn().bad(ruleId);
            Optional<BuiltInExamples.Example> builtInGood = builtIn().good(ruleId);
            Optional<BuiltInExamples.Example> deriving = builtInBad.isEmpty() ? builtIn().deriving(ruleId) : Optional.empty();
            builtInBad.ifPresent(b -> out.append("\nBad example (built-in fixture ").append(b.fixture().name())
                    .append(", finding at line ").append(BuiltInExamples.lines(b, ruleId)).append("):\n")
                    .append(indent(b.text())));
            builtInGood.ifPresent(g -> out.append("\nGood example (built-in fixture ").append(g.fixture().name())
                    .append("):\n").append(indent(g.text())));
            deriving.ifPresent(d -> out.append("\nExample (built-in fixture ").append(d.fixture().name())
                    .append(", statements derived from line ").append(BuiltInExamples.lines(d, ruleId)).append("):\n")
                    .append(indent(d.text())));
            if (builtInBad.isEmpty() && builtInGood.isEmpty() && deriving.isEmpty()) {
                out.append("\nNo example: no fixture of the built-in packs shows this rule.\n");
            }
        } else if (bad.isEmpty()) {
            out.append("\nNo example: no fixture of the --rules packs expects this rule.\n");
        }
        return out.toString();
    }

    /**
     * A cfn-lint rule: its texts from the catalogue of the pinned cfn-lint and how it gets reported,
     * then the built-in rules that name it as a peer (its results fold into theirs).
     */
    private int explainCfnLint(RuleInfo rule, List<RuleInfo> peers) {
        StringBuilder out = new StringBuilder();
        out.append(rule.id()).append(": ").append(rule.title()).append('\n');
        out.append("severity: ").append(rule.severity().label()).append('\n');
        out.append("tags: ").append(String.join(", ", rule.tags())).append('\n');
        out.append("pack: cfn-lint (reported when cfn-lint runs: --cfn-lint, or cfn-lint: in .slsguard.yml)\n");
        if (!rule.description().isEmpty()) {
            out.append('\n').append(rule.description()).append('\n');
        }
        if (!rule.help().isEmpty()) {
            out.append(rule.id().equals(CfnLintRules.RUN) ? "\nHow to fix: " : "\nSource: ").append(rule.help())
                    .append('\n');
        }
        if (!rule.id().equals(CfnLintRules.RUN)) {
            out.append("\nText from cfn-lint ").append(CfnLintRules.pinnedVersion()).append("; the findings are cfn-lint's"
                    + " results on the generated template, reported at the line of serverless.yml that produced"
                    + " the resource or property.\n");
        }
        if (!peers.isEmpty()) {
            out.append("\nBuilt-in rules that report the same problem (a result of ").append(rule.id())
                    .append(" at the line of one of their findings is folded into it):\n");
            for (RuleInfo peer : peers) {
                out.append("  ").append(peer.id()).append(": ").append(peer.title()).append('\n');
            }
        }
        session.out().print(out);
        session.out().flush();
        return ExitCodes.CLEAN;
    }

    private static String lines(Fixture fixture, String id) {
        return String.join(", ", fixture.expected().stream().filter(h -> h.ruleId().equals(id) && h.inServiceFile())
                .sorted()
                .map(h -> String.valueOf(h.line())).toList());
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indent(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isEmpty() ? "" : "    " + line).append('\n');
        }
        return out.toString();
    }

    /** The built-in packs' fixtures, read on first use (only for a built-in rule without a pack example). */
    private BuiltInExamples builtIn() {
        if (builtIn == null) {
            builtIn = BuiltInExamples.load();
        }
        return builtIn;
    }
}
