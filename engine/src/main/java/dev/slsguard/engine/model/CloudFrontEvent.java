package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * A {@code cloudFront} event as compiled: the function runs as Lambda@Edge, associated (by its
 * published version) with one cache behaviour of the service's {@code CloudFrontDistribution},
 * and an {@code AWS::Lambda::Permission} lets CloudFront's replicas invoke that version.
 *
 * @param function      the function key
 * @param index         position in the function's {@code events:}
 * @param eventType     {@code viewer-request}, {@code viewer-response}, {@code origin-request} or
 *                      {@code origin-response}; empty when not given
 * @param pathPattern   the behaviour's path pattern; empty for the default behaviour
 * @param originId      the id of the origin the behaviour targets ({@code s3/<domain><path>} ...)
 * @param permissionId  logical id of the function's {@code AWS::Lambda::Permission}
 * @param options       the event value as written, typed and located
 * @param ref           the event item's location
 * @param eventTypeRef  the location of the {@code eventType} value (the item when not given)
 */
public record CloudFrontEvent(String function, int index, Optional<String> eventType, Optional<String> pathPattern,
                              String originId, String permissionId, Setting options, SourceRef ref,
                              SourceRef eventTypeRef) {

    /** Longest timeout, in seconds, Lambda@Edge allows a function on viewer events. */
    public static final int VIEWER_MAX_TIMEOUT = 5;
    /** Most memory, in MB, Lambda@Edge allows a function on viewer events. */
    public static final int VIEWER_MAX_MEMORY = 128;
    /** Longest timeout, in seconds, Lambda@Edge allows a function on origin events. */
    public static final int ORIGIN_MAX_TIMEOUT = 30;
    /** Most memory, in MB, Lambda@Edge allows a function on origin events. */
    public static final int ORIGIN_MAX_MEMORY = 10240;

    /** Whether the function runs on a viewer event (also when no eventType is given, as v3 checks it). */
    public boolean viewer() {
        return eventType.map(t -> !t.startsWith("origin-")).orElse(true);
    }

    /** The timeout limit of this event's kind. */
    public int maxTimeout() {
        return viewer() ? VIEWER_MAX_TIMEOUT : ORIGIN_MAX_TIMEOUT;
    }

    /** The memory limit of this event's kind. */
    public int maxMemory() {
        return viewer() ? VIEWER_MAX_MEMORY : ORIGIN_MAX_MEMORY;
    }
}
