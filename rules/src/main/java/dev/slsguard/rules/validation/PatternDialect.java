package dev.slsguard.rules.validation;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The three dialects of AWS's event-pattern grammar (aws/event-ruler) a service can hold: what
 * each service calls a pattern, which comparison operators it takes, the numbers it compares and
 * how long a pattern may be.
 */
public enum PatternDialect {

    /**
     * EventBridge rule patterns (eb-create-pattern-operators): every operator; numeric matching over
     * -5.0e9..+5.0e9 (eb-event-patterns-content-based-filtering); 2048 characters per pattern by
     * default (eb-quota).
     */
    EVENTBRIDGE("EventBridge", "the rule is rejected when CloudFormation creates it",
            Set.of("prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "exists", "cidr"),
            new BigDecimal("5.0e9"), 2048),

    /**
     * Lambda event filtering (invocation-eventfiltering): EventBridge's syntax without wildcard and IP
     * address (cidr) matching; a Filter's Pattern is at most 4096 characters (API_Filter).
     */
    LAMBDA_FILTER("Lambda", "Lambda rejects the event source mapping when CloudFormation creates it",
            Set.of("prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists"),
            new BigDecimal("5.0e9"), 4096),

    /**
     * SNS subscription filter policies (sns-subscription-filter-policies): no wildcard; numeric
     * matching over -1e9..+1e9 (subscription-filter-policy-constraints).
     */
    SNS_FILTER("SNS", "SNS rejects the filter policy when CloudFormation creates the subscription",
            Set.of("prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists", "cidr"),
            new BigDecimal("1e9"), 0);

    /** Every operator of the grammar, whichever dialect takes it. */
    public static final Set<String> OPERATORS =
            Set.of("prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "exists", "cidr");

    private final String service;
    private final String rejection;
    private final Set<String> operators;
    private final BigDecimal numericLimit;
    private final int maxLength;

    PatternDialect(String service, String rejection, Set<String> operators, BigDecimal numericLimit, int maxLength) {
        this.service = service;
        this.rejection = rejection;
        this.operators = operators;
        this.numericLimit = numericLimit;
        this.maxLength = maxLength;
    }

    /** The service that reads the pattern, for messages. */
    public String service() {
        return service;
    }

    /** What happens to a pattern the service does not accept, for messages. */
    public String rejection() {
        return rejection;
    }

    public boolean supports(String operator) {
        return operators.contains(operator);
    }

    /** The largest magnitude numeric matching covers. */
    public BigDecimal numericLimit() {
        return numericLimit;
    }

    /** The most characters the pattern's JSON may have; 0 when slsguard checks no length. */
    public int maxLength() {
        return maxLength;
    }
}
