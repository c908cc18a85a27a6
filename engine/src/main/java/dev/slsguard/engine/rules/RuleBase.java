package dev.slsguard.engine.rules;

import java.util.List;

/** The loaded rule packs. */
public final class RuleBase {

    public List<RuleInfo> rules() {
        throw new UnsupportedOperationException("TODO");
    }

    public RuleOutcome run(List<Object> facts) {
        throw new UnsupportedOperationException("TODO");
    }
}
