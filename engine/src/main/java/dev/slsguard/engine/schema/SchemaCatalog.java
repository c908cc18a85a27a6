package dev.slsguard.engine.schema;

import java.util.Map;
import java.util.Optional;

/**
 * Where the JSON Schemas the schema stage checks a service against are: class-path resource names
 * of the schema of the service's own settings and of each event type's options. The event
 * compilers own these files (each beside its compiler); the engine only reads them.
 *
 * @param service the schema of the settings outside {@code events} ({@code configValidationMode},
 *                {@code resources} ...), if any
 * @param events  event type ({@code sqs}) to its schema
 */
public record SchemaCatalog(Optional<String> service, Map<String, String> events) {

    /** No schema at all: nothing is coerced or checked. */
    public static final SchemaCatalog NONE = new SchemaCatalog(Optional.empty(), Map.of());

    public SchemaCatalog {
        events = Map.copyOf(events);
    }
}
