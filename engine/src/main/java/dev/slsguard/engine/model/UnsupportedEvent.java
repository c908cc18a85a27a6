package dev.slsguard.engine.model;

/**
 * An event of a type slsguard does not compile yet, or a key no Serverless Framework v3 compiler
 * knows. Rules report it so that nothing is skipped silently.
 *
 * @param function the function key
 * @param index    position in the function's {@code events:}
 * @param type     the event key
 * @param known    true when v3 knows the type (slsguard just does not analyse it yet)
 * @param ref      the event's location
 */
public record UnsupportedEvent(String function, int index, String type, boolean known, SourceRef ref) {
}
