package dev.slsguard.engine.model;

import dev.slsguard.engine.source.Node;

/**
 * One item of a function's {@code events:} list, compiled or not. Validation rules read its raw
 * configuration; compilers add a typed fact ({@link SqsEvent}, {@link StreamEvent} ...) beside it.
 *
 * @param function   the function key
 * @param index      position in the function's {@code events:}
 * @param type       the event key ({@code sqs}, {@code stream}, {@code http} ...), or the item's
 *                   kind when it is not a one-key mapping ({@code string}, {@code object})
 * @param config     the value under the event key (a string or an object), or the whole item
 * @param ref        where the item starts
 * @param compiled   whether slsguard compiles this event type yet
 */
public record EventDecl(String function, int index, String type, Node config, SourceRef ref,
                        boolean compiled) {
}
