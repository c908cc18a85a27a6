package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.ScalarNode;
import java.util.Optional;
import dev.slsguard.compilers.support.Js;

/**
 * The options v3's kafka, msk, activemq and rabbitmq compilers copy into their event source
 * mapping the same way; each compiler calls them in its own property order.
 */
final class BrokerMappings {

    private BrokerMappings() {
    }

    /** {@code BatchSize} and {@code MaximumBatchingWindowInSeconds}, each only when truthy. */
    static void batching(ObjectNode properties, EventConfig config) {
        setIfTruthy(properties, "BatchSize", config.option("batchSize"));
        setIfTruthy(properties, "MaximumBatchingWindowInSeconds", config.option("maximumBatchingWindow"));
    }

    /** {@code Enabled} when {@code enabled} is neither undefined nor null. */
    static void enabled(ObjectNode properties, EventConfig config) {
        JsonNode enabled = config.option("enabled");
        if (Js.present(enabled)) {
            properties.set("Enabled", enabled);
        }
    }

    /** {@code FilterCriteria} from {@code filterPatterns}. */
    static void filters(ObjectNode properties, EventConfig config) {
        FilterCriteria.of(config.option("filterPatterns")).ifPresent(c -> properties.set("FilterCriteria", c));
    }

    /** {@code StartingPosition}: as written when truthy, else TRIM_HORIZON. */
    static JsonNode startingPosition(EventConfig config) {
        JsonNode position = config.option("startingPosition");
        return Js.truthy(position) ? position : JsonNodeFactory.instance.textNode("TRIM_HORIZON");
    }

    /**
     * v3's refusal ({@code code}) of startingPosition AT_TIMESTAMP without a
     * {@code startingPositionTimestamp} (undefined or null), at the starting position.
     */
    static Optional<Refusal> timestampMissing(EventItem event, EventConfig config, String code) {
        JsonNode position = startingPosition(config);
        if (!position.isTextual() || !position.textValue().equals("AT_TIMESTAMP")
                || Js.present(config.option("startingPositionTimestamp"))) {
            return Optional.empty();
        }
        return Optional.of(CompileResult.refusal(event, code, config.optionRef("startingPosition", event.ref()),
                event.type().key() + " startingPosition AT_TIMESTAMP needs startingPositionTimestamp (Unix time in"
                + " seconds): Serverless Framework v3 refuses to package function " + event.function().key()
                + " without it (" + code + "); add the timestamp, or start from LATEST or TRIM_HORIZON"));
    }

    static void setIfTruthy(ObjectNode properties, String key, JsonNode value) {
        if (Js.truthy(value)) {
            properties.set(key, value);
        }
    }

    /** True for an event value v3 skips without a word (null, empty, false): only the schema reports it. */
    static boolean skipped(EventItem event) {
        return !Js.truthy(NodeJson.toJson(event.config()));
    }

    /**
     * v3's TypeError on an option it reads without checking ({@link Refusal#V3_UNREADABLE_OPTION}):
     * the event is not a mapping, or {@code key} is missing or of a type v3 cannot use.
     *
     * @param use     what v3 does with the option, for the detail ("names the mapping after it")
     * @param expects what the option must be ("the name of the topic to read")
     */
    static CompileResult unreadable(EventItem event, EventConfig config, String key, String use, String expects) {
        String type = event.type().key();
        Optional<MapNode.Field> field = config.object().flatMap(m -> m.field(key));
        String what;
        String fix;
        if (config.object().isEmpty()) {
            what = type + " event given as " + Setting.of(event.config()).shown();
            use = "it reads the event's options from a mapping";
            fix = "write the event as a mapping of its options";
        } else if (field.isEmpty() || field.get().value() instanceof ScalarNode scalar && scalar.value() == null) {
            what = type + " event without " + key;
            fix = "add " + key + ": " + expects;
        } else {
            what = type + " " + key + " given as " + Setting.of(field.get().value()).shown();
            fix = key + " must be " + expects;
        }
        return CompileResult.refused(event, Refusal.V3_UNREADABLE_OPTION,
                field.map(MapNode.Field::keyRef).orElse(event.ref()), what + " makes Serverless Framework v3 fail to"
                + " package the service with a TypeError, whatever configValidationMode says (" + use + "); " + fix);
    }
}
