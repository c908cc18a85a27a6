package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One option as the user wrote it, read the way Serverless Framework v3's schema validation reads
 * it (ajv with {@code coerceTypes}: {@code '25'} is the integer 25, {@code 'true'} a boolean,
 * {@code 'yes'} no boolean), with the place it was written. Event facts expose their options as
 * settings ({@code SqsEvent.batchSize()}), so rules compare typed values and report at the
 * option's own line without walking YAML.
 *
 * <p>A setting may be absent (the option was not written): then every reader is empty or false
 * and {@link #ref()} is where it would go (the enclosing value). A value that still holds an
 * unresolved variable ({@code ${ssm:/x}}) is {@link #unresolved()}: checks skip it, since its
 * value is only known at deploy time.
 */
public final class Setting {

    private final String name;
    private final SourceRef keyRef;
    private final Node value;
    private final SourceRef where;

    private Setting(String name, SourceRef keyRef, Node value, SourceRef where) {
        this.name = name;
        this.keyRef = keyRef;
        this.value = value;
        this.where = where;
    }

    /** The whole of a value (an event's settings, a function's), or absent at {@code where} when null. */
    public static Setting of(Node value, SourceRef where) {
        return new Setting("", null, value, value != null ? value.ref() : where);
    }

    /** The whole of a value that is there. */
    public static Setting of(Node value) {
        return new Setting("", null, Objects.requireNonNull(value, "value"), value.ref());
    }

    /** A setting that was not written, reported (if at all) at {@code where}. */
    public static Setting absent(String name, SourceRef where) {
        return new Setting(name, null, null, where);
    }

    // ---- shape ----

    /** True when the option was written (even as {@code null}). */
    public boolean present() {
        return value != null;
    }

    /** The key this value was written under ({@code batchSize}); empty for a whole value or a list item. */
    public String name() {
        return name;
    }

    /** Where the value starts, or where an absent option would go. */
    public SourceRef ref() {
        return where;
    }

    /** Where the key was written; the value's place for a list item or a whole value. */
    public SourceRef keyRef() {
        return keyRef != null ? keyRef : where;
    }

    public boolean isMap() {
        return value instanceof MapNode;
    }

    public boolean isList() {
        return value instanceof ListNode;
    }

    public boolean isScalar() {
        return value instanceof ScalarNode;
    }

    /** True for a written {@code null} (or an empty value: {@code batchSize:}). */
    public boolean isNull() {
        return value instanceof ScalarNode s && s.value() == null;
    }

    /** The JSON kind: object, array, string, integer, number, boolean, null; "absent" when not written. */
    public String kind() {
        if (value == null) {
            return "absent";
        }
        return value instanceof ListNode ? "array" : value.kind();
    }

    // ---- members ----

    /** The member {@code key} of a mapping; absent (at this value) when missing or not a mapping. */
    public Setting get(String key) {
        if (value instanceof MapNode map) {
            Optional<MapNode.Field> field = map.field(key);
            if (field.isPresent()) {
                return new Setting(key, field.get().keyRef(), field.get().value(), field.get().value().ref());
            }
        }
        return absent(key, where);
    }

    /** Follows a path of keys through nested mappings. */
    public Setting at(String... path) {
        Setting current = this;
        for (String key : path) {
            current = current.get(key);
        }
        return current;
    }

    /** True for a mapping with member {@code key}. */
    public boolean has(String key) {
        return value instanceof MapNode map && map.has(key);
    }

    /** A mapping's keys in document order; empty for anything else. */
    public List<String> keys() {
        return value instanceof MapNode map ? map.keys() : List.of();
    }

    /** A mapping's members in document order, each named by its key; empty for anything else. */
    public List<Setting> members() {
        if (!(value instanceof MapNode map)) {
            return List.of();
        }
        List<Setting> members = new ArrayList<>(map.size());
        for (MapNode.Field field : map.fields()) {
            members.add(new Setting(field.key(), field.keyRef(), field.value(), field.value().ref()));
        }
        return members;
    }

    /** A list's items in order (named like the list); empty for anything else. */
    public List<Setting> items() {
        if (!(value instanceof ListNode list)) {
            return List.of();
        }
        List<Setting> items = new ArrayList<>(list.items().size());
        for (Node item : list.items()) {
            items.add(new Setting(name, null, item, item.ref()));
        }
        return items;
    }

    /** The number of members of a mapping or items of a list; 0 for anything else. */
    public int size() {
        if (value instanceof MapNode map) {
            return map.size();
        }
        return value instanceof ListNode list ? list.items().size() : 0;
    }

    // ---- scalar readings ----

    /** True for a value whose text still contains an unresolved variable, e.g. {@code ${ssm:/x}}. */
    public boolean unresolved() {
        return value instanceof ScalarNode s && s.value() instanceof String text && text.contains("${");
    }

    /** True for a plain string, as written (not coerced). */
    public boolean isText() {
        return value instanceof ScalarNode s && s.value() instanceof String;
    }

    /** The value as a string as JavaScript would see it (numbers and booleans too; null as ""), if scalar. */
    public Optional<String> text() {
        if (value instanceof ScalarNode scalar) {
            return Optional.of(scalar.value() == null ? "" : scalar.text());
        }
        return Optional.empty();
    }

    /** The text, or {@code ""} when the value is not a scalar. */
    public String textOr(String fallback) {
        return text().orElse(fallback);
    }

    /** True for a value that {@code type: string} accepts after coercion: any scalar but null. */
    public boolean coercesToString() {
        return value instanceof ScalarNode s && s.value() != null;
    }

    /** The value as a number after coercion (booleans and null coerce too), if it is one. */
    public Optional<BigDecimal> number() {
        if (!(value instanceof ScalarNode scalar)) {
            return Optional.empty();
        }
        Object v = scalar.value();
        if (v == null) {
            return Optional.of(BigDecimal.ZERO);
        }
        if (v instanceof Boolean b) {
            return Optional.of(b ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (v instanceof Long l) {
            return Optional.of(BigDecimal.valueOf(l));
        }
        if (v instanceof BigInteger i) {
            return Optional.of(new BigDecimal(i));
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? Optional.empty() : Optional.of(BigDecimal.valueOf(d));
        }
        if (v instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (v instanceof String text && !text.isBlank()) {
            try {
                return Optional.of(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The value as an integer after coercion, if it is a whole number. */
    public Optional<BigInteger> integer() {
        return number().filter(n -> n.stripTrailingZeros().scale() <= 0).map(BigDecimal::toBigIntegerExact);
    }

    /** True when the value, after coercion, is a number greater than {@code limit}. */
    public boolean above(long limit) {
        return number().filter(n -> n.compareTo(BigDecimal.valueOf(limit)) > 0).isPresent();
    }

    /** True when the value, after coercion, is a number less than {@code limit}. */
    public boolean below(long limit) {
        return number().filter(n -> n.compareTo(BigDecimal.valueOf(limit)) < 0).isPresent();
    }

    /** True when the value, after coercion, is a number equal to {@code expected}. */
    public boolean equalsNumber(long expected) {
        return number().filter(n -> n.compareTo(BigDecimal.valueOf(expected)) == 0).isPresent();
    }

    /** The value as a boolean after coercion ({@code "true"}, {@code "false"}, 1, 0, null). */
    public Optional<Boolean> bool() {
        if (!(value instanceof ScalarNode scalar)) {
            return Optional.empty();
        }
        Object v = scalar.value();
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v == null || "false".equals(v) || isNumber(v, 0)) {
            return Optional.of(false);
        }
        if ("true".equals(v) || isNumber(v, 1)) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    /**
     * True when JavaScript would find the value truthy: written, and not {@code null}, {@code false},
     * {@code ""} or the number 0 (the text {@code "0"} is truthy, as in JavaScript).
     */
    public boolean truthy() {
        if (value == null) {
            return false;
        }
        if (value instanceof ScalarNode scalar) {
            Object v = scalar.value();
            if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
                return false;
            }
            return v instanceof String || number().map(n -> n.signum() != 0).orElse(true);
        }
        return true;
    }

    /** True when the value reads as boolean {@code true}. */
    public boolean isTrue() {
        return bool().orElse(false);
    }

    private static boolean isNumber(Object v, int expected) {
        return (v instanceof Long || v instanceof BigInteger || v instanceof Double || v instanceof BigDecimal)
                && new BigDecimal(v.toString()).compareTo(BigDecimal.valueOf(expected)) == 0;
    }

    // ---- ARNs and intrinsics ----

    /** True for a string that starts with {@code arn:}. */
    public boolean isArn() {
        return value instanceof ScalarNode s && s.value() instanceof String text && text.startsWith("arn:");
    }

    /** The service of a literal ARN ({@code arn:aws:sqs:...} gives {@code sqs}), or empty. */
    public Optional<String> arnService() {
        if (isArn()) {
            String[] parts = ((String) ((ScalarNode) value).value()).split(":", -1);
            return parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
        }
        return Optional.empty();
    }

    /** True for a CloudFormation intrinsic: a mapping with one key, {@code Ref} or {@code Fn::...}. */
    public boolean isIntrinsic() {
        return value instanceof MapNode map && map.size() == 1
                && (map.keys().get(0).equals("Ref") || map.keys().get(0).startsWith("Fn::"));
    }

    /** The intrinsic's name ({@code Fn::GetAtt}), or empty when this is no intrinsic. */
    public Optional<String> intrinsicName() {
        return isIntrinsic() ? Optional.of(((MapNode) value).keys().get(0)) : Optional.empty();
    }

    // ---- output ----

    /** The value as JSON (absent gives JSON null). */
    public JsonNode toJson() {
        return value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : Nodes.toJson(value);
    }

    /** The value for a message: {@code 'text'}, {@code 25}, {@code no value}, {@code a list}, {@code a mapping}. */
    public String shown() {
        if (value == null) {
            return "nothing";
        }
        return value instanceof ListNode ? "a list" : Nodes.show(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Setting s && name.equals(s.name) && Objects.equals(value, s.value)
                && Objects.equals(where, s.where);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, where);
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + "=") + shown() + (where != null ? " at " + where : "");
    }
}
