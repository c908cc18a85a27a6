package dev.slsguard.engine.source;

import dev.slsguard.engine.model.SourceRef;
import java.util.List;

/** A sequence. */
public record ListNode(SourceRef ref, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "array";
    }
}
