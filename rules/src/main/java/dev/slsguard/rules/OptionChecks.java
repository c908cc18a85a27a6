package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the {@link Violation}s of one event's options against the v3 schema, one check per
 * JSON-schema keyword the schemas use (integer ranges, booleans, enums, numbers, filter
 * patterns, unknown keys). Values holding unresolved variables are not checked.
 */
final class OptionChecks {

    private final String event;
    private final List<Violation> violations = new ArrayList<>();

    /** @param event the event key used in messages ({@code sqs}, {@code stream}) */
    OptionChecks(String event) {
        this.event = event;
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void add(String kind, SourceRef where, String message) {
        violations.add(new Violation(kind, where, message));
    }

    private String name(String path) {
        return event + " " + path;
    }

    private static boolean skip(Node value) {
        return Options.unresolved(value);
    }

    /**
     * Where a field's problem is reported: a scalar at its value, a mapping or list at its key
     * (a block collection starts on the line after the key).
     */
    static SourceRef where(MapNode.Field field) {
        return field.value() instanceof ScalarNode ? field.value().ref() : field.keyRef();
    }

    /** An integer from {@code min} to {@code max}. */
    void integer(String path, MapNode.Field field, long min, long max) {
        Node value = field.value();
        if (skip(value)) {
            return;
        }
        if (!inRange(value, min, max)) {
            add(Violation.VALUE, where(field), name(path) + " must be an integer from " + min + " to " + max
                    + "; got " + Options.show(value));
        }
    }

    /** The number {@code -1} (not coerced: v3 rejects {@code '-1'}), or an integer from {@code min} to {@code max}. */
    void minusOneOrInteger(String path, MapNode.Field field, long min, long max) {
        Node value = field.value();
        if (skip(value)) {
            return;
        }
        boolean minusOne = value instanceof ScalarNode scalar && !(scalar.value() instanceof String)
                && inRange(value, -1, -1);
        if (!minusOne && !inRange(value, min, max)) {
            add(Violation.VALUE, where(field), name(path) + " must be -1 (no limit) or an integer from " + min
                    + " to " + max + "; got " + Options.show(value));
        }
    }

    private static boolean inRange(Node value, long min, long max) {
        return Options.integer(value).filter(i -> i.compareTo(BigInteger.valueOf(min)) >= 0
                && i.compareTo(BigInteger.valueOf(max)) <= 0).isPresent();
    }

    /** A boolean ({@code true}/{@code false}; the strings {@code "true"}/{@code "false"} coerce). */
    void bool(String path, MapNode.Field field) {
        Node value = field.value();
        if (skip(value)) {
            return;
        }
        if (Options.bool(value).isEmpty()) {
            add(Violation.VALUE, where(field), name(path) + " must be true or false; got " + Options.show(value));
        }
    }

    /** A number; {@code what} says what the number means. */
    void number(String path, MapNode.Field field, String what) {
        Node value = field.value();
        if (skip(value)) {
            return;
        }
        if (Options.number(value).isEmpty()) {
            add(Violation.VALUE, where(field), name(path) + " must be a number (" + what + "); got "
                    + Options.show(value));
        }
    }

    /** One of the given strings, exactly (no coercion, case matters). */
    void oneOf(String path, MapNode.Field field, List<String> allowed) {
        Node value = field.value();
        if (skip(value)) {
            return;
        }
        boolean ok = Options.isString(value) && allowed.contains(Options.string(value).orElse(""));
        if (!ok) {
            String hint = Options.isString(value) ? Spelling.hint(Options.string(value).orElse(""), allowed) : "";
            add(Violation.VALUE, where(field), name(path) + (allowed.size() == 1 ? " must be " + allowed.get(0)
                    : " must be one of " + String.join(", ", allowed)) + "; got " + Options.show(value) + hint);
        }
    }

    /** v3's {@code filterPatterns}: a list of 1 to 10 mappings (a single mapping is not coerced). */
    void filterPatterns(String path, MapNode.Field field) {
        Node value = field.value();
        if (skip(value)) {
            return;
        }
        boolean ok = value instanceof ListNode list && !list.items().isEmpty() && list.items().size() <= 10
                && list.items().stream().allMatch(i -> i instanceof MapNode || Options.unresolved(i));
        if (!ok) {
            add(Violation.VALUE, where(field), name(path) + " must be a list of 1 to 10 filter patterns, each a"
                    + " mapping like {eventName: [INSERT]}; got " + describeList(value));
        }
    }

    private static String describeList(Node value) {
        if (value instanceof ListNode list) {
            if (list.items().isEmpty()) {
                return "an empty list";
            }
            if (list.items().size() > 10) {
                return list.items().size() + " patterns";
            }
            return "a list with " + list.items().stream().filter(i -> !(i instanceof MapNode)).findFirst()
                    .map(Options::show).orElse("other values");
        }
        if (value instanceof MapNode) {
            return "a single mapping (write it as a list item: '- {...}')";
        }
        return Options.show(value);
    }

    /** Every key of {@code map} not in {@code allowed} is reported at the key. */
    void unknownKeys(String path, MapNode map, List<String> allowed) {
        for (MapNode.Field field : map.fields()) {
            if (!allowed.contains(field.key())) {
                add(Violation.UNKNOWN_KEY, field.keyRef(), (path.isEmpty() ? event + " event" : name(path))
                        + " has no option '" + field.key() + "'" + Spelling.hint(field.key(), allowed)
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }
}
