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

    /** The packs whose rules are about security; every other rule is not a security alert. */
    private static final List<String> SECURITY_PACKS = List.of("least-privilege", "lambda", "api", "secrets", "resources");

    @Test
    void securityRulesAndOnlyThoseNameTheirRiskAndCarryTheSecurityTag() {
        int security = 0;
        for (RuleInfo rule : TestPipeline.rules().rules()) {
            boolean tagged = rule.tags().contains("security");
            assertEquals(tagged, rule.securityRisk().isPresent(),
                    rule.id() + ": the security tag and a @risk go together");
            assertFalse(rule.tags().stream().anyMatch(t -> t.startsWith("security-severity:")),
                    rule.id() + ": the score comes from @risk, not from a tag");
            if (rule.securityRisk().isPresent()) {
                security++;
                assertTrue(SECURITY_PACKS.contains(rule.packName()), rule.id() + " is outside the security packs");
                assertEquals(rule.securityRisk().get().level(), rule.severity(), rule.id() + ": the risk sets the level");
            }
        }
        assertTrue(security >= 30, "security rules: " + security);
    }

    @Test
    void aWiderGrantIsRankedAtLeastAsHighAsTheNarrowerOnesItReportsInsteadOf() {
        // Action "*" on named resources (SLS-IAM-001) silences the per-action rules on that entry
        double fullControl = score("SLS-IAM-001");
        for (String narrower : List.of("SLS-IAM-003", "SLS-IAM-107", "SLS-IAM-108", "SLS-IAM-109", "SLS-IAM-110")) {
            assertTrue(fullControl >= score(narrower), narrower);
        }
        assertTrue(score("SLS-IAM-002") >= fullControl, "administrator access");
        assertTrue(score("SLS-IAM-002") >= score("SLS-IAM-006") && score("SLS-IAM-006") >= score("SLS-IAM-107"));
    }

    private static double score(String id) {
        return TestPipeline.rules().rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow()
                .securityRisk().map(r -> Double.parseDouble(r.score())).orElse(0.0);
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
