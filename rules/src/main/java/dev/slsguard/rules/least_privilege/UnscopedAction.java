package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.rules.iam.IamAction;

/**
 * An action named by an Action entry that the statement grants on every resource of a type it
 * takes, through {@code *} or a wildcard ARN: what the credentials, data and permissions-management
 * rules look at.
 *
 * @param entry  the Action entry naming the action
 * @param action the action
 * @param on     the first Resource entry that reaches every such resource
 */
public record UnscopedAction(ActionEntry entry, IamAction action, ResourceEntry on) implements StatementPart {

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
