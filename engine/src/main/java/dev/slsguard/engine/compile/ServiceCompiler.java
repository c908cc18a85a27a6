package dev.slsguard.engine.compile;

import dev.slsguard.engine.schema.SchemaCatalog;
import dev.slsguard.engine.vars.ResolvedDocument;

/**
 * The bind and compile stages: turns a resolved configuration into facts (Service, Function,
 * events, resources, event sources, declared statements ...) and a template draft, the way
 * Serverless Framework v3 would. Implemented by the compilers module.
 */
public interface ServiceCompiler {

    Compilation compile(ResolvedDocument document);

    /** The JSON Schemas of the service's settings and of each event type this compiler compiles. */
    default SchemaCatalog schemas() {
        return SchemaCatalog.NONE;
    }
}
