package dev.slsguard.rules.reliability;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StreamEvent;
import java.util.List;

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
        return set(function.settings().get("onError")) || set(function.settings().at("destinations", "onFailure"));
    }

    /**
     * The stream event does not bound its retries: no {@code maximumRetryAttempts}, or -1 (the
     * value to report at, else the event's location).
     */
    public static List<SourceRef> unboundedRetries(StreamEvent event) {
        Setting retries = event.maximumRetryAttempts();
        if (!retries.present()) {
            return List.of(event.ref());
        }
        if (retries.unresolved()) {
            return List.of();
        }
        return retries.integer().filter(n -> n.signum() < 0).map(n -> List.of(retries.ref())).orElse(List.of());
    }

    /** The event reports partial batch failures ({@code functionResponseType: ReportBatchItemFailures}). */
    public static boolean reportsBatchItemFailures(StreamEvent event) {
        return event.functionResponseType().textOr("").equals("ReportBatchItemFailures");
    }

    /** The stream event splits failing batches ({@code bisectBatchOnFunctionError} true or unknown). */
    public static boolean bisects(StreamEvent event) {
        Setting bisect = event.bisectBatchOnFunctionError();
        return bisect.unresolved() || bisect.isTrue();
    }

    /** The queue sets a {@code RedrivePolicy} (a dead-letter queue for messages that keep failing). */
    public static boolean redrives(Resource queue) {
        return queue.definition().path("Properties").has("RedrivePolicy");
    }

    private static boolean set(Setting value) {
        return value.present() && !value.isNull() && !(value.isText() && value.textOr("").isEmpty());
    }
}
