package dev.slsguard.engine.schema;

import dev.slsguard.engine.Timing;
import dev.slsguard.engine.model.ConfigValidation;
import dev.slsguard.engine.model.SchemaViolation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.ValidationMode;
import dev.slsguard.engine.schema.SchemaDocuments.Located;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.vars.ResolvedDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The schema stage, between resolve and bind: coerces every event's options (and the service's
 * settings) the way v3's validator does, then checks them against their JSON Schema. Each violation
 * becomes a {@link SchemaViolation} fact at the offending node, with the severity the service's
 * {@code configValidationMode} gives (none with {@code off}), or an error in every mode where the
 * schema says v3 stops packaging on such a value ({@code refused}); a {@link ConfigValidation} fact
 * says which mode applies.
 */
public final class SchemaStage {

    /**
     * What the stage hands on.
     *
     * @param document   the document with coerced values (what the compilers read)
     * @param validation the service's mode
     * @param violations the violations to report (empty with {@code configValidationMode: off})
     */
    public record Result(ResolvedDocument document, ConfigValidation validation, List<SchemaViolation> violations) {

        public Result {
            violations = List.copyOf(violations);
        }

        /** The facts this stage adds: the mode and every violation. */
        public List<Object> facts() {
            List<Object> facts = new ArrayList<>();
            facts.add(validation);
            facts.addAll(violations);
            return facts;
        }
    }

    private SchemaStage() {
    }

    /** Schema documents queued for the ahead-of-use compilation, in the order they were asked for. */
    private static final BlockingQueue<String> AHEAD = new LinkedBlockingQueue<>();
    /** Every schema document ever queued (each is compiled ahead once per process). */
    private static final Set<String> QUEUED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean AHEAD_STARTED = new AtomicBoolean();

    /**
     * Starts compiling the schema of the service's own settings on a daemon thread, so that the schema
     * library's cold start overlaps with loading the service and the rule base; once a service is loaded,
     * {@link #prepare(SchemaCatalog, Node)} adds the schemas of the event types it names. {@link #check}
     * compiles what was not compiled ahead itself, and waits for a schema still being compiled.
     */
    public static void prepare(SchemaCatalog catalog) {
        catalog.service().ifPresent(SchemaStage::ahead);
    }

    /**
     * Queues the schemas of the event types {@code root} (a loaded service, before variables are
     * resolved) names under {@code functions.*.events} for the ahead-of-use compilation: only the
     * schemas a service uses are compiled (an event type that a variable supplies is compiled when
     * it is checked).
     */
    public static void prepare(SchemaCatalog catalog, Node root) {
        if (!(root instanceof MapNode service && service.get("functions").orElse(null) instanceof MapNode functions)) {
            return;
        }
        for (MapNode.Field function : functions.fields()) {
            if (function.value() instanceof MapNode body && body.get("events").orElse(null) instanceof ListNode events) {
                for (Node item : events.items()) {
                    if (item instanceof MapNode map && map.size() == 1) {
                        String schema = catalog.events().get(map.fields().get(0).key());
                        if (schema != null) {
                            ahead(schema);
                        }
                    }
                }
            }
        }
    }

    private static void ahead(String schemaName) {
        if (!QUEUED.add(schemaName)) {
            return;
        }
        AHEAD.add(schemaName);
        if (AHEAD_STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(SchemaStage::compileAhead, "slsguard-schemas");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The ahead-of-use thread: compiles each queued schema; each batch taken at once is one timed stage. */
    private static void compileAhead() {
        List<String> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(AHEAD.take());
            } catch (InterruptedException e) {
                return;
            }
            AHEAD.drainTo(batch);
            List<String> names = List.copyOf(batch);
            batch.clear();
            try {
                Timing.time("schemas: compile (ahead)", () -> names.forEach(SchemaErrors::compile));
            } catch (RuntimeException e) {
                // a schema that does not compile fails again, reported, where the stage uses it
            }
        }
    }

    public static Result check(ResolvedDocument document, SchemaCatalog catalog) {
        MapNode root = document.root();
        Optional<MapNode.Field> modeField = root.field("configValidationMode");
        String modeText = modeField.map(MapNode.Field::value).filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()).orElse("warn");
        ConfigValidation validation = new ConfigValidation(ValidationMode.of(modeText),
                modeField.map(f -> f.value().ref()).orElse(root.ref()));
        Optional<Severity> severity = validation.mode().severity();
        List<SchemaViolation> violations = new ArrayList<>();

        MapNode coerced = root;
        if (catalog.service().isPresent()) {
            String schema = catalog.service().get();
            coerced = (MapNode) Coercion.coerce(SchemaDocuments.root(schema), coerced);
            violations.addAll(violations(new Subject("service", "", -1, "", root.ref(), schema), coerced,
                    severity));
        }
        coerced = withEvents(coerced, catalog, severity, violations);
        ResolvedDocument out = coerced == root ? document
                : new ResolvedDocument(document.source(), coerced, document.stage(), document.region(),
                        document.unresolved(), document.included());
        return new Result(out, validation, violations);
    }

    /** What one validation is about: the schema's name, its function and event, the words before a path. */
    private record Subject(String schema, String function, int eventIndex, String name, SourceRef eventRef,
                           String resource) {
    }

    /** One function after the stage: its (coerced) value and the violations of its events, in event order. */
    private record CheckedFunction(MapNode.Field field, boolean changed, List<SchemaViolation> violations) {
    }

    /**
     * Coerces and checks every function's events. Functions are independent, so they are checked in
     * parallel (the second core would otherwise wait); results are put together in document order,
     * so the output does not depend on the scheduling.
     */
    private static MapNode withEvents(MapNode root, SchemaCatalog catalog, Optional<Severity> severity,
                                      List<SchemaViolation> violations) {
        Optional<MapNode.Field> functionsField = root.field("functions");
        if (functionsField.isEmpty() || !(functionsField.get().value() instanceof MapNode functions)) {
            return root;
        }
        List<CheckedFunction> checked = functions.fields().parallelStream()
                .map(f -> function(f, catalog, severity)).toList();
        List<MapNode.Field> newFunctions = new ArrayList<>();
        boolean changed = false;
        for (CheckedFunction function : checked) {
            newFunctions.add(function.field());
            changed |= function.changed();
            violations.addAll(function.violations());
        }
        if (!changed) {
            return root;
        }
        return replace(root, "functions", new MapNode(functions.ref(), newFunctions));
    }

    private static CheckedFunction function(MapNode.Field function, SchemaCatalog catalog,
                                            Optional<Severity> severity) {
        List<SchemaViolation> violations = new ArrayList<>();
        if (!(function.value() instanceof MapNode body && body.get("events").orElse(null) instanceof ListNode events)) {
            return new CheckedFunction(function, false, violations);
        }
        List<Node> items = new ArrayList<>();
        boolean eventsChanged = false;
        for (int i = 0; i < events.items().size(); i++) {
            Node item = events.items().get(i);
            Node checked = event(function.key(), i, item, catalog, severity, violations);
            eventsChanged |= checked != item;
            items.add(checked);
        }
        if (!eventsChanged) {
            return new CheckedFunction(function, false, violations);
        }
        MapNode value = replace(body, "events", new ListNode(events.ref(), items));
        return new CheckedFunction(new MapNode.Field(function.key(), function.keyRef(), value), true, violations);
    }

    private static Node event(String function, int index, Node item, SchemaCatalog catalog,
                              Optional<Severity> severity, List<SchemaViolation> violations) {
        if (!(item instanceof MapNode map) || map.size() != 1) {
            return item;
        }
        MapNode.Field field = map.fields().get(0);
        String schema = catalog.events().get(field.key());
        if (schema == null) {
            return item;
        }
        // an event without settings is judged as it is: coerced, null would pass for an empty string
        Node coerced = field.value() instanceof ScalarNode v && v.value() == null ? field.value()
                : Coercion.coerce(SchemaDocuments.root(schema), field.value());
        violations.addAll(violations(new Subject(field.key(), function, index, field.key(), item.ref(), schema),
                coerced, severity));
        return coerced == field.value() ? item : replace(map, field.key(), coerced);
    }

    private static MapNode replace(MapNode map, String key, Node value) {
        List<MapNode.Field> fields = new ArrayList<>();
        for (MapNode.Field f : map.fields()) {
            fields.add(f.key().equals(key) ? new MapNode.Field(f.key(), f.keyRef(), value) : f);
        }
        return new MapNode(map.ref(), fields);
    }

    private static List<SchemaViolation> violations(Subject subject, Node value, Optional<Severity> severity) {
        List<SchemaViolation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Located root = SchemaDocuments.root(subject.resource());
        for (SchemaErrors.Raw error : SchemaErrors.validate(subject.resource(), value)) {
            List<Node> chain = chain(value, error.instance());
            if (chain.size() != error.instance().size() + 1) {
                continue;
            }
            Node node = chain.get(chain.size() - 1);
            if (unresolved(node)) {
                continue;
            }
            int depth = error.instance().size();
            ViolationText.Annotations notes = ViolationText.at(root, error.evaluation(), depth);
            // configValidationMode: off silences the schema, not a value v3 cannot package
            if (severity.isEmpty() && notes.refused().isEmpty()) {
                continue;
            }
            String kind = notes.kind().orElse(ViolationText.defaultKind(error.keyword(), depth));
            String path = String.join(".", error.instance());
            String name = subject.name().isEmpty() ? path
                    : path.isEmpty() ? subject.name() + " event" : subject.name() + " " + path;
            SourceRef where;
            String message;
            String key;
            // a key that breaks propertyNames is reported at itself when the schema describes keys (expects)
            Located keyNames = SchemaDocuments.resolve(notes.innermost()).get("propertyNames");
            boolean describedKey = keyNames.node().has("expects") && node instanceof MapNode map
                    && error.property() != null && map.field(error.property()).isPresent();
            String keyword = error.keyword().equals("propertyNames") && !describedKey ? "value" : error.keyword();
            switch (keyword) {
                case "additionalProperties" -> {
                    String property = error.property();
                    if (!(node instanceof MapNode map) || map.field(property).isEmpty()) {
                        continue;
                    }
                    List<String> allowed = ViolationText.declared(SchemaDocuments.resolve(notes.innermost()));
                    where = map.field(property).get().keyRef();
                    Located object = SchemaDocuments.resolve(notes.innermost());
                    message = allowed.isEmpty() && object.node().has("patternProperties")
                            ? name + " cannot have the key '" + property + "': it must be "
                                    + ViolationText.describe(object)
                            : name + " has no option '" + property + "'" + Spelling.hint(property, allowed)
                                    + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed));
                    key = "unknown:" + path + "/" + property;
                }
                case "propertyNames" -> {
                    String property = error.property();
                    where = ((MapNode) node).field(property).orElseThrow().keyRef();
                    message = name + " keys must be " + ViolationText.describe(keyNames) + "; got '" + property + "'";
                    key = "key:" + path + "/" + property;
                }
                case "required" -> {
                    String property = error.property();
                    Located object = SchemaDocuments.resolve(notes.innermost());
                    String expects = object.get("properties").get(property).exists()
                            ? ViolationText.describe(object.get("properties").get(property)) : "";
                    where = depth == 0 ? subject.eventRef() : at(chain, error.instance());
                    message = name + " needs " + property + (expects.isEmpty() ? "" : ": " + expects);
                    key = "required:" + path + "/" + property;
                }
                default -> {
                    where = depth == 0 && !(node instanceof ScalarNode) ? subject.eventRef()
                            : at(chain, error.instance());
                    message = name + " must be " + ViolationText.describe(notes.schema()) + "; got "
                            + (notes.sensitive() && node instanceof ScalarNode scalar && scalar.isString()
                                    ? "text that is not shown, as it may be a credential"
                                    : Nodes.show(node) + ViolationText.enumHint(notes.schema(), node))
                            + notes.hint().map(h -> " (" + h + ")").orElse("")
                            + notes.refused().map(r -> ": " + r).orElse("");
                    key = "value:" + path;
                }
            }
            if (seen.add(key)) {
                out.add(new SchemaViolation(notes.area().orElse(subject.schema()), subject.function(), subject.eventIndex(), kind, path,
                        where, message,
                        notes.refused().isPresent() ? Severity.ERROR : severity.orElse(Severity.NOTE)));
            }
        }
        return out;
    }

    /** The nodes from {@code value} down along {@code tokens}; shorter when the path leaves the tree. */
    private static List<Node> chain(Node value, List<String> tokens) {
        List<Node> chain = new ArrayList<>();
        Node current = value;
        chain.add(current);
        for (String token : tokens) {
            Node next = null;
            if (current instanceof MapNode map) {
                next = map.get(token).orElse(null);
            } else if (current instanceof ListNode list && token.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(token) < list.items().size()) {
                next = list.items().get(Integer.parseInt(token));
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            current = next;
        }
        return chain;
    }

    /**
     * Where a problem with the value at {@code tokens} is reported: a scalar at itself, a mapping or
     * list at the key that holds it (a block collection starts on the line after its key).
     */
    private static SourceRef at(List<Node> chain, List<String> tokens) {
        Node node = chain.get(chain.size() - 1);
        if (node instanceof ScalarNode || tokens.isEmpty()) {
            return node.ref();
        }
        Node parent = chain.get(chain.size() - 2);
        if (parent instanceof MapNode map) {
            return map.field(tokens.get(tokens.size() - 1)).map(MapNode.Field::keyRef).orElse(node.ref());
        }
        return node.ref();
    }

    private static boolean unresolved(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof String text && text.contains("${");
    }
}
