package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.rules.BuiltInPacks;
import dev.slsguard.engine.rules.RuleInfo;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code explain} has a bad example from the built-in packs' own fixtures for every built-in rule. */
class BuiltInExamplesTest {

    /**
     * Rules no fixture can show: SLS-VAL-003 fires only for a compiler built from a subset of the
     * event types (FindingMessagesTest shows it).
     */
    private static final List<String> WITHOUT_FIXTURE = List.of("SLS-VAL-003");

    @Test
    void everyBuiltInRuleHasAnExampleThatShowsIt() {
        RuleBase base = BuiltInPacks.load(List.of());
        BuiltInExamples examples = BuiltInExamples.load();
        TreeSet<String> missing = new TreeSet<>();
        int shown = 0;
        for (RuleInfo rule : base.rules()) {
            var bad = examples.bad(rule.id()).or(() -> examples.deriving(rule.id()));
            if (bad.isEmpty()) {
                missing.add(rule.id());
                continue;
            }
            shown++;
            assertTrue(!BuiltInExamples.lines(bad.get(), rule.id()).isEmpty(), rule.id() + ": " + bad.get().fixture().name());
        }
        missing.removeAll(WITHOUT_FIXTURE);
        assertEquals(new TreeSet<String>(), missing, "built-in rules explain shows no example for");
        assertTrue(shown > 150, "rules with an example: " + shown);
    }

    @Test
    void theSmallestFixtureIsChosenAndGoodOnesAreMarkedGood() {
        BuiltInExamples examples = BuiltInExamples.load();
        var good = examples.good("SLS-IAM-101").orElseThrow();
        assertTrue(good.fixture().good().contains("SLS-IAM-101"), good.fixture().name());
        assertTrue(good.fixture().expected().stream().noneMatch(h -> h.ruleId().equals("SLS-IAM-101")),
                good.fixture().name());
        var bad = examples.bad("SLS-IAM-101").orElseThrow();
        assertTrue(!bad.text().isEmpty() && bad.lines() == bad.text().size());
    }
}
