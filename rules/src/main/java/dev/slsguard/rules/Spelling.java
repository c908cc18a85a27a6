package dev.slsguard.rules;

import java.util.Collection;
import java.util.Optional;

/**
 * {@link dev.slsguard.engine.text.Spelling} under the name the rules' helpers and packs use; the
 * suggestions are made there (compilers make them too).
 */
public final class Spelling {

    private Spelling() {
    }

    /** See {@link dev.slsguard.engine.text.Spelling#closest}. */
    public static Optional<String> closest(String name, Collection<String> known) {
        return dev.slsguard.engine.text.Spelling.closest(name, known);
    }

    /** See {@link dev.slsguard.engine.text.Spelling#hint}. */
    public static String hint(String name, Collection<String> known) {
        return dev.slsguard.engine.text.Spelling.hint(name, known);
    }
}
