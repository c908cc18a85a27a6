package dev.slsguard.engine.source;

import dev.slsguard.engine.model.SourceRef;

/**
 * A node of a loaded configuration document. Every node knows where it was written
 * ({@link #ref()}); nodes produced by variable resolution keep the location of the text they
 * replaced. Nodes are immutable.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    SourceRef ref();

    /** A short name of the node's kind for messages: {@code object}, {@code array}, {@code string} ... */
    String kind();
}
