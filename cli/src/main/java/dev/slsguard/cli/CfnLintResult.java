package dev.slsguard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One result of cfn-lint's JSON report ({@code --format json}): an array of
 * {@code {Id, Level, Message, Location: {Path}, Rule: {Id, ShortDescription, Description, Source}}}.
 *
 * @param ruleId      cfn-lint's rule id ({@code E3033})
 * @param level       {@code Error}, {@code Warning} or {@code Informational}
 * @param message     cfn-lint's message
 * @param path        where in the template: {@code Resources, Fn, Properties, FunctionName} (list
 *                    indexes as numbers)
 * @param title       the rule's short description
 * @param description the rule's description
 * @param source      the rule's source URL
 */
record CfnLintResult(String ruleId, String level, String message, List<Object> path, String title,
                     String description, String source) {

    private static final ObjectMapper JSON = new ObjectMapper();

    CfnLintResult {
        path = List.copyOf(path);
    }

    /** Output that is not cfn-lint's JSON report. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The results of cfn-lint's JSON report.
     *
     * @throws Unreadable when {@code output} is not such a report
     */
    static List<CfnLintResult> parse(String output) throws Unreadable {
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (JsonProcessingException e) {
            throw new Unreadable("its output is not JSON: " + excerpt(output));
        }
        if (root == null || !root.isArray()) {
            throw new Unreadable("its output is not a JSON list of results: " + excerpt(output));
        }
        List<CfnLintResult> results = new ArrayList<>();
        for (JsonNode item : root) {
            String id = text(item.path("Rule"), "Id").orElse("");
            Optional<String> message = text(item, "Message");
            if (!item.isObject() || !id.matches("[A-Z][0-9]+") || message.isEmpty()) {
                throw new Unreadable("a result has no rule id or message: " + excerpt(item.toString()));
            }
            List<Object> path = new ArrayList<>();
            for (JsonNode segment : item.path("Location").path("Path")) {
                path.add(segment.isIntegralNumber() ? (Object) segment.intValue() : segment.asText());
            }
            JsonNode rule = item.path("Rule");
            results.add(new CfnLintResult(id, text(item, "Level").orElse(""), message.get(), path,
                    text(rule, "ShortDescription").orElse(""), text(rule, "Description").orElse(""),
                    text(rule, "Source").orElse("")));
        }
        return results;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The start of a text on one line, for a message. */
    static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "(nothing)";
        }
        return "'" + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'";
    }
}
