package dev.slsguard.engine.vars;

import java.util.List;

/**
 * One {@code ${...}} variable: its sources in order, the first that yields a value wins
 * ({@code ${self:custom.x, env:X, 'default'}}).
 *
 * @param text    the variable as written, e.g. {@code ${opt:stage, 'dev'}}
 * @param sources the source and its fallbacks, at least one
 */
record Variable(String text, List<VariableSource> sources) {

    Variable {
        sources = List.copyOf(sources);
    }
}
