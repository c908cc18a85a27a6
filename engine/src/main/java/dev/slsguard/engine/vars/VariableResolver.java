package dev.slsguard.engine.vars;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.SourceDocument;

/**
 * Resolves Serverless Framework v3 variables: {@code ${self:}}, {@code ${opt:}}, {@code ${sls:}},
 * {@code ${env:}}, {@code ${param:}}, {@code ${file()}}, {@code ${aws:region}}, {@code ${strToBool()}},
 * fallbacks and nesting. {@code ${ssm:}}, {@code ${cf:}}, {@code ${s3:}}, {@code ${output:}},
 * {@code ${aws:accountId}} and {@code ${sls:instanceId}} cannot be known offline: their text stays as
 * a visible placeholder and each is listed in {@link ResolvedDocument#unresolved()}.
 */
public final class VariableResolver {

    private VariableResolver() {
    }

    /**
     * Resolves every variable of {@code document}, in values and in keys.
     *
     * @throws UserError for a variable that cannot be resolved (no value and no fallback, unknown
     *                   source, cycle, a file outside the service directory, broken syntax ...)
     */
    public static ResolvedDocument resolve(SourceDocument document, VariableOptions options, Limits limits) {
        return resolve(document, options, limits, true);
    }

    /**
     * Resolves every variable of {@code document}.
     *
     * @param resolveKeys whether variables in mapping keys resolve too; v3 leaves keys as written
     *                    (its template then holds e.g. a resource named {@code Queue${sls:stage}})
     */
    public static ResolvedDocument resolve(SourceDocument document, VariableOptions options, Limits limits,
                                           boolean resolveKeys) {
        if (!(document.root() instanceof MapNode root)) {
            throw new UserError(document.root().ref(), "the top level must be a mapping of settings");
        }
        Resolution resolution = new Resolution(document, root, options, limits, resolveKeys);
        MapNode resolved = resolution.resolveRoot();
        return new ResolvedDocument(document, resolved, resolution.stage(), resolution.region(),
                resolution.unresolved(), resolution.included());
    }
}
