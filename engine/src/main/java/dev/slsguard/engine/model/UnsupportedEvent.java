package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * An event of a type slsguard does not compile yet, or a key no Serverless Framework v3 compiler
 * knows. Rules report it so that nothing is skipped silently.
 *
 * @param function the function key
 * @param index    position in the function's {@code events:}
 * @param type     the event key
 * @param known    true when v3 knows the type (slsguard just does not analyse it yet)
 * @param suggestion for an unknown type, the v3 event type it was probably meant to be
 *                 ({@code sqs} for {@code sqsQueue}); empty when known or when none is close
 * @param ref      the event's location
 */
public record UnsupportedEvent(String function, int index, String type, boolean known, Optional<String> suggestion,
                               SourceRef ref) {
}
