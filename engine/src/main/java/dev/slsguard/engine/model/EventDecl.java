package dev.slsguard.engine.model;

/**
 * One item of a function's {@code events:} list, compiled or not. Validation rules read its
 * options (typed and located, see {@link Setting}); compilers add a typed fact ({@link SqsEvent}, {@link StreamEvent} ...) beside it.
 *
 * @param function   the function key
 * @param index      position in the function's {@code events:}
 * @param type       the event key ({@code sqs}, {@code stream}, {@code http} ...), or the item's
 *                   kind when it is not a one-key mapping ({@code string}, {@code object})
 * @param pluginOrder v3's plugin registration order of the event type (schedule 0 ... httpApi 21);
 *                   -1 when the key is not an event type v3 knows or the item is malformed
 * @param invocation how the event invokes the function; {@link Invocation#NONE} for an unknown
 *                   key or a malformed item
 * @param options    the value under the event key (a string or an object), or the whole item
 * @param ref        where the item starts
 * @param compiled   whether slsguard compiles this event type yet
 */
public record EventDecl(String function, int index, String type, int pluginOrder, Invocation invocation,
                        Setting options, SourceRef ref, boolean compiled) {
}
