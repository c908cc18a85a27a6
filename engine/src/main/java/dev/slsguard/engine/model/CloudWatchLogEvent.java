package dev.slsguard.engine.model;

/**
 * A {@code cloudwatchLog} event as compiled: an {@code AWS::Logs::SubscriptionFilter} on a log
 * group that sends to the function, and the function's one shared {@code AWS::Lambda::Permission}
 * for CloudWatch Logs.
 *
 * @param function       the function key
 * @param index          position in the function's {@code events:}
 * @param logGroup       the log group name (line breaks removed, as v3 does)
 * @param filter         the filter pattern ({@code ""} matches every event)
 * @param filterId       logical id of the {@code AWS::Logs::SubscriptionFilter}
 * @param permissionId   logical id of the function's {@code AWS::Lambda::Permission}
 * @param occurrence     how many subscriptions of the service use this log group up to and
 *                       including this one, in v3's order (functions, then events); CloudWatch
 *                       Logs allows 2 per log group
 * @param options        the event value as written (a string or a mapping), typed and located
 * @param ref            the event item's location
 * @param logGroupRef    the log group name's location
 */
public record CloudWatchLogEvent(String function, int index, String logGroup, String filter, String filterId,
                                 String permissionId, int occurrence, Setting options, SourceRef ref,
                                 SourceRef logGroupRef) {

    /** Subscription filters CloudWatch Logs (and v3) allow per log group. */
    public static final int FILTERS_PER_LOG_GROUP = 2;
}
