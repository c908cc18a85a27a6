package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.rules.RuleOutcome;
import dev.slsguard.rules.Fixture.Hit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under {@code fixtures/<pack>/<name>/serverless.yml} through the real
 * pipeline (loader, variables, compilers, built-in rules) and compares the (rule, line) pairs
 * that fired with the file's {@code # expect:} markers, both ways; fixtures under
 * {@code derivation/} also compare the derived statements (rule, line of the first event that
 * caused it) with their {@code # derives:} markers (trust principals count as derived too).
 * Adding a rule means adding a DRL rule and a fixture; no Java.
 */
class FixtureTest {

    private static final String FILE = TestPipeline.FILE;

    static List<Fixture> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureTest.class.getResource("/fixtures").toURI());
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals(FILE)).sorted().toList()) {
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
        Set<Hit> fired = new TreeSet<>();
        for (Finding f : outcome.findings()) {
            assertEquals(FILE, f.location().file(), "finding outside the service file: " + f);
            fired.add(new Hit(f.ruleId(), f.location().line()));
        }
        Set<Hit> derived = new TreeSet<>();
        for (IamStatement s : outcome.statements()) {
            if (s.origin().equals(IamStatement.DERIVED)) {
                derived.add(new Hit(s.source(), s.ref().line()));
            }
        }
        outcome.trusts().forEach(t -> derived.add(new Hit(t.source(), t.ref().line())));
        String report = compare("findings", fixture.expected(), fired, outcome);
        if (fixture.name().startsWith("derivation/")) {
            report += compare("derived statements", fixture.derived(), derived, outcome);
        } else if (!fixture.derived().isEmpty()) {
            report += "  # derives: markers are compared only in derivation/ fixtures\n";
        }
        if (!report.isEmpty()) {
            fail(fixture.name() + ":\n" + report);
        }
    }

    private static String compare(String what, Set<Hit> expected, Set<Hit> actual, RuleOutcome outcome) {
        Set<Hit> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<Hit> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        StringBuilder out = new StringBuilder();
        for (Hit hit : missing) {
            out.append("  missing ").append(what).append(": ").append(hit).append('\n');
        }
        for (Hit hit : unexpected) {
            out.append("  unexpected ").append(what).append(": ").append(hit);
            outcome.findings().stream().filter(f -> f.ruleId().equals(hit.ruleId())
                    && f.location().line() == hit.line()).findFirst()
                    .ifPresent(f -> out.append(" - ").append(f.message()));
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void everyRuleHasAFixtureThatTriggersIt() throws IOException, URISyntaxException {
        Set<String> covered = new TreeSet<>();
        for (Fixture fixture : fixtures()) {
            fixture.expected().forEach(h -> covered.add(h.ruleId()));
            fixture.derived().forEach(h -> covered.add(h.ruleId()));
        }
        Set<String> uncovered = TestPipeline.rules().rules().stream().map(RuleInfo::id).filter(id -> !covered.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(uncovered.isEmpty(), "rules without a fixture: " + uncovered);
    }

    @Test
    void thereAreGoodFixturesThatStaySilent() throws IOException, URISyntaxException {
        long silent = fixtures().stream().filter(f -> f.expected().isEmpty()).count();
        assertTrue(silent >= 3, "good fixtures: " + silent);
    }
}
