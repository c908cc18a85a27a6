package dev.slsguard.compilers.events;

import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;

/** What compiling one event item gave: compiled, refused the way v3 refuses it, or skipped. */
public sealed interface CompileResult {

    /** The event's resources and facts are in the context. */
    CompileResult COMPILED = new Compiled();

    /** Nothing compiled and no fact: see {@link Skipped}. */
    CompileResult SKIPPED = new Skipped();

    /** The event compiled. */
    record Compiled() implements CompileResult {
    }

    /**
     * Nothing compiled and no fact: v3 ignores the item too, or it is malformed input that the
     * schema validation reports (each site says which).
     */
    record Skipped() implements CompileResult {
    }

    /**
     * Nothing compiled: v3 refuses the event. v3 stops at the first refusal; the others are where
     * it would stop next, reported together so that one run shows them all.
     */
    record Refused(List<Refusal> refusals) implements CompileResult {

        public Refused {
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refused event needs a refusal");
            }
            refusals = List.copyOf(refusals);
        }
    }

    /** The event is refused for one reason. */
    static CompileResult refused(EventItem event, String code, SourceRef where, String detail) {
        return new Refused(List.of(refusal(event, code, where, detail)));
    }

    /** A refusal of the event. */
    static Refusal refusal(EventItem event, String code, SourceRef where, String detail) {
        return new Refusal(code, event.function().key(), event.index(), event.type().key(), where, detail);
    }
}
