package dev.slsguard.engine.compile;

import dev.slsguard.engine.vars.ResolvedDocument;

/**
 * The bind and compile stages: turns a resolved configuration into facts (Service, Function,
 * events, resources, event sources, declared statements ...) and a template draft, the way
 * Serverless Framework v3 would. Implemented by the compilers module.
 */
public interface ServiceCompiler {

    Compilation compile(ResolvedDocument document);
}
