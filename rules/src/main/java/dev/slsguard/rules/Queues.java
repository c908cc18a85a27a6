package dev.slsguard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Resource;
import java.util.Collection;
import java.util.Optional;

/** What the deploy-time SQS checks need to know about a queue an sqs event reads. */
public final class Queues {

    /** The visibility timeout SQS uses when a queue sets none, in seconds. */
    public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;

    /** The largest batch Lambda reads from a FIFO queue. */
    public static final int FIFO_MAX_BATCH = 10;

    private Queues() {
    }

    /** The resource {@code !GetAtt X.Arn} names ({@code X}), or {@code ""} for any other value. */
    public static String getAttId(CfnValue arn) {
        return arn instanceof CfnValue.GetAtt getAtt ? getAtt.resource() : "";
    }

    /** The resource {@code !Ref X} names ({@code X}), or {@code ""} for any other value. */
    public static String refId(CfnValue arn) {
        return arn instanceof CfnValue.Ref ref ? ref.logicalId() : "";
    }

    /**
     * The {@code AWS::SQS::Queue} of this template that {@code arn} points at
     * ({@code !GetAtt Q.Arn}, {@code !Ref Q}).
     */
    public static Optional<Resource> referenced(CfnValue arn, Collection<?> resources) {
        String id;
        if (arn instanceof CfnValue.GetAtt getAtt) {
            id = getAtt.resource();
        } else if (arn instanceof CfnValue.Ref ref) {
            id = ref.logicalId();
        } else {
            return Optional.empty();
        }
        for (Object o : resources) {
            if (o instanceof Resource r && r.logicalId().equals(id) && r.type().equals("AWS::SQS::Queue")) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The queue's {@code VisibilityTimeout} in seconds: as written, or the SQS default when
     * absent; -1 when it cannot be known offline (an intrinsic, a parameter).
     */
    public static int visibilityTimeout(Resource queue) {
        JsonNode value = queue.definition().path("Properties").path("VisibilityTimeout");
        if (value.isMissingNode() || value.isNull()) {
            return DEFAULT_VISIBILITY_TIMEOUT;
        }
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the queue's {@code VisibilityTimeout} is written, or SQS's default applies. */
    public static boolean setsVisibilityTimeout(Resource queue) {
        return queue.definition().path("Properties").has("VisibilityTimeout");
    }

    /**
     * True when {@code arn} names a FIFO queue: a literal ARN ending in {@code .fifo}, or a queue
     * of this template with {@code FifoQueue: true} or a {@code QueueName} ending in {@code .fifo}.
     */
    public static boolean isFifo(CfnValue arn, Collection<?> resources) {
        if (arn.literal().filter(a -> a.endsWith(".fifo")).isPresent()) {
            return true;
        }
        return referenced(arn, resources).map(Queues::isFifo).orElse(false);
    }

    private static boolean isFifo(Resource queue) {
        JsonNode properties = queue.definition().path("Properties");
        JsonNode fifo = properties.path("FifoQueue");
        if (fifo.isBoolean() && fifo.asBoolean() || fifo.isTextual() && fifo.asText().equals("true")) {
            return true;
        }
        JsonNode name = properties.path("QueueName");
        return name.isTextual() && name.asText().endsWith(".fifo");
    }
}
