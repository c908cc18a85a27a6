package dev.slsguard.engine.model;

/**
 * A service a derivation rule lets assume a role, besides {@code lambda.amazonaws.com} (for
 * example {@code scheduler.amazonaws.com} for {@code schedule} events with
 * {@code method: scheduler}). The merge stage appends it to the principals of the role's trust
 * statement for Lambda, as Serverless Framework v3 does.
 *
 * @param role     logical id of the role resource ({@code IamRoleLambdaExecution})
 * @param service  the service principal, e.g. {@code scheduler.amazonaws.com}
 * @param source   the deriving rule's id
 * @param ref      the line that caused it (the first event that needs it)
 * @param orderKey position among the principals rules add; see {@link StatementOrder}
 */
public record RoleTrust(String role, String service, String source, SourceRef ref, String orderKey) {
}
