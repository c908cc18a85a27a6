package dev.slsguard.rules;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * Where failed events go: a function's {@code onError} (dead-letter queue or topic) and
 * {@code destinations.onFailure} for asynchronous invocations, a stream event's options, a queue's
 * {@code RedrivePolicy}.
 */
public final class FailureHandling {

    private FailureHandling() {
    }

    /** The function names somewhere for failed asynchronous invocations to go. */
    public static boolean hasFailureDestination(Function function) {
        return set(function.config().get("onError"))
                || set(function.config().at("destinations", "onFailure"));
    }

    /**
     * The stream event does not bound its retries: no {@code maximumRetryAttempts}, or -1 (the
     * value to report at, else the event's location).
     */
    public static List<SourceRef> unboundedRetries(Node config, SourceRef event) {
        Optional<Node> retries = Options.value(config, "maximumRetryAttempts").stream().findFirst();
        if (retries.isEmpty()) {
            return List.of(event);
        }
        if (Options.unresolved(retries.get())) {
            return List.of();
        }
        return Options.integer(retries.get()).filter(n -> n.signum() < 0).map(n -> List.of(retries.get().ref()))
                .orElse(List.of());
    }

    /** The event reports partial batch failures ({@code functionResponseType: ReportBatchItemFailures}). */
    public static boolean reportsBatchItemFailures(Node config) {
        return Options.value(config, "functionResponseType").stream()
                .anyMatch(n -> n instanceof ScalarNode s && "ReportBatchItemFailures".equals(s.text()));
    }

    /** The stream event does not split failing batches ({@code bisectBatchOnFunctionError} not true). */
    public static boolean bisects(Node config) {
        return Options.value(config, "bisectBatchOnFunctionError").stream()
                .anyMatch(v -> Options.unresolved(v) || Options.bool(v).orElse(false));
    }

    /** The queue sets a {@code RedrivePolicy} (a dead-letter queue for messages that keep failing). */
    public static boolean redrives(Resource queue) {
        return queue.definition().path("Properties").has("RedrivePolicy");
    }

    private static boolean set(Optional<Node> value) {
        return value.filter(v -> !(v instanceof dev.slsguard.engine.source.ScalarNode s)
                || (s.value() != null && !"".equals(s.value()))).isPresent();
    }
}
