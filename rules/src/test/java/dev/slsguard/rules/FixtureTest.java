package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slsguard.engine.fixtures.Fixture;
import dev.slsguard.engine.fixtures.FixtureCheck;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.rules.RuleOutcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under {@code fixtures/<pack>/<name>/serverless.yml} (or {@code template.yaml},
 * a CloudFormation or SAM template) through the real
 * pipeline (loader, variables, compilers, built-in rules) and compares the (rule, file, line)
 * triples that fired with the {@code # expect:} markers of serverless.yml and of the files it
 * includes, both ways; fixtures under
 * {@code derivation/} also compare the derived statements (rule, line of the first event that
 * caused it) with their {@code # derives:} markers (trust principals count as derived too).
 * Adding a rule means adding a DRL rule and a fixture; no Java.
 */
class FixtureTest {


    static List<Fixture> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureTest.class.getResource("/fixtures").toURI());
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> TestPipeline.FILES.contains(p.getFileName().toString())).sorted().toList()) {
                String name = root.relativize(file.getParent()).toString().replace('\\', '/');
                fixtures.add(Fixture.read(name, file));
            }
        }
        return fixtures;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void firesExactlyTheMarkedRules(Fixture fixture) {
        RuleOutcome outcome = TestPipeline.analyse(fixture.file());
        Path dir = fixture.file().getParent();
        for (Finding f : outcome.findings()) {
            // in serverless.yml, or in a file of the fixture it includes (named relative to it)
            assertTrue(Files.isRegularFile(dir.resolve(f.location().file())), "finding outside the fixture's files: " + f);
        }
        boolean derivation = fixture.name().startsWith("derivation/");
        FixtureCheck check = FixtureCheck.of(fixture, outcome, counted(fixture), derivation);
        List<String> report = new ArrayList<>(check.differences());
        if (!derivation && !fixture.derived().isEmpty()) {
            report.add("# derives: markers are compared only in derivation/ fixtures");
        }
        if (!report.isEmpty()) {
            fail(fixture.name() + ":\n  " + String.join("\n  ", report));
        }
    }

    /** Packs whose findings every fixture lists, whatever pack the fixture is written for. */
    private static final Set<String> ALWAYS_COUNTED = Set.of("validation", "deprecation", "derivation");

    /**
     * The rules a fixture's markers are compared against: those of its own pack (its directory),
     * of the validation, deprecation and derivation packs, and any rule it names. A Lambda fixture
     * need not list every reliability finding its functions would also get.
     */
    private static Predicate<String> counted(Fixture fixture) {
        String dir = fixture.name().substring(0, fixture.name().indexOf('/'));
        Map<String, String> packs = TestPipeline.rules().rules().stream()
                .collect(Collectors.toMap(RuleInfo::id, RuleInfo::packName, (a, b) -> a));
        Set<String> named = new TreeSet<>(fixture.markedIds());
        named.addAll(fixture.good());
        return id -> {
            String pack = packs.getOrDefault(id, "");
            return named.contains(id) || pack.equals(dir) || ALWAYS_COUNTED.contains(pack);
        };
    }

    /**
     * Rules no fixture can trigger, with the test that shows them: SLS-VAL-003 ("not analysed yet")
     * fires only for a compiler built without some event types, since the built-in one compiles all
     * of v3's (FindingMessagesTest, EveryEventTypeCompilesTest).
     */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("SLS-VAL-003");

    @Test
    void everyRuleHasAFixtureThatTriggersIt() throws IOException, URISyntaxException {
        Set<String> covered = new TreeSet<>(SHOWN_ELSEWHERE);
        for (Fixture fixture : fixtures()) {
            fixture.expected().forEach(h -> covered.add(h.ruleId()));
            fixture.derived().forEach(h -> covered.add(h.ruleId()));
        }
        Set<String> uncovered = TestPipeline.rules().rules().stream().map(RuleInfo::id).filter(id -> !covered.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(uncovered.isEmpty(), "rules without a fixture: " + uncovered);
    }

    /** The packs whose every rule needs a good example too ({@code # good: RULE-ID}). */
    private static final Set<String> PACKS_WITH_GOOD_EXAMPLES =
            Set.of("least-privilege", "lambda", "api", "secrets", "reliability", "resources");

    @Test
    void everySecurityRuleHasAGoodFixtureThatStaysSilent() throws IOException, URISyntaxException {
        Set<String> good = new TreeSet<>();
        for (Fixture fixture : fixtures()) {
            for (String id : fixture.good()) {
                assertTrue(fixture.expected().stream().noneMatch(h -> h.ruleId().equals(id)),
                        fixture.name() + " is a good example for " + id + " but expects it");
                good.add(id);
            }
        }
        Set<String> missing = TestPipeline.rules().rules().stream()
                .filter(r -> PACKS_WITH_GOOD_EXAMPLES.contains(r.packName())).map(RuleInfo::id)
                .filter(id -> !good.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "rules without a good fixture (# good: ID): " + missing);
    }

    @Test
    void thereAreGoodFixturesThatStaySilent() throws IOException, URISyntaxException {
        long silent = fixtures().stream().filter(f -> f.expected().isEmpty()).count();
        assertTrue(silent >= 3, "good fixtures: " + silent);
    }
}
