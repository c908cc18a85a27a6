package dev.slsguard.engine.vars;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.UnresolvedVariable;
import dev.slsguard.engine.source.JsonPointers;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One run of variable resolution over a document. Values resolve lazily and once each (memoised
 * by node identity), so {@code ${self:...}} can point anywhere, including at values that hold
 * variables themselves; a value met again while it is being resolved is a cycle.
 */
final class Resolution {

    /** Deepest chain of variables resolved inside one another. */
    static final int MAX_NESTING = 64;

    private static final String SOURCES = "self, opt, sls, env, param, file, aws, strToBool, ssm, cf, s3";

    /** A variable being resolved for a value or key ({@code owner}), for cycle messages. */
    private static final class Frame {
        final SourceRef ref;
        String variable = "";

        Frame(SourceRef ref) {
            this.ref = ref;
        }
    }

    /**
     * What a variable source gave: a value, nothing ({@code missing} says why), or a value that
     * cannot be known offline ({@code offline}). A value written in a document (the configuration
     * or an included file) keeps its own position; {@code reach} says how it was reached.
     */
    private record Lookup(Node node, boolean offline, String missing, Reach reach) {

        /** A value made at the reference (an option, an environment variable, a literal fallback ...). */
        static Lookup found(Node node) {
            return new Lookup(node, false, null, null);
        }

        /** A value written in a document, reached by {@code reach}. */
        static Lookup written(Node node, Reach reach) {
            return new Lookup(node, false, null, reach);
        }

        static Lookup absent(String why) {
            return new Lookup(null, false, why, null);
        }

        static final Lookup OFFLINE = new Lookup(null, true, null, null);

        boolean hasValue() {
            return node != null && !(node instanceof ScalarNode scalar && scalar.value() == null);
        }
    }

    /** How a variable reached a value written elsewhere: the words of the related location it adds. */
    private enum Reach {
        INCLUDE("included from %s by %s"),
        REFERENCE("used in %s through %s");

        private final String label;

        Reach(String label) {
            this.label = label;
        }

        String label(SourceRef at, Variable variable) {
            return String.format(Locale.ROOT, label, at.file(), variable.text());
        }
    }

    /** A variable's address or param needs a value that cannot be known offline. */
    private static final class OfflineDependency extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OfflineDependency() {
            super(null, null, false, false);
        }
    }

    private final MapNode root;
    private final VariableOptions options;
    private final Limits limits;
    private final boolean resolveKeys;
    private final ServiceFiles files;

    private final IdentityHashMap<Node, Node> resolved = new IdentityHashMap<>();
    private final IdentityHashMap<MapNode.Field, String> resolvedKeys = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Integer> active = new IdentityHashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final Set<UnresolvedVariable> unresolved = new LinkedHashSet<>();
    private final Map<String, UserError> failures = new java.util.LinkedHashMap<>();
    private final String mainFile;
    private MapNode resolvedRoot;
    private long produced;
    private int nesting;
    private String stage;
    private String region;

    Resolution(SourceDocument document, MapNode root, VariableOptions options, Limits limits, boolean resolveKeys) {
        this.root = root;
        this.options = options;
        this.limits = limits;
        this.resolveKeys = resolveKeys;
        this.files = new ServiceFiles(document, limits);
        this.mainFile = document.displayName();
    }

    MapNode resolveRoot() {
        try {
            resolvedRoot = (MapNode) resolveNode(root);
        } catch (UserError e) {
            // a later error may follow from a value left unresolved: the variables come first
            throw failures.isEmpty() ? e : UserError.all(List.copyOf(failures.values()));
        }
        if (!failures.isEmpty()) {
            throw UserError.all(List.copyOf(failures.values()));
        }
        return resolvedRoot;
    }

    /** How many unresolvable variables are collected before resolution stops. */
    static final int MAX_FAILURES = 20;

    /**
     * A variable without a value (strict mode): recorded, and resolution goes on with it left as
     * written so that every such variable is reported at once, up to {@link #MAX_FAILURES}.
     */
    private Lookup failed(UserError error) {
        failures.putIfAbsent(error.location().file() + ":" + error.location().line() + ":"
                + error.location().column() + ":" + error.getMessage(), error);
        if (failures.size() >= MAX_FAILURES) {
            throw UserError.all(List.copyOf(failures.values()));
        }
        return Lookup.OFFLINE;
    }

    /** The YAML and JSON files {@code ${file()}} read, in the order they were first read. */
    List<SourceDocument> included() {
        return files.documents();
    }

    /** The effective stage: --stage, else provider.stage, else "dev". */
    String stage() {
        if (stage == null) {
            stage = options.stage().filter(s -> !s.isEmpty())
                    .orElseGet(() -> configured(List.of("provider", "stage")).orElse("dev"));
        }
        return stage;
    }

    /** The effective region: --region, else provider.region, else "us-east-1". */
    String region() {
        if (region == null) {
            region = options.region().filter(s -> !s.isEmpty())
                    .orElseGet(() -> configured(List.of("provider", "region")).orElse("us-east-1"));
        }
        return region;
    }

    /** Placeholders kept, in document order (the configuration first, then included files). */
    List<UnresolvedVariable> unresolved() {
        Map<String, SourceRef> placed = new HashMap<>();
        if (resolvedRoot != null && unresolved.stream().anyMatch(u -> !u.ref().file().equals(mainFile))) {
            collectPlaced(resolvedRoot, placed);
        }
        return unresolved.stream()
                .map(u -> u.ref().file().equals(mainFile) ? u : new UnresolvedVariable(u.expression(), u.source(),
                        placed.getOrDefault(position(u.ref()), u.ref())))
                .distinct()
                .sorted(Comparator.comparing((UnresolvedVariable u) -> !u.ref().file().equals(mainFile))
                        .thenComparing(u -> u.ref().file())
                        .thenComparingInt(u -> u.ref().line())
                        .thenComparingInt(u -> u.ref().column()))
                .collect(Collectors.toList());
    }

    /**
     * Where the nodes of included files were placed in the configuration, by their position: the
     * first place each is used, in document order (its pointer in the configuration and the
     * references it came through), for placeholders recorded while an included file was resolved.
     */
    private static void collectPlaced(Node node, Map<String, SourceRef> placed) {
        if (node.ref().reached()) {
            placed.putIfAbsent(position(node.ref()), node.ref());
        }
        if (node instanceof ListNode list) {
            list.items().forEach(item -> collectPlaced(item, placed));
        } else if (node instanceof MapNode map) {
            for (MapNode.Field field : map.fields()) {
                if (field.keyRef().reached()) {
                    placed.putIfAbsent(position(field.keyRef()), field.keyRef());
                }
                collectPlaced(field.value(), placed);
            }
        }
    }

    private static String position(SourceRef ref) {
        return ref.file() + ":" + ref.line() + ":" + ref.column();
    }

    /** A truthy scalar at {@code path} as text (v3 treats "", 0, false and null as not set). */
    private Optional<String> configured(List<String> path) {
        Node node = navigate(root, path, true);
        if (!(node instanceof ScalarNode scalar) || scalar.value() == null) {
            return Optional.empty();
        }
        Object value = scalar.value();
        if (value instanceof Boolean b && !b || value instanceof Number n && n.doubleValue() == 0) {
            return Optional.empty();
        }
        String text = JsText.scalarText(value);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    // ---- the tree ----

    /** The fully resolved form of a node of a loaded document (the configuration or an included file). */
    private Node resolveNode(Node node) {
        Node done = resolved.get(node);
        if (done != null) {
            return done;
        }
        Node result;
        if (node instanceof ScalarNode scalar) {
            result = scalar.value() instanceof String text ? resolveString(scalar, text) : scalar;
        } else if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.items().size());
            boolean changed = false;
            for (Node item : list.items()) {
                Node value = resolveNode(item);
                changed |= value != item;
                items.add(value);
            }
            result = changed ? new ListNode(list.ref(), items) : list;
        } else {
            MapNode map = (MapNode) node;
            List<MapNode.Field> fields = new ArrayList<>(map.size());
            boolean changed = false;
            for (MapNode.Field field : map.fields()) {
                String key = resolveKeys ? resolveKey(field) : field.key();
                Node value = resolveNode(field.value());
                changed |= value != field.value() || !key.equals(field.key());
                fields.add(new MapNode.Field(key, field.keyRef(), value));
            }
            result = changed ? new MapNode(map.ref(), fields) : map;
        }
        resolved.put(node, result);
        return result;
    }

    private Node resolveString(ScalarNode scalar, String text) {
        Template template = VariableParser.parse(text, scalar.ref());
        if (!template.hasVariables()) {
            String literal = template.literal();
            return literal.equals(text) ? scalar : new ScalarNode(scalar.ref(), literal);
        }
        enter(scalar, scalar.ref());
        try {
            return evaluate(template, scalar.ref());
        } finally {
            leave(scalar);
        }
    }

    private String resolveKey(MapNode.Field field) {
        String done = resolvedKeys.get(field);
        if (done != null) {
            return done;
        }
        String key = field.key();
        Template template = VariableParser.parse(key, field.keyRef());
        String result;
        if (!template.hasVariables()) {
            result = template.literal();
        } else {
            enter(field, field.keyRef());
            try {
                Node value = evaluate(template, field.keyRef());
                result = JsText.of(value).orElseThrow(() -> new UserError(field.keyRef(), "the key " + key
                        + " resolves to " + describe(value) + "; a key must be text"));
            } finally {
                leave(field);
            }
        }
        resolvedKeys.put(field, result);
        return result;
    }

    /**
     * The value of a template at {@code ref}: a whole-string variable keeps its value's type, anything
     * else is text. A value written in a document keeps its position and records the variable it came
     * through; any other value is located at {@code ref}, the text it replaces.
     */
    private Node evaluate(Template template, SourceRef ref) {
        if (template.isSingleVariable()) {
            Variable variable = ((Template.Var) template.pieces().get(0)).variable();
            Lookup lookup = evaluate(variable, ref);
            if (lookup.offline()) {
                return new ScalarNode(ref, variable.text());
            }
            if (lookup.reach() == null) {
                return relocate(lookup.node(), ref);
            }
            List<RelatedLocation> hops = new ArrayList<>(1 + ref.through().size());
            hops.add(new RelatedLocation(ref.withoutThrough(), lookup.reach().label(ref, variable)));
            hops.addAll(ref.through());
            return place(lookup.node(), ref, ref.pointer(), hops);
        }
        StringBuilder text = new StringBuilder();
        for (Template.Piece piece : template.pieces()) {
            if (piece instanceof Template.Text literal) {
                text.append(literal.text());
                continue;
            }
            Variable variable = ((Template.Var) piece).variable();
            Lookup lookup = evaluate(variable, ref);
            if (lookup.offline()) {
                text.append(variable.text());
            } else {
                Node value = lookup.node();
                text.append(JsText.of(value).orElseThrow(() -> new UserError(ref, variable.text() + " resolves to "
                        + describe(value) + ", which cannot be part of a string")));
            }
            if (text.length() > limits.maxFileBytes()) {
                throw new UserError(ref, "variables build a string longer than " + limits.maxFileBytes()
                        + " characters; refusing to resolve");
            }
        }
        return new ScalarNode(ref, text.toString());
    }

    /** The value of one variable: its first source that yields a value. */
    private Lookup evaluate(Variable variable, SourceRef ref) {
        if (++nesting > MAX_NESTING) {
            throw new UserError(ref, "variables nest more than " + MAX_NESTING + " levels deep at "
                    + variable.text() + "; refusing to resolve");
        }
        Frame frame = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        String previous = frame == null ? null : frame.variable;
        if (frame != null) {
            frame.variable = variable.text();
        }
        try {
            String missing = "no value";
            for (VariableSource source : variable.sources()) {
                if (source instanceof VariableSource.Literal literal) {
                    return Lookup.found(new ScalarNode(ref, literal.value()));
                }
                if (source instanceof VariableSource.Nested nested) {
                    return evaluate(nested.variable(), ref);
                }
                Lookup lookup = lookup((VariableSource.Typed) source, variable, ref);
                if (lookup.offline() || lookup.hasValue()) {
                    return lookup;
                }
                missing = lookup.missing() == null ? "the value is null" : lookup.missing();
            }
            Optional<String> placeholder = placeholderSource(variable);
            if (placeholder.isPresent()) {
                unresolved.add(new UnresolvedVariable(variable.text(), placeholder.get(), ref, Optional.of(missing)));
                return Lookup.OFFLINE;
            }
            return failed(new UserError(ref, "cannot resolve " + variable.text() + ": " + missing
                    + (variable.sources().size() == 1 ? "; add a fallback if that is expected: "
                    + withFallback(variable.text()) : "")));
        } finally {
            nesting--;
            if (frame != null) {
                frame.variable = previous;
            }
        }
    }

    /** Sources whose missing values {@code --unresolved placeholder} keeps as placeholders. */
    private static final Set<String> PLACEHOLDER_SOURCES = Set.of("env", "opt", "file");

    /**
     * With {@code --unresolved placeholder}, the source of a variable that may stay a placeholder
     * when it has no value: its first source, when that is an environment variable, an option or
     * a file. Missing {@code self:}, {@code param:} ... values stay errors: they are typos more
     * often than values known only at deploy time.
     */
    private Optional<String> placeholderSource(Variable variable) {
        if (!options.placeholders()) {
            return Optional.empty();
        }
        return variable.sources().stream().filter(VariableSource.Typed.class::isInstance)
                .map(source -> ((VariableSource.Typed) source).type()).findFirst()
                .filter(PLACEHOLDER_SOURCES::contains);
    }

    private static String withFallback(String text) {
        return text.substring(0, text.length() - 1) + ", 'default'}";
    }

    // ---- sources ----

    private Lookup lookup(VariableSource.Typed source, Variable variable, SourceRef ref) {
        try {
            return dispatch(source, variable, ref);
        } catch (OfflineDependency e) {
            return Lookup.OFFLINE; // its address or a param needs a value that cannot be known offline
        }
    }

    private Lookup dispatch(VariableSource.Typed source, Variable variable, SourceRef ref) {
        String type = source.type();
        switch (type) {
            case "ssm", "cf", "s3", "output":
                return offline(variable, type, ref);
            case "self":
                return self(source, ref);
            case "opt":
                return option(source, ref);
            case "env":
                return options.readEnv() ? environment(source, variable, ref) : offline(variable, type, ref);
            case "param":
                return parameter(source, variable, ref);
            case "sls":
                return sls(source, variable, ref);
            case "aws":
                return aws(source, variable, ref);
            case "file":
                return file(source, variable, ref);
            case "strToBool":
                return strToBool(source, variable, ref);
            default:
                if (options.placeholders()) {
                    unresolved.add(new UnresolvedVariable(variable.text(), type, ref, Optional.of(
                            "'" + type + "' is not a variable source slsguard knows; a plugin may provide it")));
                    return Lookup.OFFLINE;
                }
                return failed(new UserError(ref, "unknown variable source '" + type + "' in " + variable.text()
                        + "; the sources are " + SOURCES));
        }
    }

    private Lookup offline(Variable variable, String source, SourceRef ref) {
        unresolved.add(new UnresolvedVariable(variable.text(), source, ref));
        return Lookup.OFFLINE;
    }

    private Lookup self(VariableSource.Typed source, SourceRef ref) {
        Optional<String> address = address(source, ref);
        String path = address.orElse("");
        Node node = navigate(root, path.isEmpty() ? List.of() : split(path), true);
        if (node instanceof ScalarNode scalar && scalar.value() == null) {
            return Lookup.absent(path + " is null in the configuration");
        }
        return node == null ? Lookup.absent(path + " is not set in the configuration")
                : Lookup.written(node, Reach.REFERENCE);
    }

    private Lookup option(VariableSource.Typed source, SourceRef ref) {
        Optional<String> address = address(source, ref);
        if (address.isEmpty()) {
            List<MapNode.Field> fields = new ArrayList<>();
            new TreeMap<>(options.options()).forEach((name, value) ->
                    fields.add(new MapNode.Field(name, ref, new ScalarNode(ref, value))));
            return Lookup.found(new MapNode(ref, fields));
        }
        String name = address.get();
        String value = options.options().get(name);
        if (value == null && name.equals("stage")) {
            value = options.stage().orElse(null);
        } else if (value == null && name.equals("region")) {
            value = options.region().orElse(null);
        }
        return value == null ? Lookup.absent("option --" + name + " was not given")
                : Lookup.found(text(value, ref));
    }

    private Lookup environment(VariableSource.Typed source, Variable variable, SourceRef ref) {
        String name = requiredAddress(source, variable, ref, "the name of an environment variable");
        String value = options.env().get(name);
        if (value == null) {
            return Lookup.absent("environment variable " + name + " is not set");
        }
        options.read().record(name, value);
        return Lookup.found(text(value, ref));
    }

    /** --param first, then params.&lt;stage&gt;, then params.default in the configuration (as v3). */
    private Lookup parameter(VariableSource.Typed source, Variable variable, SourceRef ref) {
        String name = requiredAddress(source, variable, ref, "a parameter name");
        String given = options.params().get(name);
        if (given != null) {
            return Lookup.found(text(given, ref));
        }
        for (String scope : List.of(stage(), "default")) {
            Node node = navigate(root, List.of("params", scope, name), true);
            if (node != null && !(node instanceof ScalarNode scalar && scalar.value() == null)) {
                return Lookup.written(node, Reach.REFERENCE);
            }
        }
        return Lookup.absent("parameter " + name + " is not set (--param " + name + "=..., params." + stage()
                + "." + name + " or params.default." + name + ")");
    }

    private Lookup sls(VariableSource.Typed source, Variable variable, SourceRef ref) {
        String name = requiredAddress(source, variable, ref, "stage or instanceId");
        return switch (name) {
            case "stage" -> Lookup.found(new ScalarNode(ref, stage()));
            case "instanceId" -> offline(variable, "sls", ref);
            default -> throw new UserError(ref, variable.text() + " is not supported: the sls source knows stage "
                    + "and instanceId");
        };
    }

    private Lookup aws(VariableSource.Typed source, Variable variable, SourceRef ref) {
        String name = requiredAddress(source, variable, ref, "region or accountId");
        return switch (name) {
            case "region" -> Lookup.found(new ScalarNode(ref, region()));
            case "accountId" -> offline(variable, "aws", ref);
            default -> throw new UserError(ref, variable.text() + " is not supported: the aws source knows region "
                    + "and accountId");
        };
    }

    private Lookup file(VariableSource.Typed source, Variable variable, SourceRef ref) {
        Optional<String> pathText = param(source, 0, ref);
        if (pathText.isEmpty() || pathText.get().isBlank()) {
            throw new UserError(ref, variable.text() + " needs a path, e.g. ${file(./config.yml):key}");
        }
        Optional<String> address = address(source, ref);
        Optional<Path> located = files.locate(pathText.get(), variable.text(), ref);
        if (located.isEmpty()) {
            return Lookup.absent("file " + pathText.get() + " does not exist");
        }
        Path file = located.get();
        switch (ServiceFiles.kind(file)) {
            case SCRIPT:
                return offline(variable, "file", ref);
            case TEXT: {
                if (address.isPresent()) {
                    return Lookup.absent(pathText.get() + " is plain text and has no keys");
                }
                return Lookup.found(text(files.text(file), ref));
            }
            default: {
                Node fileRoot = files.document(file).root();
                if (address.isEmpty()) {
                    return Lookup.written(resolveNode(fileRoot), Reach.INCLUDE);
                }
                Node node = navigate(fileRoot, split(address.get()), true);
                return node == null ? Lookup.absent(address.get() + " is not set in " + pathText.get())
                        : Lookup.written(node, Reach.INCLUDE);
            }
        }
    }

    private Lookup strToBool(VariableSource.Typed source, Variable variable, SourceRef ref) {
        Optional<String> input = param(source, 0, ref);
        String value = input.orElse("").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "1" -> Lookup.found(new ScalarNode(ref, Boolean.TRUE));
            case "false", "0" -> Lookup.found(new ScalarNode(ref, Boolean.FALSE));
            default -> throw new UserError(ref, variable.text() + " needs true, false, 1 or 0, not '"
                    + input.orElse("") + "'");
        };
    }

    // ---- addresses and params ----

    /** The address as text: empty when there is none. */
    private Optional<String> address(VariableSource.Typed source, SourceRef ref) {
        if (source.address().isEmpty()) {
            return Optional.empty();
        }
        return textOf(source.address().get(), ref);
    }

    private Optional<String> param(VariableSource.Typed source, int index, SourceRef ref) {
        if (source.params().size() <= index) {
            return Optional.empty();
        }
        return textOf(source.params().get(index), ref);
    }

    private String requiredAddress(VariableSource.Typed source, Variable variable, SourceRef ref, String what) {
        Optional<String> address = address(source, ref);
        if (address.isEmpty() || address.get().isEmpty()) {
            throw new UserError(ref, variable.text() + " needs an address: " + what + " after the colon");
        }
        return address.get();
    }

    /**
     * A template of an address or param as text.
     *
     * @throws OfflineDependency when a variable in it cannot be known offline
     */
    private Optional<String> textOf(Template template, SourceRef ref) {
        if (!template.hasVariables()) {
            return Optional.of(template.literal());
        }
        StringBuilder text = new StringBuilder();
        for (Template.Piece piece : template.pieces()) {
            if (piece instanceof Template.Text literal) {
                text.append(literal.text());
                continue;
            }
            Variable variable = ((Template.Var) piece).variable();
            Lookup lookup = evaluate(variable, ref);
            if (lookup.offline()) {
                throw new OfflineDependency();
            }
            Node value = lookup.node();
            text.append(JsText.of(value).orElseThrow(() -> new UserError(ref, variable.text() + " resolves to "
                    + describe(value) + ", which cannot be part of an address")));
        }
        return Optional.of(text.toString());
    }

    /** A string from outside the document (an environment variable, an option ...): its variables resolve too. */
    private Node text(String value, SourceRef ref) {
        Template template = VariableParser.parse(value, ref);
        if (!template.hasVariables()) {
            return new ScalarNode(ref, template.literal());
        }
        return evaluate(template, ref);
    }

    // ---- navigation ----

    /**
     * The resolved value at {@code path} below {@code start}, or null when there is none. Only the
     * values on the path are resolved (not whole mappings), so a value may refer to its siblings.
     *
     * @param source whether {@code start} is a node of a loaded document (not yet resolved)
     */
    private Node navigate(Node start, List<String> path, boolean source) {
        Node current = start;
        boolean unresolved = source;
        for (String key : path) {
            if (unresolved && current instanceof ScalarNode) {
                current = resolveNode(current);
                unresolved = false;
            }
            if (current instanceof MapNode map) {
                current = unresolved ? sourceField(map, key) : map.get(key).orElse(null);
            } else if (current instanceof ListNode list) {
                current = index(key).filter(i -> i < list.items().size()).map(list.items()::get).orElse(null);
            } else {
                current = null;
            }
            if (current == null) {
                return null;
            }
        }
        return unresolved ? resolveNode(current) : current;
    }

    /** The value under {@code key} in a mapping whose keys may hold variables (the last match wins). */
    private Node sourceField(MapNode map, String key) {
        if (!resolveKeys) {
            return map.get(key).orElse(null);
        }
        Node found = null;
        for (MapNode.Field field : map.fields()) {
            boolean plain = field.key().indexOf("${") < 0 && field.key().indexOf('\\') < 0;
            if (plain ? field.key().equals(key) : !active.containsKey(field) && resolveKey(field).equals(key)) {
                found = field.value();
            }
        }
        return found;
    }

    private static Optional<Integer> index(String key) {
        if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(Character::isDigit)
                || (key.length() > 1 && key.charAt(0) == '0')) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(key));
    }

    private static List<String> split(String path) {
        return Arrays.asList(path.split("\\.", -1));
    }

    // ---- bookkeeping ----

    private void enter(Object owner, SourceRef ref) {
        Integer start = active.get(owner);
        if (start != null) {
            List<String> chain = new ArrayList<>();
            for (int i = start; i < frames.size(); i++) {
                chain.add(frames.get(i).variable);
            }
            chain.add(frames.get(start).variable);
            throw new UserError(frames.get(start).ref, "variable cycle: " + String.join(" -> ", chain));
        }
        active.put(owner, frames.size());
        frames.add(new Frame(ref));
    }

    private void leave(Object owner) {
        active.remove(owner);
        frames.remove(frames.size() - 1);
    }

    /** A copy of {@code value} where every node carries {@code ref}: the text the variable replaced. */
    private Node relocate(Node value, SourceRef ref) {
        if (value instanceof ScalarNode scalar) {
            return scalar.ref().equals(ref) ? scalar : count(new ScalarNode(ref, scalar.value()), ref);
        }
        if (value instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.items().size());
            for (Node item : list.items()) {
                items.add(relocate(item, ref));
            }
            return count(new ListNode(ref, items), ref);
        }
        MapNode map = (MapNode) value;
        List<MapNode.Field> fields = new ArrayList<>(map.size());
        for (MapNode.Field field : map.fields()) {
            fields.add(new MapNode.Field(field.key(), ref, relocate(field.value(), ref)));
        }
        return count(new MapNode(ref, fields), ref);
    }

    /**
     * A copy of {@code value} placed at {@code pointer} of the configuration: every node keeps the
     * position where it is written, takes the pointer of the place it now occupies and comes
     * through {@code hops} as well. {@code ref} (the reference) is where the limits are reported.
     */
    private Node place(Node value, SourceRef ref, String pointer, List<RelatedLocation> hops) {
        SourceRef at = value.ref().withPointer(pointer).reachedThrough(hops);
        if (value instanceof ScalarNode scalar) {
            return count(new ScalarNode(at, scalar.value()), ref);
        }
        if (value instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.items().size());
            for (Node item : list.items()) {
                items.add(place(item, ref, JsonPointers.append(pointer, items.size()), hops));
            }
            return count(new ListNode(at, items), ref);
        }
        MapNode map = (MapNode) value;
        List<MapNode.Field> fields = new ArrayList<>(map.size());
        for (MapNode.Field field : map.fields()) {
            String child = JsonPointers.append(pointer, field.key());
            fields.add(new MapNode.Field(field.key(), field.keyRef().withPointer(child).reachedThrough(hops),
                    place(field.value(), ref, child, hops)));
        }
        return count(new MapNode(at, fields), ref);
    }

    private Node count(Node node, SourceRef ref) {
        if (++produced > limits.maxNodes()) {
            throw new UserError(ref, "variables expand the configuration to more than " + limits.maxNodes()
                    + " nodes; refusing to resolve");
        }
        return node;
    }

    private static String describe(Node node) {
        if (node instanceof MapNode) {
            return "an object";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        return ((ScalarNode) node).value() == null ? "null" : "a " + node.kind();
    }

}
