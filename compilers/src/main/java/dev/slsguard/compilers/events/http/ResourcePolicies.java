package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.support.Coerce;
import dev.slsguard.compilers.support.StatementCoercion;

/**
 * v3's schema coercion of {@code provider.apiGateway.resourcePolicy} statements: a scalar
 * {@code Action} becomes a list, a one-element {@code Resource} list becomes its string.
 */
final class ResourcePolicies {

    private ResourcePolicies() {
    }

    static ObjectNode coerce(ObjectNode statement) {
        return StatementCoercion.coerce(statement, ResourcePolicies::resource);
    }

    private static JsonNode resource(JsonNode value) {
        if (value.isArray() && value.size() == 1 && value.get(0).isValueNode()) {
            return Coerce.string(value.get(0));
        }
        return value;
    }
}
