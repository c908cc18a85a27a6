package dev.slsguard.engine.source;

import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets a {@code ?} stand inside plain scalars of flow collections, as YAML 1.2 (js-yaml, which
 * Serverless Framework v3 uses) allows and SnakeYAML's YAML 1.1 scanner does not:
 * {@code rate: [cron(0 8 * * ? *)]}. Such question marks are swapped for a private-use character of
 * the same width before parsing (so every line and column stays the same) and swapped back in the
 * loaded tree. A {@code ?} that opens a flow entry (an explicit key) is left alone.
 */
final class FlowQuestionMarks {

    /** Stands for a masked '?': a private-use code point, one UTF-16 unit like '?'. */
    static final char MASK = '\uE000';

    private FlowQuestionMarks() {
    }

    /** The text with in-scalar flow question marks masked, or the text itself when nothing applies. */
    static String mask(String text) {
        if (text.indexOf(MASK) >= 0 || text.indexOf('?') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        int depth = 0;
        char quote = 0;
        boolean comment = false;
        char previous = '\n'; // the last character that is not a space or tab
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                comment = false;
                if (quote == 0) {
                    previous = '\n';
                }
                continue;
            }
            if (comment) {
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++; // '' inside single quotes
                    } else {
                        quote = 0;
                        previous = c;
                    }
                } else if (quote == '"' && c == '\\') {
                    i++;
                }
                continue;
            }
            boolean valueStart = previous == '\n' || previous == ':' || previous == '-' || previous == ','
                    || previous == '[' || previous == '{';
            if (c == ' ' || c == '\t') {
                continue;
            }
            if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                comment = true;
                continue;
            }
            if ((c == '\'' || c == '"') && valueStart) {
                quote = c;
            } else if ((c == '[' || c == '{') && (depth > 0 || valueStart)) {
                depth++;
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == '?' && depth > 0 && !valueStart) {
                out.setCharAt(i, MASK);
            }
            previous = c;
        }
        return out.toString();
    }

    /** The tree with every masked character turned back into '?', in keys and string values. */
    static Node unmask(Node node) {
        if (node instanceof ScalarNode scalar) {
            return new ScalarNode(unmaskRef(scalar.ref()),
                    scalar.value() instanceof String s ? s.replace(MASK, '?') : scalar.value());
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            list.items().forEach(item -> items.add(unmask(item)));
            return new ListNode(unmaskRef(list.ref()), items);
        }
        MapNode map = (MapNode) node;
        List<MapNode.Field> fields = new ArrayList<>();
        for (MapNode.Field f : map.fields()) {
            fields.add(new MapNode.Field(f.key().replace(MASK, '?'), unmaskRef(f.keyRef()), unmask(f.value())));
        }
        return new MapNode(unmaskRef(map.ref()), fields);
    }

    private static SourceRef unmaskRef(SourceRef ref) {
        return ref.pointer().indexOf(MASK) >= 0 ? ref.withPointer(ref.pointer().replace(MASK, '?')) : ref;
    }
}
