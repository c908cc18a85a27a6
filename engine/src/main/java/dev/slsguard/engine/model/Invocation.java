package dev.slsguard.engine.model;

/**
 * How an event type invokes its function, which decides what happens when the function fails
 * (retries, failure destinations, a stalled shard or a message that comes back).
 */
public enum Invocation {
    /** Lambda queues the event and retries twice, then drops it unless the function names a failure destination. */
    ASYNC,
    /** Lambda polls the source (a stream, queue or broker) with an event source mapping. */
    POLL,
    /** The caller waits for the function's answer and handles the error itself. */
    SYNC,
    /** The item invokes nothing: its key is not an event type v3 knows, or it is not a one-key mapping. */
    NONE
}
