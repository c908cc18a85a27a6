package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.rules.iam.ConditionKeyType;
import dev.slsguard.rules.iam.IamCatalog;
import java.util.Locale;
import java.util.Optional;

/**
 * One condition key of a statement the least-privilege rules analyse, under its operator
 * ({@code StringEquals: {aws:PrincipalOrgID: o-123}}), with its type from the IAM action data.
 *
 * @param statement the statement
 * @param index     its position among the statement's condition keys
 * @param operator  the operator as written ({@code ForAllValues:StringEquals})
 * @param key       the condition key as written ({@code aws:SourceVpc})
 * @param where     the key in the user's file, else the {@code Condition} key, else the statement's ref
 */
public record ConditionEntry(IamStatement statement, int index, String operator, String key, SourceRef where)
        implements StatementPart {

    /** {@code ForAllValues:} or {@code ForAnyValue:}, the set operators for multivalued keys. */
    public boolean setOperator() {
        String lower = operator.toLowerCase(Locale.ROOT);
        return lower.startsWith("forallvalues:") || lower.startsWith("foranyvalue:");
    }

    /** The key's type, when the IAM data knows the key. */
    public Optional<ConditionKeyType> type() {
        return IamCatalog.builtIn().conditionKey(key);
    }

    /** A key known to hold one value per request ({@code aws:SourceVpc}, {@code s3:prefix}). */
    public boolean singleValued() {
        return type().filter(t -> !t.multiValued()).isPresent();
    }

    /** The key is {@code name}, in any case. */
    public boolean named(String name) {
        return key.equalsIgnoreCase(name);
    }
}
