package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CloudFormation value in the YAML short form users write: {@code !GetAtt Queue.Arn},
 * {@code !Ref Bucket}, {@code !Sub arn:aws:s3:::${Bucket}/*}, {@code !Join [':', [a, !Ref B]]}; a
 * plain string as it is. Messages and the review page show values this way, never as intrinsic JSON.
 */
public final class IntrinsicText {

    /** Strings that need quotes inside a flow sequence or mapping. */
    private static final Pattern PLAIN = Pattern.compile("[^\\s,\\[\\]{}'\"#&*!|>%@`:][^,\\[\\]{}#]*");

    private IntrinsicText() {
    }

    /** The value as written at the top level of a YAML line (a plain string is not quoted). */
    public static String of(JsonNode value) {
        return value.isTextual() ? value.asText() : inline(value);
    }

    private static String inline(JsonNode value) {
        if (value.isTextual()) {
            return quoted(value.asText());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(inline(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            if (value.size() == 1) {
                Map.Entry<String, JsonNode> only = value.fields().next();
                String name = only.getKey();
                if (name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::")) {
                    return tag(name.startsWith("Fn::") ? name.substring(4) : name, only.getValue());
                }
            }
            List<String> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.add(quoted(field.getKey()) + ": " + inline(field.getValue()));
            }
            return "{" + String.join(", ", fields) + "}";
        }
        return value.asText();
    }

    private static String tag(String name, JsonNode argument) {
        if (name.equals("GetAtt") && argument.isArray() && argument.size() == 2
                && argument.get(0).isTextual() && argument.get(1).isTextual()) {
            return "!GetAtt " + argument.get(0).asText() + "." + argument.get(1).asText();
        }
        return "!" + name + " " + (argument.isTextual() ? argument.asText() : inline(argument));
    }

    private static String quoted(String text) {
        return PLAIN.matcher(text).matches() && !text.endsWith(" ") && !text.endsWith(":") && !text.contains(": ")
                ? text : "'" + text.replace("'", "''") + "'";
    }
}
