package dev.slsguard.compilers.events;

import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.source.MapNode;
import java.util.List;
import java.util.Optional;

/**
 * The input options of an EventBridge rule's target ({@code cloudwatchEvent}, {@code eventBridge}):
 * the target takes one of {@code input}, {@code inputPath} and {@code inputTransformer}, and v3
 * refuses an event that sets more than one (a truthy value counts, as in v3).
 */
final class RuleTargetInputs {

    private static final List<String> OPTIONS = List.of("input", "inputPath", "inputTransformer");

    private RuleTargetInputs() {
    }

    /** v3's refusal {@code code} at the second input option set, when more than one is. */
    static Optional<Refusal> moreThanOne(EventItem event, Optional<MapNode> options, String code) {
        List<MapNode.Field> given = options.map(m -> m.fields().stream()
                .filter(f -> OPTIONS.contains(f.key()) && Js.truthy(NodeJson.toJson(f.value()))).toList())
                .orElse(List.of());
        if (given.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(CompileResult.refusal(event, code, given.get(1).keyRef(), event.type().key() + " sets "
                + String.join(" and ", given.stream().map(MapNode.Field::key).toList()) + ", but the rule's target"
                + " takes only one of input, inputPath and inputTransformer: Serverless Framework v3 refuses to"
                + " package this (" + code + "); keep one"));
    }
}
