package dev.slsguard.cli;

import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.fixtures.CaseCheck;
import dev.slsguard.engine.fixtures.Fixture;
import dev.slsguard.engine.fixtures.FixtureCheck;
import dev.slsguard.engine.fixtures.TestCase;
import dev.slsguard.engine.fixtures.TestFile;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.RuleFailure;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.rules.RuleOutcome;
import dev.slsguard.engine.vars.VariableOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slsguard rules test DIR}: runs every fixture of an org rule pack with the pack loaded on
 * top of the built-in packs and compares the findings with the fixtures' {@code # expect:} markers.
 */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the fixtures of an org rule pack: every DIR/tests/**/serverless.yml, whose lines carry "
                + "`# expect: RULE-ID` (a finding of that rule on that line) and `# derives: RULE-ID` markers. "
                + "Only the pack's own rules count, and built-in rules a marker names. DIR/tests/*.yml files list "
                + "cases: a service (a path relative to the file, or inline) and the expected findings "
                + "(rule and line, or rule and count).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every fixture passes", "1:a fixture fails",
                "2:usage error, or a pack that does not load, has no fixtures or has a test file that is not valid"})
final class RulesTestCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "DIR", description = "The rule pack directory (.drl files and tests/).")
    Path pack;

    @Option(names = PipelineFactory.NO_CACHE, description = PipelineFactory.NO_CACHE_HELP)
    boolean noCache;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    RulesTestCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Invocation.guarded(session.err(), debug, this::test);
    }

    private int test() {
        Path dir = PackFixtures.directories(session, List.of(pack), "").get(0);
        Pipeline pipeline = PipelineFactory.create(session, List.of(dir), noCache);
        RuleBase rules = pipeline.rules();
        List<RuleInfo> own = rules.rules().stream().filter(r -> rules.isOrgRule(r.id())).toList();
        String shown = pack.toString().replace('\\', '/');
        if (own.isEmpty()) {
            throw new CliError(shown + ": no rules in the pack (no .drl file with a rule)");
        }
        // the cases of tests/*.yml first: the services they name are not marker fixtures
        List<NamedCase> cases = new ArrayList<>();
        Set<Path> referenced = new HashSet<>();
        for (Path file : PackFixtures.testFiles(dir)) {
            String fileName = file.getFileName().toString();
            String display = shown + "/" + PackFixtures.TESTS + "/" + fileName;
            for (TestCase c : TestFile.read(file, display)) {
                cases.add(new NamedCase(fileName, c));
                c.file().ifPresent(f -> referenced.add(f.toAbsolutePath().normalize()));
            }
        }
        List<Fixture> fixtures = PackFixtures.of(dir).stream()
                .filter(f -> !referenced.contains(f.file().toAbsolutePath().normalize())).toList();
        if (fixtures.isEmpty() && cases.isEmpty()) {
            throw new CliError(shown + ": no fixtures (" + PackFixtures.TESTS + "/**/" + Fixture.FILE + " or "
                    + PackFixtures.TESTS + "/*.yml)");
        }
        PrintWriter out = session.out();
        int failed = 0;
        Set<String> covered = new TreeSet<>();
        for (Fixture fixture : fixtures) {
            fixture.expected().forEach(h -> covered.add(h.ruleId()));
            fixture.derived().forEach(h -> covered.add(h.ruleId()));
            List<String> differences = run(pipeline, rules, fixture);
            String where = shown + "/" + PackFixtures.TESTS + "/" + fixture.name() + "/" + Fixture.FILE;
            if (differences.isEmpty()) {
                out.println("PASS  " + fixture.name() + rulesOf(fixture));
            } else {
                failed++;
                out.println("FAIL  " + fixture.name() + rulesOf(fixture) + " (" + where + ")");
                differences.forEach(d -> out.println("        " + d));
            }
        }
        for (NamedCase named : cases) {
            TestCase c = named.testCase();
            covered.addAll(c.ruleIds());
            List<String> differences = run(pipeline, rules, c);
            String label = named.file() + ": " + c.name()
                    + (c.expected().isEmpty() ? "  [silent]" : "  [" + String.join(", ", c.ruleIds()) + "]");
            if (differences.isEmpty()) {
                out.println("PASS  " + label);
            } else {
                failed++;
                out.println("FAIL  " + label + " (" + c.where().file() + ":" + c.where().line() + ")");
                differences.forEach(d -> out.println("        " + d));
            }
        }
        int total = fixtures.size() + cases.size();
        List<String> untested = own.stream().map(RuleInfo::id).filter(id -> !covered.contains(id)).toList();
        if (!untested.isEmpty()) {
            out.println("note: rules no fixture expects: " + String.join(", ", untested));
        }
        out.println(count(total, "fixture") + ", " + count(own.size(), "rule") + ": "
                + (total - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }

    /**
     * The fixture's differences; a fixture that cannot be analysed fails with the error, and one on
     * which a rule's consequence throws fails naming the rule (then the other differences).
     */
    private static List<String> run(Pipeline pipeline, RuleBase rules, Fixture fixture) {
        RuleOutcome outcome;
        try {
            outcome = pipeline.evaluate(fixture.file(), Fixture.FILE, VariableOptions.none());
        } catch (UserError e) {
            return List.of("error: " + Invocation.oneLine(e.oneLine()));
        }
        List<String> differences = new ArrayList<>();
        for (RuleFailure failure : outcome.failures()) {
            differences.add("error: " + Invocation.oneLine(failure.describe()));
        }
        Set<String> marked = fixture.markedIds();
        FixtureCheck check = FixtureCheck.of(fixture, withoutFailures(outcome),
                id -> rules.isOrgRule(id) || marked.contains(id), true);
        differences.addAll(check.differences());
        return differences;
    }

    /** A case of a test file, with the test file's name. */
    private record NamedCase(String file, TestCase testCase) {
    }

    /**
     * The case's differences: its service (written to a temporary directory when inline) analysed,
     * then compared with its expectations; errors as for marker fixtures.
     */
    private static List<String> run(Pipeline pipeline, RuleBase rules, TestCase c) {
        Path tempDir = null;
        try {
            Path service;
            if (c.file().isPresent()) {
                service = c.file().get();
            } else {
                tempDir = Files.createTempDirectory("slsguard-case");
                service = Files.writeString(tempDir.resolve(Fixture.FILE), c.inline().orElseThrow());
            }
            RuleOutcome outcome;
            try {
                outcome = pipeline.evaluate(service, Fixture.FILE, VariableOptions.none());
            } catch (UserError e) {
                return List.of("error: " + Invocation.oneLine(e.oneLine()));
            }
            List<String> differences = new ArrayList<>();
            for (RuleFailure failure : outcome.failures()) {
                differences.add("error: " + Invocation.oneLine(failure.describe()));
            }
            differences.addAll(CaseCheck.differences(c, withoutFailures(outcome), rules::isOrgRule));
            return differences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tempDir != null) {
                try {
                    Files.deleteIfExists(tempDir.resolve(Fixture.FILE));
                    Files.deleteIfExists(tempDir);
                } catch (IOException e) {
                    // a temporary directory left behind
                }
            }
        }
    }

    /** The outcome without the error findings that stand for failed rules (they are reported as errors). */
    private static RuleOutcome withoutFailures(RuleOutcome outcome) {
        List<Finding> findings = outcome.findings().stream().filter(f -> outcome.failures().stream()
                .noneMatch(r -> r.ruleId().equals(f.ruleId()) && f.message().startsWith(r.describe()))).toList();
        return new RuleOutcome(findings, outcome.statements(), outcome.trusts());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String rulesOf(Fixture fixture) {
        Set<String> ids = fixture.markedIds();
        return ids.isEmpty() ? "  [silent]" : "  [" + String.join(", ", ids) + "]";
    }
}
