package dev.slsguard.rules;

import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Reads event options the way Serverless Framework v3's schema validation sees them: AJV with
 * {@code coerceTypes}, so {@code '25'} is the integer 25 and {@code 'true'} a boolean, while
 * {@code 'yes'} is no boolean. Values that still hold an unresolved variable placeholder
 * ({@code ${ssm:...}}) are unknown: checks skip them.
 */
public final class Options {

    private Options() {
    }

    /** True for a value whose text still contains an unresolved variable, e.g. {@code ${ssm:/x}}. */
    public static boolean unresolved(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof String text && text.contains("${");
    }

    /** The field {@code key} of a mapping, as a list of zero or one field (for DRL {@code from}). */
    public static List<MapNode.Field> field(Node config, String key) {
        if (config instanceof MapNode map) {
            return map.field(key).map(List::of).orElse(List.of());
        }
        return List.of();
    }

    /** The value of field {@code key} of a mapping, as a list of zero or one node (for DRL {@code from}). */
    public static List<Node> value(Node config, String key) {
        if (config instanceof MapNode map) {
            return map.get(key).map(List::of).orElse(List.of());
        }
        return List.of();
    }

    /** True when the value, after coercion, is a number greater than {@code limit}. */
    public static boolean above(Node value, long limit) {
        return number(value).filter(n -> n.compareTo(BigDecimal.valueOf(limit)) > 0).isPresent();
    }

    /** The value as a number after AJV coercion (booleans and null coerce too), if it is one. */
    public static Optional<BigDecimal> number(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return Optional.empty();
        }
        Object value = scalar.value();
        if (value == null) {
            return Optional.of(BigDecimal.ZERO);
        }
        if (value instanceof Boolean b) {
            return Optional.of(b ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (value instanceof Long l) {
            return Optional.of(BigDecimal.valueOf(l));
        }
        if (value instanceof BigInteger i) {
            return Optional.of(new BigDecimal(i));
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? Optional.empty() : Optional.of(BigDecimal.valueOf(d));
        }
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Optional.of(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The value as an integer after AJV coercion, if it is a whole number. */
    public static Optional<BigInteger> integer(Node node) {
        return number(node).filter(n -> n.stripTrailingZeros().scale() <= 0).map(BigDecimal::toBigIntegerExact);
    }

    /** The coerced integer, or {@code fallback} when the value is not an integer. */
    public static long integerOr(Node node, long fallback) {
        return integer(node).filter(i -> i.bitLength() < 63).map(BigInteger::longValue).orElse(fallback);
    }

    /** The value as a boolean after AJV coercion ({@code "true"}, {@code "false"}, 1, 0, null). */
    public static Optional<Boolean> bool(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return Optional.empty();
        }
        Object value = scalar.value();
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value == null || "false".equals(value) || isNumber(value, 0)) {
            return Optional.of(false);
        }
        if ("true".equals(value) || isNumber(value, 1)) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private static boolean isNumber(Object value, int expected) {
        return (value instanceof Long || value instanceof BigInteger || value instanceof Double
                || value instanceof BigDecimal)
                && new BigDecimal(value.toString()).compareTo(BigDecimal.valueOf(expected)) == 0;
    }

    /** The value as a string as JavaScript would see it (numbers and booleans coerce), if scalar. */
    public static Optional<String> string(Node node) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.value() == null ? "" : scalar.text());
        }
        return Optional.empty();
    }

    /** True for a plain string, not coerced. */
    public static boolean isString(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof String;
    }

    /** True for a value AJV's {@code coerceTypes} turns into a string: any scalar but null. */
    public static boolean coercesToString(Node node) {
        return node instanceof ScalarNode s && s.value() != null;
    }

    /** True for a value {@code type: array, items: string} accepts under {@code coerceTypes: 'array'}. */
    public static boolean coercesToStrings(Node node) {
        return coercesToString(node)
                || node instanceof ListNode list && list.items().stream().allMatch(Options::coercesToString);
    }

    /** True for a string that starts with {@code arn:}, like v3's {@code awsArnString}. */
    public static boolean isArnString(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof String text && text.startsWith("arn:");
    }

    /**
     * True for a CloudFormation intrinsic function: a mapping with one key, {@code Ref} or
     * {@code Fn::...}.
     */
    public static boolean isIntrinsic(Node node) {
        return node instanceof MapNode map && map.size() == 1
                && (map.keys().get(0).equals("Ref") || map.keys().get(0).startsWith("Fn::"));
    }

    /** The intrinsic's name ({@code Fn::GetAtt}); call only when {@link #isIntrinsic} holds. */
    public static String intrinsicName(Node node) {
        return ((MapNode) node).keys().get(0);
    }

    /** The service of a literal ARN ({@code arn:aws:sqs:...} gives {@code sqs}), or empty. */
    public static Optional<String> arnService(Node node) {
        if (isArnString(node)) {
            String[] parts = ((String) ((ScalarNode) node).value()).split(":", -1);
            return parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The value for a message: strings quoted, other scalars as written, else the node's kind. */
    public static String show(Node node) {
        return node instanceof ListNode ? "a list" : Nodes.show(node);
    }
}
