package dev.slsguard.compilers.bind;

import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.UnsupportedEvent;
import java.util.List;

/**
 * The bind stage's output: settings for the compilers and the configuration facts.
 *
 * @param settings    service-wide settings
 * @param functions   the functions in v3's order
 * @param events      every one-key event item, by function then position
 * @param service     the {@code Service} fact
 * @param functionFacts one {@code Function} fact per function
 * @param declarations one {@code EventDecl} per event item
 * @param unsupported  one {@code UnsupportedEvent} per item slsguard does not compile
 */
public record BoundService(ServiceSettings settings, List<FunctionSettings> functions, List<EventItem> events,
                           Service service, List<Function> functionFacts, List<EventDecl> declarations,
                           List<UnsupportedEvent> unsupported) {

    public BoundService {
        functions = List.copyOf(functions);
        events = List.copyOf(events);
        functionFacts = List.copyOf(functionFacts);
        declarations = List.copyOf(declarations);
        unsupported = List.copyOf(unsupported);
    }
}
