package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.rules.RuleInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in rule carries the metadata reports and {@code rules list} read. */
class RuleMetadataTest {

    private static final List<String> AREAS = List.of("DRV", "VAL", "DEP", "IAM", "LMB", "API", "SEC", "OPS", "RES");

    @Test
    void everyBuiltInRuleHasFullMetadata() {
        List<RuleInfo> rules = TestPipeline.rules().rules();
        assertTrue(rules.size() >= 24, "rules: " + rules.size());
        for (RuleInfo rule : rules) {
            String where = rule.id() + " (" + rule.ruleName() + ")";
            assertTrue(rule.id().matches("SLS-[A-Z]{3}-\\d{3}"), where);
            assertTrue(AREAS.contains(rule.id().substring(4, 7)), where);
            assertFalse(rule.title().equals(rule.ruleName()), where + " has no @title");
            assertFalse(rule.description().isBlank(), where + " has no @description");
            assertFalse(rule.help().isBlank(), where + " has no @help");
            assertEquals(rule.packName(), rule.tags().get(0), where + ": tags start with the pack name");
            assertTrue(rule.pack().startsWith("dev.slsguard.rules."), where);
        }
    }

    @Test
    void derivationRulesAreNotesAndValidationRulesAreErrorsOrNotes() {
        for (RuleInfo rule : TestPipeline.rules().rules()) {
            switch (rule.id().substring(4, 7)) {
                case "DRV" -> assertEquals("note", rule.severity().label(), rule.id());
                case "DEP" -> assertEquals("warning", rule.severity().label(), rule.id());
                default -> {
                }
            }
        }
    }
}
