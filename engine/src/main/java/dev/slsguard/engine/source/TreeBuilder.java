package dev.slsguard.engine.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Builds the located node tree from the parser's token stream: a JSON pointer and a position for
 * every node; aliases and {@code <<} merge keys expanded (every copy counted against
 * {@link Limits#maxNodes()}); CloudFormation short tags turned into their long form. Reads YAML
 * (with the SnakeYAML event behind each token) or strict JSON (plain Jackson tokens).
 */
final class TreeBuilder {

    private static final String STANDARD_TAG = "tag:yaml.org,2002:";

    /** A built subtree: its node, how many nodes it holds, and how many collection levels deep it is. */
    private record Built(Node node, long size, int height) {
    }

    /** A mapping entry while its mapping is being read. */
    private static final class Entry {
        final String key;
        SourceRef keyRef;
        Node value;
        boolean merged;

        Entry(String key, SourceRef keyRef, Node value, boolean merged) {
            this.key = key;
            this.keyRef = keyRef;
            this.value = value;
            this.merged = merged;
        }
    }

    private final JsonParser parser;
    /** The YAML parser, or null when reading JSON. */
    private final LocatingYamlFactory.EventParser yaml;
    private final String file;
    private final Limits limits;
    private final boolean duplicateKeysAllowed;
    private final Map<String, Built> anchors = new HashMap<>();
    /** Nodes produced so far, every alias expansion counted in full although it is not copied yet. */
    private long nodes;
    /** Whether an alias or merge key put one subtree in several places (copied by {@link #place}). */
    private boolean shared;

    /**
     * @param parser a YAML parser from {@link LocatingYamlFactory}, or a JSON parser: JSON files are
     *               read as v3 reads them, with {@code JSON.parse} (a repeated key keeps the last
     *               value); YAML refuses a repeated key like js-yaml
     */
    TreeBuilder(JsonParser parser, String file, Limits limits) {
        this.parser = parser;
        this.yaml = parser instanceof LocatingYamlFactory.EventParser events ? events : null;
        this.file = file;
        this.limits = limits;
        this.duplicateKeysAllowed = yaml == null;
    }

    private Event event() {
        return yaml == null ? null : yaml.currentEvent();
    }

    /** Reads the single document of the stream; empty when the stream holds no document. */
    Optional<Node> readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return Optional.empty();
        }
        Built root = read(first, "", 0);
        if (parser.nextToken() != null) {
            throw new UserError(here(""), yaml == null ? "the file holds more than one JSON value"
                    : "the file holds more than one YAML document (a second '---'); keep the configuration in a "
                    + "single document");
        }
        return Optional.of(shared ? place(root.node(), "") : root.node());
    }

    /**
     * Reads the value whose first token is {@code token}.
     *
     * @param depth how many collections enclose this value
     */
    private Built read(JsonToken token, String pointer, int depth) throws IOException {
        SourceRef ref = here(pointer);
        Event event = event();
        if (event instanceof AliasEvent alias) {
            return expandAlias(alias.getAnchor(), ref, pointer, depth);
        }
        Built built;
        String anchor;
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            CollectionStartEvent start = (CollectionStartEvent) event;
            anchor = start == null ? null : start.getAnchor();
            String tag = start == null ? null : start.getTag();
            checkCollectionTag(tag, ref);
            if (ShortTags.isShortTag(tag)) {
                String name = ShortTags.longForm(tag);
                String inner = JsonPointers.append(pointer, name);
                Built content = token == JsonToken.START_OBJECT
                        ? readMapping(ref.withPointer(inner), inner, depth + 1)
                        : readSequence(ref.withPointer(inner), inner, depth + 1);
                built = wrap(name, ref, content, depth);
            } else {
                built = token == JsonToken.START_OBJECT ? readMapping(ref, pointer, depth) : readSequence(ref, pointer, depth);
            }
        } else {
            if (event == null) {
                return jsonScalar(token, ref);
            }
            ScalarEvent scalar = (ScalarEvent) event;
            anchor = scalar.getAnchor();
            built = readScalar(scalar, ref, pointer, depth);
        }
        if (anchor != null) {
            anchors.put(anchor, built);
        }
        return built;
    }

    private Built readMapping(SourceRef ref, String pointer, int depth) throws IOException {
        enterCollection(ref, depth);
        long before = nodes;
        LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        int childHeight = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new UserError(here(pointer), "malformed YAML: expected a mapping key");
            }
            JsonLocation keyAt = parser.currentTokenLocation();
            Event keyEvent = event();
            if (yaml != null && !(keyEvent instanceof ScalarEvent)) {
                throw new UserError(at(keyAt, pointer), "an alias cannot be used as a mapping key; write the key out");
            }
            String key = keyEvent == null ? parser.currentName() : ((ScalarEvent) keyEvent).getValue();
            JsonToken valueToken = parser.nextToken();
            if (keyEvent != null && isMergeKey((ScalarEvent) keyEvent)) {
                childHeight = Math.max(childHeight, merge(valueToken, pointer, depth, entries));
                continue;
            }
            String childPointer = JsonPointers.append(pointer, key);
            SourceRef keyRef = at(keyAt, childPointer);
            Built value = read(valueToken, childPointer, depth + 1);
            childHeight = Math.max(childHeight, value.height());
            Entry existing = entries.get(key);
            if (existing == null) {
                entries.put(key, new Entry(key, keyRef, value.node(), false));
            } else if (existing.merged || duplicateKeysAllowed) {
                existing.keyRef = keyRef; // an explicit key overrides a merged one, in the merged key's place
                existing.value = value.node();
                existing.merged = false;
            } else {
                throw new UserError(keyRef, "duplicate key '" + key + "' (first written at line "
                        + existing.keyRef.line() + "); remove one of them");
            }
        }
        List<MapNode.Field> fields = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            fields.add(new MapNode.Field(entry.key, entry.keyRef, entry.value));
        }
        return new Built(new MapNode(ref, fields), nodes - before, childHeight + 1);
    }

    /**
     * Reads the value of a {@code <<} key and adds the fields it brings that the mapping does not have
     * yet: a mapping, an alias of one, or a list of them (earlier ones win, explicit keys win over all).
     *
     * @return the height of the merged fields' subtrees
     */
    private int merge(JsonToken token, String pointer, int depth, Map<String, Entry> entries) throws IOException {
        int height = 0;
        if (token == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                height = Math.max(height, mergeOne(item, pointer, depth, entries));
            }
            return height;
        }
        return mergeOne(token, pointer, depth, entries);
    }

    private int mergeOne(JsonToken token, String pointer, int depth, Map<String, Entry> entries) throws IOException {
        SourceRef ref = here(pointer);
        Event event = event();
        if (event instanceof AliasEvent alias) {
            Built target = anchored(alias.getAnchor(), ref);
            List<Node> sources = target.node() instanceof ListNode list ? list.items() : List.of(target.node());
            int height = target.node() instanceof ListNode ? target.height() - 1 : target.height();
            reserve(target.size(), ref);
            checkDepth(depth + height, ref);
            shared = true;
            for (Node source : sources) {
                addMerged(source, ref, entries);
            }
            return height - 1;
        }
        if (token != JsonToken.START_OBJECT) {
            throw mergeError(ref);
        }
        Built inline = read(token, pointer, depth);
        addMerged(inline.node(), ref, entries);
        return inline.height() - 1;
    }

    private static void addMerged(Node source, SourceRef ref, Map<String, Entry> entries) {
        if (!(source instanceof MapNode map)) {
            throw mergeError(ref);
        }
        for (MapNode.Field field : map.fields()) {
            entries.putIfAbsent(field.key(), new Entry(field.key(), field.keyRef(), field.value(), true));
        }
    }

    private static UserError mergeError(SourceRef ref) {
        return new UserError(ref, "a merge key '<<' needs a mapping, an alias of a mapping or a list of them");
    }

    private Built readSequence(SourceRef ref, String pointer, int depth) throws IOException {
        enterCollection(ref, depth);
        long before = nodes;
        List<Node> items = new ArrayList<>();
        int childHeight = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            Built item = read(token, JsonPointers.append(pointer, items.size()), depth + 1);
            childHeight = Math.max(childHeight, item.height());
            items.add(item.node());
        }
        return new Built(new ListNode(ref, items), nodes - before, childHeight + 1);
    }

    private Built readScalar(ScalarEvent scalar, SourceRef ref, String pointer, int depth) {
        String tag = scalar.getTag();
        String text = scalar.getValue();
        if (ShortTags.isShortTag(tag)) {
            String name = ShortTags.longForm(tag);
            String inner = JsonPointers.append(pointer, name);
            Built content;
            if (ShortTags.isGetAtt(tag)) {
                content = getAttList(text, ref.withPointer(inner), inner, depth + 1);
            } else {
                count(1, ref);
                content = new Built(new ScalarNode(ref.withPointer(inner), text), 1, 0);
            }
            return wrap(name, ref, content, depth);
        }
        Object value;
        if (tag == null) {
            value = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? ScalarValues.resolvePlain(text) : text;
        } else if (tag.equals("!")) {
            value = text;
        } else if (tag.startsWith(STANDARD_TAG)) {
            String name = tag.substring(STANDARD_TAG.length());
            if (!ScalarValues.isKnownScalarTag(name)) {
                throw new UserError(ref, "unsupported tag !!" + name + " on a scalar");
            }
            value = ScalarValues.resolveTagged(name, text)
                    .orElseThrow(() -> new UserError(ref, "'" + text + "' is not a valid !!" + name))[0];
        } else {
            throw unknownTag(tag, ref);
        }
        count(1, ref);
        return new Built(new ScalarNode(ref, value), 1, 0);
    }

    /** A JSON scalar, typed as {@code JSON.parse} types it (every number a double unless integral). */
    private Built jsonScalar(JsonToken token, SourceRef ref) throws IOException {
        Object value = switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> {
                Number number = parser.getNumberValue();
                yield number instanceof java.math.BigInteger big ? big : (Object) number.longValue();
            }
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
        count(1, ref);
        return new Built(new ScalarNode(ref, value), 1, 0);
    }

    /** {@code !GetAtt Resource.Attribute}: split at the first dot, as v3's YAML schema does. */
    private Built getAttList(String text, SourceRef ref, String pointer, int depth) {
        enterCollection(ref, depth);
        int dot = text.indexOf('.');
        String resource = dot < 0 ? text : text.substring(0, dot);
        String attribute = dot < 0 ? "" : text.substring(dot + 1);
        count(2, ref);
        List<Node> items = List.of(
                new ScalarNode(ref.withPointer(JsonPointers.append(pointer, 0)), resource),
                new ScalarNode(ref.withPointer(JsonPointers.append(pointer, 1)), attribute));
        return new Built(new ListNode(ref, items), 3, 1);
    }

    private Built wrap(String name, SourceRef ref, Built content, int depth) {
        enterCollection(ref, depth);
        MapNode wrapper = new MapNode(ref, List.of(new MapNode.Field(name, content.node().ref(), content.node())));
        return new Built(wrapper, content.size() + 1, content.height() + 1);
    }

    private Built expandAlias(String anchor, SourceRef ref, String pointer, int depth) {
        Built target = anchored(anchor, ref);
        reserve(target.size(), ref);
        checkDepth(depth + target.height(), ref);
        shared = true; // the same subtree for now: copying it here would make a billion laughs slow to refuse
        return new Built(target.node(), target.size(), target.height());
    }

    private Built anchored(String anchor, SourceRef ref) {
        Built target = anchors.get(anchor);
        if (target == null) {
            throw new UserError(ref, "unknown alias *" + anchor + ": no anchor &" + anchor + " is defined before it");
        }
        return target;
    }

    /**
     * The tree with every node carrying the pointer of the place it occupies: a subtree that aliases
     * or merge keys put in several places is copied for each place but the first, positions staying
     * where the text was written. Subtrees already in place are kept as they are.
     */
    private static Node place(Node node, String pointer) {
        boolean moved = !node.ref().pointer().equals(pointer);
        if (node instanceof ScalarNode scalar) {
            return moved ? new ScalarNode(scalar.ref().withPointer(pointer), scalar.value()) : scalar;
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.items().size());
            boolean changed = moved;
            for (Node item : list.items()) {
                Node placed = place(item, JsonPointers.append(pointer, items.size()));
                changed |= placed != item;
                items.add(placed);
            }
            return changed ? new ListNode(list.ref().withPointer(pointer), items) : list;
        }
        MapNode map = (MapNode) node;
        List<MapNode.Field> fields = new ArrayList<>(map.size());
        boolean changed = moved;
        for (MapNode.Field field : map.fields()) {
            String child = JsonPointers.append(pointer, field.key());
            Node placed = place(field.value(), child);
            if (placed != field.value() || !field.keyRef().pointer().equals(child)) {
                changed = true;
                fields.add(new MapNode.Field(field.key(), field.keyRef().withPointer(child), placed));
            } else {
                fields.add(field);
            }
        }
        return changed ? new MapNode(map.ref().withPointer(pointer), fields) : map;
    }

    private static boolean isMergeKey(ScalarEvent key) {
        boolean plainTag = key.getTag() == null || key.getTag().equals(STANDARD_TAG + "merge");
        return plainTag && key.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && key.getValue().equals("<<");
    }

    private void checkCollectionTag(String tag, SourceRef ref) {
        if (tag == null || tag.equals("!") || tag.startsWith(STANDARD_TAG) || ShortTags.isShortTag(tag)) {
            return;
        }
        throw unknownTag(tag, ref);
    }

    private static UserError unknownTag(String tag, SourceRef ref) {
        return new UserError(ref, "unknown tag " + tag + "; the CloudFormation tags are " + ShortTags.supported());
    }

    private void enterCollection(SourceRef ref, int depth) {
        checkDepth(depth + 1, ref);
        count(1, ref);
    }

    private void checkDepth(int levels, SourceRef ref) {
        if (levels > limits.maxDepth()) {
            throw new UserError(ref, "the document nests deeper than " + limits.maxDepth()
                    + " levels; refusing to load it");
        }
    }

    private void count(long produced, SourceRef ref) {
        reserve(produced, ref);
    }

    private void reserve(long produced, SourceRef ref) {
        if (nodes + produced > limits.maxNodes()) {
            throw new UserError(ref, "document expands to more than " + limits.maxNodes()
                    + " nodes (aliases); refusing to load");
        }
        nodes += produced;
    }

    private SourceRef here(String pointer) {
        return at(parser.currentTokenLocation(), pointer);
    }

    private SourceRef at(JsonLocation location, String pointer) {
        return new SourceRef(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()), pointer);
    }
}
