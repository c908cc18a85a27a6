package dev.slsguard.rules.secrets;

import dev.slsguard.rules.lambda.LambdaPermissions;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API key values written into {@code provider.apiGateway.apiKeys} (or the legacy
 * {@code provider.apiKeys}): {@code {name, value}} items, also inside usage-plan groups
 * ({@code - free: [{name, value}]}). Values left to a variable or a dynamic reference are not
 * written in the file.
 */
public final class ApiKeyValues {

    private ApiKeyValues() {
    }

    /** The literal {@code value} nodes. */
    public static List<Node> literal(Service service) {
        List<Node> values = new ArrayList<>();
        collect(service.config().at("provider", "apiGateway", "apiKeys"), values);
        collect(service.config().at("provider", "apiKeys"), values);
        return values;
    }

    private static void collect(Optional<Node> keys, List<Node> values) {
        if (!(keys.orElse(null) instanceof ListNode list)) {
            return;
        }
        for (Node item : list.items()) {
            if (item instanceof MapNode map && map.has("value")) {
                map.get("value").filter(ApiKeyValues::written).ifPresent(values::add);
            } else if (item instanceof MapNode group && group.size() == 1) {
                collect(group.get(group.keys().get(0)), values);
            }
        }
    }

    private static boolean written(Node value) {
        return LambdaPermissions.text(value).filter(t -> !t.isBlank() && !t.contains("${") && !t.contains("{{resolve:"))
                .isPresent();
    }
}
