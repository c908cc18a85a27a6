package dev.slsguard.engine.model;

/**
 * Keys that put a role's statements in the order Serverless Framework v3 writes them: core logs
 * statements, then the user's declared statements, then function-level additions, then event
 * statements in v3's plugin order, function order, and statement kind. Keys compare as strings.
 */
public final class StatementOrder {

    private StatementOrder() {
    }

    /** Core statements (logs), by position. */
    public static String core(int position) {
        return String.format("0-%04d", position);
    }

    /** Declared statements, by position in the user's list. */
    public static String declared(int position) {
        return String.format("1-%04d", position);
    }

    /** Statements compileFunctions adds (onError, KMS, X-Ray, EFS, destinations). */
    public static String function(int functionIndex, int kind) {
        return String.format("2-%05d-%02d", functionIndex, kind);
    }

    /**
     * Statements an event compiler adds. {@code compilerOrder} is v3's plugin registration order
     * of the event type, as the event facts carry it ({@code EventSource.pluginOrder}, from the
     * compilers' event registry); {@code functionIndex} is -1 for a service-wide statement.
     */
    public static String event(int compilerOrder, int functionIndex, int kind) {
        return String.format("3-%02d-%05d-%02d", compilerOrder, functionIndex + 1, kind);
    }

    /**
     * Statements of a managed policy (analysis facts, never in the inline policy): by the
     * attachment's position, then the statement's position in the policy document.
     */
    public static String managed(int attachment, int position) {
        return String.format("5-%04d-%04d", attachment, position);
    }

    /** Statements written under {@code resources:}, by resource, policy and statement position. */
    public static String resource(int resource, int policy, int position) {
        return String.format("6-%04d-%04d-%04d", resource, policy, position);
    }
}
