package dev.slsguard.compilers.bind;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Node;

/**
 * One item of a function's {@code events:} that is a one-key mapping.
 *
 * @param function the function
 * @param index    position in the function's {@code events:}
 * @param type     the event key
 * @param config   the value under the key
 * @param ref      where the item starts
 */
public record EventItem(FunctionSettings function, int index, String type, Node config, SourceRef ref) {
}
