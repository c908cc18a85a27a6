package dev.slsguard.compilers.events;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;

/** How a refusal points at the user's values and quotes them in its detail, the way findings do. */
public final class Details {

    private static final int SHOWN_LENGTH = 80;

    private Details() {
    }

    /** Where a refusal of an option points: a scalar value itself, a mapping or list at its key. */
    public static SourceRef where(MapNode.Field option) {
        return option.value() instanceof ScalarNode ? option.value().ref() : option.keyRef();
    }

    /** A value as a detail quotes it: {@code 'text'} (long text cut), a number as written, or its kind. */
    public static String show(Node value) {
        if (value instanceof MapNode) {
            return "a mapping";
        }
        if (value instanceof ListNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) value;
        if (scalar.value() == null) {
            return "no value";
        }
        return scalar.string().map(Details::quote).orElseGet(scalar::text);
    }

    private static String quote(String text) {
        return "'" + (text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH - 3) + "..." : text) + "'";
    }
}
