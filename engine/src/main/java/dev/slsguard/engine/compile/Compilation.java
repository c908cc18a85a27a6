package dev.slsguard.engine.compile;

import dev.slsguard.engine.merge.TemplateDraft;
import java.util.List;

/**
 * The output of compiling a service.
 *
 * @param facts every fact for the rule session (model records), in a deterministic order
 * @param draft the template before rule-derived statements are merged into the roles
 */
public record Compilation(List<Object> facts, TemplateDraft draft) {

    public Compilation {
        facts = List.copyOf(facts);
    }
}
