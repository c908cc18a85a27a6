package dev.slsguard.engine.source;

import dev.slsguard.engine.model.SourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mapping in document order; keys keep their own location (for findings about a key). */
public final class MapNode implements Node {

    /** One key/value pair. */
    public record Field(String key, SourceRef keyRef, Node value) {
    }

    private final SourceRef ref;
    private final List<Field> fields;
    private final Map<String, Field> byKey;

    public MapNode(SourceRef ref, List<Field> fields) {
        this.ref = ref;
        this.fields = List.copyOf(fields);
        Map<String, Field> index = new LinkedHashMap<>();
        for (Field f : this.fields) {
            index.put(f.key(), f); // a repeated key: the last one wins, as in YAML loaders
        }
        this.byKey = index;
    }

    @Override
    public SourceRef ref() {
        return ref;
    }

    @Override
    public String kind() {
        return "object";
    }

    /** Fields in document order, duplicates removed (the last occurrence wins, in its first position). */
    public List<Field> fields() {
        return byKey.size() == fields.size() ? fields : List.copyOf(byKey.values());
    }

    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    public Optional<Node> get(String key) {
        Field f = byKey.get(key);
        return f == null ? Optional.empty() : Optional.of(f.value());
    }

    public Optional<Field> field(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Follows a path of keys through nested mappings. */
    public Optional<Node> at(String... path) {
        Node current = this;
        for (String key : path) {
            if (!(current instanceof MapNode map)) {
                return Optional.empty();
            }
            Optional<Node> next = map.get(key);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    public int size() {
        return byKey.size();
    }

    @Override
    public String toString() {
        return "MapNode" + keys() + "@" + ref;
    }
}
