package dev.slsguard.engine.compile;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.schema.SchemaCatalog;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.vars.ResolvedDocument;

/**
 * The bind and compile stages: turns a resolved configuration into facts (Service, Function,
 * events, resources, event sources, declared statements ...) and a template draft, the way
 * Serverless Framework v3 would. Implemented by the compilers module.
 */
public interface ServiceCompiler {

    Compilation compile(ResolvedDocument document);

    /**
     * Facts of a CloudFormation or SAM template given as input ({@link TemplateInput#isTemplate}):
     * the same Service, Function, Resource and IamStatement facts a service's {@code resources:}
     * give; the compilation's draft carries the template's own resources.
     *
     * @throws UserError when this compiler does not read templates
     */
    default Compilation compileTemplate(SourceDocument document) {
        throw new UserError(document.root().ref(), "this compiler reads Serverless Framework services only, not "
                + "CloudFormation templates");
    }

    /** The JSON Schemas of the service's settings and of each event type this compiler compiles. */
    default SchemaCatalog schemas() {
        return SchemaCatalog.NONE;
    }
}
