package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.rules.iam.IamAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An action an Action entry grants (by name, or through a pattern such as {@code s3:*} or
 * {@code s3:Get*}) that the statement grants on every resource of a type it takes, through {@code *}
 * or a wildcard ARN: what the credentials, data and permissions-management rules look at. A pattern
 * counts like the actions it matches, so {@code s3:*} on {@code *} is never reported less than
 * {@code s3:GetObject} on {@code *}.
 *
 * @param entry  the Action entry granting the action (the one naming it, when one does)
 * @param action the action
 * @param on     the first Resource entry that reaches every such resource
 */
public record UnscopedAction(ActionEntry entry, IamAction action, ResourceEntry on) implements StatementPart {

    /**
     * The actions {@code entry} grants on every resource of a type they take, among the statement's
     * {@code resources} ({@link ResourceEntry}s). An action several entries of the statement grant
     * belongs to one of them: the entry naming it, else the first pattern that matches it.
     *
     * @param entries   the statement's Action entries but {@code *} ({@link ActionEntry}s)
     * @param resources the statement's Resource entries
     */
    public static List<UnscopedAction> of(ActionEntry entry, Collection<?> entries, Collection<?> resources) {
        List<ResourceEntry> ordered = resources.stream().map(ResourceEntry.class::cast)
                .sorted(Comparator.comparingInt(ResourceEntry::index)).toList();
        List<ActionEntry> others = entries.stream().map(ActionEntry.class::cast).filter(e -> e != entry).toList();
        List<UnscopedAction> out = new ArrayList<>();
        for (IamAction action : entry.actions()) {
            if (others.stream().anyMatch(o -> owns(o, entry, action))) {
                continue;
            }
            ordered.stream().filter(r -> r.reachesEvery(action)).findFirst()
                    .ifPresent(on -> out.add(new UnscopedAction(entry, action, on)));
        }
        return out;
    }

    /** {@code other} rather than {@code entry} reports {@code action}: it names it, or both are patterns and it comes first. */
    private static boolean owns(ActionEntry other, ActionEntry entry, IamAction action) {
        if (!other.grants(action.fullName())) {
            return false;
        }
        if (other.exact() != entry.exact()) {
            return other.exact();
        }
        return other.index() < entry.index();
    }

    @Override
    public IamStatement statement() {
        return entry.statement();
    }

    @Override
    public int index() {
        return entry.index();
    }

    @Override
    public SourceRef where() {
        return entry.where();
    }

    /** Returns credentials or tokens (cloudsplaining's credentials-exposure list). */
    public boolean returnsCredentials() {
        return LeastPrivilege.CREDENTIALS.contains(LeastPrivilege.key(action));
    }

    /** Reads data out of the account: objects, parameters, secrets, decryption. */
    public boolean readsData() {
        return LeastPrivilege.EXFILTRATION.contains(LeastPrivilege.key(action));
    }

    /** Escalates privileges on its own (SLS-IAM-107's). */
    public boolean escalates() {
        return Escalations.alone(action);
    }

    /** {@code *} or the wildcard ARN as written, for messages. */
    public String onText() {
        return on.star() ? "\"*\"" : on.display();
    }
}
