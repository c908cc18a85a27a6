package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.support.Js;
import java.util.Optional;

/** {@code filterPatterns} as v3 writes them: {@code FilterCriteria.Filters[].Pattern = JSON.stringify(p)}. */
final class FilterCriteria {

    private FilterCriteria() {
    }

    static Optional<ObjectNode> of(JsonNode filterPatterns) {
        if (!Js.truthy(filterPatterns) || !filterPatterns.isArray()) {
            return Optional.empty();
        }
        ObjectNode criteria = JsonNodeFactory.instance.objectNode();
        ArrayNode filters = criteria.putArray("Filters");
        filterPatterns.forEach(p -> filters.addObject().put("Pattern", Js.stringify(p)));
        return Optional.of(criteria);
    }
}
