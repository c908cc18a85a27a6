package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.SourceRef;

/**
 * One way an event pattern, Lambda filter or SNS filter policy breaks its service's grammar, found by
 * {@link EventPatterns}; each check is reported by one rule of {@code patterns.drl}.
 *
 * @param check   what is wrong: one of the constants below
 * @param where   the offending key or value
 * @param message why the pattern is rejected or cannot match as written, and what would work
 */
public record PatternProblem(String check, SourceRef where, String message) {

    public static final String NOT_A_LIST = "not-a-list";
    public static final String MATCH_LIST = "match-list";
    public static final String UNKNOWN_OPERATOR = "unknown-operator";
    public static final String OPERATOR_COUNT = "operator-count";
    public static final String NUMERIC_FORM = "numeric-form";
    public static final String NUMERIC_EMPTY_RANGE = "numeric-empty-range";
    public static final String NUMERIC_LIMIT = "numeric-limit";
    public static final String EXISTS = "exists";
    public static final String STRING_OPERAND = "string-operand";
    public static final String ANYTHING_BUT = "anything-but";
    public static final String CIDR = "cidr";
    public static final String OR_FORM = "or-form";
    public static final String UNSUPPORTED_OPERATOR = "unsupported-operator";
    public static final String ENVELOPE_KEY = "envelope-key";
    public static final String ROOT_KEY = "root-key";
    public static final String FILTER_COUNT = "filter-count";
    public static final String SIZE = "size";
    public static final String NESTED_ATTRIBUTES = "nested-attributes";
}
