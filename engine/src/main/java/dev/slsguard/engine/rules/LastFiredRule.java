package dev.slsguard.engine.rules;

import java.util.Optional;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Remembers the rule that fired last, to name it when a session does not settle. */
final class LastFiredRule extends DefaultAgendaEventListener {

    private Rule last;

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        last = event.getMatch().getRule();
    }

    Optional<Rule> rule() {
        return Optional.ofNullable(last);
    }
}
