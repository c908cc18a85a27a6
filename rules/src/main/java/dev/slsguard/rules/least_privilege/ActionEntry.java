package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.rules.iam.Globs;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.IamCatalog;
import java.util.Collection;
import java.util.List;

/**
 * One entry of the {@code Action} list of a statement the least-privilege rules analyse: what kind
 * of entry it is and, from the IAM action data, what it grants (expanded on demand; the catalogue
 * caches expansions).
 *
 * @param statement the statement
 * @param index     its position in the statement's {@code Action} list
 * @param text      the entry, trimmed: {@code *}, {@code s3:*}, {@code s3:Put*}, {@code s3:GetObject}
 * @param where     the entry in the user's file (the statement's ref for a managed policy's statement)
 * @param duplicate an earlier entry of the statement reads the same
 */
public record ActionEntry(IamStatement statement, int index, String text, SourceRef where, boolean duplicate)
        implements StatementPart {

    /** {@code *}: every action of every service. */
    public boolean star() {
        return text.equals("*");
    }

    /** {@code svc:*}: every action of one service. */
    public boolean serviceWildcard() {
        int colon = text.indexOf(':');
        return colon > 0 && text.substring(colon + 1).equals("*") && !Globs.isGlob(text.substring(0, colon));
    }

    /** Any other pattern with {@code *} or {@code ?}: {@code s3:Put*}, {@code *:Describe*}. */
    public boolean pattern() {
        return Globs.isGlob(text) && !star() && !serviceWildcard();
    }

    /** Names one action, known or not: no wildcard. */
    public boolean exact() {
        return !Globs.isGlob(text);
    }

    /**
     * The actions of the IAM data it grants, sorted; one or none for an exact entry. Expanding
     * {@code *} reads the whole catalogue: rules test {@link #star()} first.
     */
    public List<IamAction> actions() {
        return IamCatalog.builtIn().expand(text);
    }

    /** How many actions it grants. */
    public int matches() {
        return actions().size();
    }

    /** A {@code service:action} of a known service that grants at least one known action. */
    public boolean known() {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String service = text.substring(0, colon);
        return (Globs.isGlob(service) || IamCatalog.builtIn().knowsService(service)) && matches() > 0;
    }

    /**
     * It names one action that takes none of the statement's {@code resources} ({@link ResourceEntry}s,
     * which also know the ARN shape of a template resource behind {@code !GetAtt} / {@code !Ref}).
     */
    public boolean acceptsNone(Collection<?> resources) {
        List<IamAction> named = exact() ? actions() : List.of();
        return named.size() == 1 && !resources.isEmpty()
                && resources.stream().map(ResourceEntry.class::cast).noneMatch(r -> r.takes(named.get(0)));
    }

    /** It grants {@code action} ({@code iam:PassRole} through {@code iam:PassRole}, {@code iam:*}, {@code iam:Pass*}). */
    public boolean grants(String action) {
        return Globs.matchesAction(text, action);
    }
}
