package dev.slsguard.engine.model;

import java.util.List;

/**
 * An {@code alb} event (a rule of an Application Load Balancer listener that forwards to the
 * function) as compiled.
 *
 * @param function        the function key
 * @param index           position in the function's {@code events:}
 * @param listenerArn     the listener's ARN as written (a literal, or {@code Ref} of a listener)
 * @param albId           what v3 names the target group after: the load balancer's id from the
 *                        ARN, or the {@code Ref}'s logical id
 * @param listenerId      the listener's id from the ARN, or the {@code Ref}'s logical id
 * @param targetGroupId   logical id of the {@code AWS::ElasticLoadBalancingV2::TargetGroup};
 *                        events of one function on one load balancer with the same
 *                        multiValueHeaders share it
 * @param listenerRuleId  logical id of the {@code AWS::ElasticLoadBalancingV2::ListenerRule}
 * @param authorizers     the names of the {@code provider.alb.authorizers} the rule authenticates
 *                        with, in order
 * @param authenticates   at least one of those authorizers turns unauthenticated requests away
 *                        or to the identity provider ({@code onUnauthenticatedRequest} other than
 *                        {@code allow})
 * @param paths           the rule's path patterns ({@code conditions.path}); empty: any path
 * @param options         the event value as written, typed and located
 * @param ref             the event item's location
 */
public record AlbEvent(String function, int index, CfnValue listenerArn, String albId, String listenerId,
                       String targetGroupId, String listenerRuleId, List<String> authorizers,
                       boolean authenticates, List<String> paths, Setting options, SourceRef ref) {

    public AlbEvent {
        authorizers = List.copyOf(authorizers);
        paths = List.copyOf(paths);
    }

    /** {@code priority} as written. */
    public Setting priority() {
        return options.get("priority");
    }

    /** {@code conditions} as written. */
    public Setting conditions() {
        return options.get("conditions");
    }
}
