package dev.slsguard.rules;

import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Intrinsic ARNs Serverless Framework v3 cannot package. v3 reads a queue or stream name from the
 * ARN to build logical ids: from {@code Fn::GetAtt}, from {@code Fn::ImportValue} of a plain name,
 * from the last element of {@code Fn::Join} (and, for streams, from {@code Ref}); any other form
 * makes it stop with a TypeError.
 */
public final class IntrinsicArns {

    private IntrinsicArns() {
    }

    /** The violation of an sqs event's intrinsic {@code arn}, if v3 cannot package it. */
    public static List<Violation> sqs(Node config, Collection<?> resources) {
        Optional<MapNode.Field> arn = arnField(config);
        if (arn.isEmpty() || readable(arn.get().value(), false)) {
            return List.of();
        }
        Node value = arn.get().value();
        String name = Options.intrinsicName(value);
        String message = "sqs arn given as " + name + " makes Serverless Framework v3 fail to package the"
                + " service: it reads the queue name only from Fn::GetAtt, Fn::ImportValue of a name or the last"
                + " element of Fn::Join";
        if (name.equals("Ref") && value instanceof MapNode map) {
            String target = Options.string(map.get("Ref").orElseThrow()).orElse("");
            boolean queue = resources.stream().anyMatch(o -> o instanceof Resource r && r.logicalId().equals(target)
                    && r.type().equals("AWS::SQS::Queue"));
            message += queue ? "; and Ref of a queue is its URL, not its ARN: use !GetAtt " + target + ".Arn"
                    : "; use Fn::Join or Fn::GetAtt to build the ARN";
        }
        return List.of(new Violation(Violation.SHAPE, OptionChecks.where(arn.get()), message));
    }

    /** The violation of a stream event's intrinsic {@code arn}, if v3 cannot package it. */
    public static List<Violation> stream(Node config) {
        Optional<MapNode.Field> arn = arnField(config);
        if (arn.isEmpty() || readable(arn.get().value(), true)) {
            return List.of();
        }
        return List.of(new Violation(Violation.SHAPE, OptionChecks.where(arn.get()), "stream arn given as "
                + Options.intrinsicName(arn.get().value()) + " makes Serverless Framework v3 fail to package the"
                + " service: it reads the stream name only from Fn::GetAtt, Ref, Fn::ImportValue of a name or the"
                + " last element of Fn::Join"));
    }

    private static Optional<MapNode.Field> arnField(Node config) {
        if (config instanceof MapNode map) {
            return map.field("arn").filter(f -> Options.isIntrinsic(f.value()));
        }
        return Optional.empty();
    }

    private static boolean readable(Node intrinsic, boolean refAllowed) {
        MapNode map = (MapNode) intrinsic;
        Node argument = map.fields().get(0).value();
        return switch (Options.intrinsicName(intrinsic)) {
            case "Fn::GetAtt" -> true;
            case "Ref" -> refAllowed;
            case "Fn::ImportValue" -> Options.isString(argument);
            case "Fn::Join" -> argument instanceof ListNode args && args.items().size() == 2
                    && args.items().get(1) instanceof ListNode parts && !parts.items().isEmpty()
                    && Options.isString(parts.items().get(parts.items().size() - 1));
            default -> false;
        };
    }
}
