package dev.slsguard.compilers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.BoundService;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.core.StatementList;
import dev.slsguard.engine.merge.LodashMerge;
import dev.slsguard.engine.merge.TemplateDraft;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.TemplateOrigins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the compilers produce, in v3's order: resources, outputs, event facts, the execution
 * role's core and declared statements, and which events compiled. Compilers only add to it; the
 * merge stage alone builds the template.
 */
public final class CompileContext {

    private final BoundService bound;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, ObjectNode> outputs = new LinkedHashMap<>();
    private final List<Object> eventFacts = new ArrayList<>();
    /** The items that compiled, by event type, each list in compile order. */
    private final Map<EventType, List<EventItem>> compiledEvents = new java.util.EnumMap<>(EventType.class);
    /** What compilers keep while the service compiles (see {@link #memo}). */
    private final Map<Object, Object> memos = new java.util.HashMap<>();
    private final StatementList statements = new StatementList();
    private final Map<String, SourceRef> origins = new LinkedHashMap<>();

    public CompileContext(BoundService bound) {
        this.bound = bound;
    }

    public ServiceSettings settings() {
        return bound.settings();
    }

    public List<FunctionSettings> functions() {
        return bound.functions();
    }

    public BoundService bound() {
        return bound;
    }

    /** The execution role's statements so far (core, declared, function-level). */
    public StatementList statements() {
        return statements;
    }

    /**
     * Adds a resource the way v3's compilers do with {@code _.merge}: a second resource with the
     * same logical id is merged into the first, which keeps its position.
     */
    public void mergeResource(String logicalId, ObjectNode definition, Optional<String> function, SourceRef origin) {
        Resource existing = resources.get(logicalId);
        if (existing != null) {
            LodashMerge.merge(existing.definition(), definition);
            return;
        }
        resources.put(logicalId, new Resource(logicalId, definition.path("Type").asText(""), definition,
                function, origin));
    }

    /** Sets a resource the way {@code Object.assign} does: a same-id resource is replaced in place. */
    public void putResource(String logicalId, ObjectNode definition, Optional<String> function, SourceRef origin) {
        resources.put(logicalId, new Resource(logicalId, definition.path("Type").asText(""), definition,
                function, origin));
    }

    public void removeResource(String logicalId) {
        resources.remove(logicalId);
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /**
     * Records, for the template's source map, that the value at {@code path} of resource
     * {@code logicalId} ({@code Properties, RoleName}) is determined by the setting at {@code origin}
     * (finer than the resource's own origin; see {@link TemplateOrigins}).
     */
    public void origin(String logicalId, List<String> path, SourceRef origin) {
        List<String> full = new ArrayList<>();
        full.add("Resources");
        full.add(logicalId);
        full.addAll(path);
        origins.put(TemplateOrigins.pointer(full), origin);
    }

    /** The origins recorded with {@link #origin}, by template pointer. */
    public Map<String, SourceRef> origins() {
        return Map.copyOf(origins);
    }

    public void putOutput(String id, ObjectNode definition) {
        outputs.put(id, definition);
    }

    /** An output with its {@code Description} and {@code Value}. */
    public void putOutput(String id, String description, JsonNode value) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Description", description);
        output.set("Value", value);
        putOutput(id, output);
    }

    /** A typed event or an event source, in compile order. */
    public void addEventFact(Object fact) {
        eventFacts.add(fact);
    }

    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    public List<TemplateDraft.Output> outputs() {
        List<TemplateDraft.Output> list = new ArrayList<>();
        outputs.forEach((id, def) -> list.add(new TemplateDraft.Output(id, def)));
        return list;
    }

    public List<Object> eventFacts() {
        return List.copyOf(eventFacts);
    }

    /** Records that an event item compiled (neither refused nor skipped). */
    public void compiled(EventItem event) {
        compiledEvents.computeIfAbsent(event.type(), t -> new ArrayList<>()).add(event);
    }

    /**
     * The items of an event type that compiled so far, in compile order: a read-only view, which
     * grows as more items compile (copy it to keep it as it is now).
     */
    public List<EventItem> compiledEvents(EventType type) {
        return java.util.Collections.unmodifiableList(compiledEvents.getOrDefault(type, List.of()));
    }

    /**
     * What a compiler keeps from one event of this service to the next (under a key of its own), made by
     * {@code initial} the first time: so that an event is checked against those before it without
     * going through all of them again (a service's events of one type would otherwise take quadratic time).
     */
    public <T> T memo(Object key, java.util.function.Supplier<T> initial) {
        @SuppressWarnings("unchecked")
        T value = (T) memos.computeIfAbsent(key, k -> initial.get());
        return value;
    }
}
