package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The source map of a merged CloudFormation template: which line of the user's files produced each
 * part of it, so that a problem found in the template (by a rule or by cfn-lint) is reported where
 * the user can fix it. A template path ({@code Resources/HelloLambdaFunction/Properties/MemorySize})
 * resolves to the node of the {@code resources:} section that wrote it, else to what the compilers
 * recorded for the compiled resource (the setting behind a property, the statement behind an IAM
 * policy entry, the event or function behind a resource), else to the {@code service} key. A
 * compiled value that was copied from the configuration (an event's {@code batchSize}, a
 * statement's {@code Resource}) is found at its own line when it occurs exactly once under that origin.
 */
public final class TemplateOrigins {

    private final Supplier<Map<String, SourceRef>> source;
    private volatile Map<String, SourceRef> compiled;
    private final Optional<MapNode> userSection;
    private final SourceRef fallback;
    private final Optional<JsonNode> template;
    private final Optional<Node> config;

    /**
     * @param compiled    template pointers ({@code /Resources/Id/Properties/Name}) of compiled parts,
     *                    each with the place that produced it
     * @param userSection the {@code resources:} section, when there is one
     * @param fallback    where anything else is reported (the {@code service} key)
     */
    public TemplateOrigins(Map<String, SourceRef> compiled, Optional<MapNode> userSection, SourceRef fallback) {
        this(compiled, userSection, fallback, Optional.empty(), Optional.empty());
    }

    /**
     * Origins that also find copied values at their own lines.
     *
     * @param template the template the paths point into
     * @param config   the resolved configuration the origins' pointers point into
     */
    public TemplateOrigins(Map<String, SourceRef> compiled, Optional<MapNode> userSection, SourceRef fallback,
                           Optional<JsonNode> template, Optional<Node> config) {
        this(() -> compiled, userSection, fallback, template, config);
    }

    /**
     * Origins whose compiled part is built by {@code compiled} when a path is first located: most
     * analyses never locate one, and a large service has thousands of compiled parts.
     */
    public TemplateOrigins(Supplier<Map<String, SourceRef>> compiled, Optional<MapNode> userSection,
                           SourceRef fallback, Optional<JsonNode> template, Optional<Node> config) {
        this.source = compiled;
        this.userSection = userSection;
        this.fallback = fallback;
        this.template = template;
        this.config = config;
    }

    /** Origins that know nothing but {@code fallback}. */
    public static TemplateOrigins only(SourceRef fallback) {
        return new TemplateOrigins(Map.of(), Optional.empty(), fallback);
    }

    /** The place reported when a path is not known at all. */
    public SourceRef fallback() {
        return fallback;
    }

    /** {@link #locate(List)} of the path's segments ({@code "Resources", "Queue", "Properties"}). */
    public SourceRef locate(String... path) {
        return locate(List.of(path));
    }

    /** {@link #locate(List)} of a JSON pointer into the template ({@code /Resources/Queue/Properties}). */
    public SourceRef locatePointer(String pointer) {
        List<String> path = new ArrayList<>();
        if (!pointer.isEmpty()) {
            for (String segment : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
                path.add(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return locate(path);
    }

    /**
     * Where the value at {@code path} came from. A value the user wrote under {@code resources:}
     * (also through {@code resources.extensions}) is reported at its own line; a part of a compiled
     * resource at the deepest origin the compilers recorded for it (a property's setting, else the
     * resource's event or function); a path into neither at the deepest node of the user's section it
     * reaches, else at {@link #fallback()}.
     */
    public SourceRef locate(List<?> path) {
        List<String> segments = path.stream().map(String::valueOf).toList();
        Walk user = walkUser(segments);
        if (user.complete()) {
            return user.ref();
        }
        Map<String, SourceRef> compiled = compiled();
        for (int depth = segments.size(); depth > 0; depth--) {
            SourceRef ref = compiled.get(pointer(segments.subList(0, depth)));
            if (ref != null) {
                return copiedFrom(ref, segments).orElse(ref);
            }
        }
        return user.depth() > 0 ? user.ref() : fallback;
    }

    /**
     * The one scalar under the configuration node at {@code origin} whose value is the template's
     * scalar at {@code path}: where a compiler copied the value from. Empty when the template value
     * is not a scalar, or occurs never or more than once there.
     */
    private Optional<SourceRef> copiedFrom(SourceRef origin, List<String> path) {
        if (template.isEmpty() || config.isEmpty() || origin.pointer().isEmpty()) {
            return Optional.empty();
        }
        JsonNode value = template.get();
        for (String segment : path) {
            value = value.isArray() ? value.path(index(segment)) : value.path(segment);
        }
        if (!value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        Optional<Node> node = nodeAt(config.get(), origin.pointer());
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<ScalarNode> matches = new ArrayList<>();
        collect(node.get(), value.asText(), matches);
        return matches.size() == 1 ? Optional.of(matches.get(0).ref()) : Optional.empty();
    }

    private static void collect(Node node, String text, List<ScalarNode> matches) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.value() != null && String.valueOf(scalar.value()).equals(text)) {
                matches.add(scalar);
            }
        } else if (node instanceof MapNode map) {
            map.fields().forEach(f -> collect(f.value(), text, matches));
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> collect(item, text, matches));
        }
    }

    /** The node at a JSON pointer of the configuration. */
    private static Optional<Node> nodeAt(Node root, String pointer) {
        Node current = root;
        for (String raw : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof MapNode map && map.get(segment).isPresent()) {
                current = map.get(segment).get();
            } else if (current instanceof ListNode list && index(segment) >= 0 && index(segment) < list.items().size()) {
                current = list.items().get(index(segment));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private Map<String, SourceRef> compiled() {
        Map<String, SourceRef> built = compiled;
        if (built == null) {
            synchronized (this) {
                if (compiled == null) {
                    compiled = Map.copyOf(source.get());
                }
                built = compiled;
            }
        }
        return built;
    }

    /** The template pointer of {@code path}: {@code /Resources/Queue/Properties}. */
    public static String pointer(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /** How far a path reaches into the user's section; complete when it ends at the node the user wrote. */
    private record Walk(int depth, SourceRef ref, boolean complete) {
    }

    private Walk walkUser(List<String> path) {
        if (userSection.isEmpty() || path.isEmpty()) {
            return new Walk(0, fallback, false);
        }
        Walk direct = walk(userSection.get(), path, 0);
        if (direct.complete() || !path.get(0).equals("Resources") || path.size() < 2) {
            return direct;
        }
        // resources.extensions.<Id> adds to (or overrides) the attributes of resource <Id>
        Optional<Node> extensions = userSection.get().get("extensions");
        if (extensions.isPresent()) {
            Walk extended = walk(extensions.get(), path.subList(1, path.size()), 1);
            if (extended.complete() || extended.depth() > Math.max(direct.depth(), 1)) {
                return extended;
            }
        }
        return direct;
    }

    /**
     * Follows {@code path} from {@code node}; {@code depth} counts the segments already matched. A
     * scalar reached before the end is where the value was written (a path may go on into the
     * intrinsic a short tag stands for).
     */
    private Walk walk(Node node, List<String> path, int depth) {
        Node current = node;
        SourceRef ref = fallback;
        int matched = depth;
        for (String segment : path) {
            Optional<SourceRef> nextRef = Optional.empty();
            Optional<Node> next = Optional.empty();
            if (current instanceof MapNode map) {
                Optional<MapNode.Field> field = map.field(segment);
                next = field.map(MapNode.Field::value);
                nextRef = field.map(f -> f.value() instanceof MapNode || f.value() instanceof ListNode
                        ? f.keyRef() : f.value().ref());
            } else if (current instanceof ListNode list) {
                int index = index(segment);
                if (index >= 0 && index < list.items().size()) {
                    next = Optional.of(list.items().get(index));
                    nextRef = next.map(Node::ref);
                }
            } else if (matched > depth) {
                return new Walk(matched, ref, true);
            }
            if (next.isEmpty()) {
                return new Walk(matched, ref, false);
            }
            current = next.get();
            ref = nextRef.get();
            matched++;
        }
        return new Walk(matched, ref, true);
    }

    private static int index(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
