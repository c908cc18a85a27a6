package dev.slsguard.engine.vars;

import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.SourceDocument;

/** Resolves Serverless Framework variables. */
public final class VariableResolver {

    private VariableResolver() {
    }

    public static ResolvedDocument resolve(SourceDocument document, VariableOptions options, Limits limits) {
        throw new UnsupportedOperationException("TODO");
    }
}
