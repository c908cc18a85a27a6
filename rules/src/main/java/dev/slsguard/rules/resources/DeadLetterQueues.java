package dev.slsguard.rules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A queue's dead-letter queue, when both are in the template, and how long each keeps messages. A
 * message moved to the dead-letter queue of a standard queue keeps its first enqueue time, so the
 * dead-letter queue must keep messages at least as long as the source does.
 */
public final class DeadLetterQueues {

    /** How long SQS keeps a message when {@code MessageRetentionPeriod} is not set: four days, in seconds. */
    public static final long DEFAULT_RETENTION = 345_600;

    private DeadLetterQueues() {
    }

    /**
     * A dead-letter queue in the template that keeps messages for less time than {@code queue} does:
     * reported at its {@code MessageRetentionPeriod} (or the key of the dead-letter queue when it relies
     * on the default), with both periods in words. FIFO queues reset the enqueue time, so they are not
     * checked; retention periods that cannot be read offline neither.
     */
    public static List<Detail> shorterRetention(Service service, TemplateResource queue, Collection<?> facts) {
        if (queue.property("FifoQueue").isTrue()) {
            return List.of();
        }
        Optional<String> target = getAttTarget(queue.property("RedrivePolicy").parsed().get("deadLetterTargetArn").json());
        if (target.isEmpty()) {
            return List.of();
        }
        for (Object fact : facts) {
            if (fact instanceof Resource r && r.logicalId().equals(target.get()) && r.type().equals("AWS::SQS::Queue")) {
                TemplateResource dlq = TemplateResource.of(service, r);
                Optional<Long> source = retention(queue);
                Optional<Long> kept = retention(dlq);
                if (source.isPresent() && kept.isPresent() && kept.get() < source.get()) {
                    Property written = dlq.property("MessageRetentionPeriod");
                    return List.of(new Detail(written.present() ? written.where() : dlq.where(),
                            dlq.id() + " keeps messages " + duration(kept.get()) + " but " + queue.id() + " keeps them "
                                    + duration(source.get())));
                }
            }
        }
        return List.of();
    }

    /** The resource named by {@code !GetAtt X.Arn} (either form of the function). */
    static Optional<String> getAttTarget(JsonNode value) {
        JsonNode argument = value.path("Fn::GetAtt");
        if (argument.isArray() && argument.size() == 2 && argument.get(1).asText().equals("Arn")) {
            return Optional.of(argument.get(0).asText());
        }
        if (argument.isTextual() && argument.asText().endsWith(".Arn")) {
            return Optional.of(argument.asText().substring(0, argument.asText().length() - 4));
        }
        return Optional.empty();
    }

    private static Optional<Long> retention(TemplateResource queue) {
        Property period = queue.property("MessageRetentionPeriod");
        return period.absent() ? Optional.of(DEFAULT_RETENTION) : period.integer();
    }

    /** {@code 4 days}, {@code 12 hours}, {@code 90 seconds}. */
    static String duration(long seconds) {
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
