package dev.slsguard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.reports.JsonText;
import java.util.List;

/**
 * The loaded rules' metadata as text, JSON or Markdown: the rule documentation, generated from the
 * rule base so that it cannot drift from the rules.
 */
final class RuleCatalog {

    private RuleCatalog() {
    }

    static String render(List<RuleInfo> rules, RuleListFormat format) {
        return switch (format) {
            case TEXT -> text(rules);
            case JSON -> json(rules);
            case MARKDOWN -> markdown(rules);
        };
    }

    /** One line per rule: id, severity and title in columns, then the tags. */
    private static String text(List<RuleInfo> rules) {
        int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (RuleInfo rule : rules) {
            out.append(pad(rule.id(), idWidth)).append("  ").append(pad(rule.severity().label(), 7)).append("  ")
                    .append(rule.title());
            if (!rule.tags().isEmpty()) {
                out.append("  [").append(String.join(", ", rule.tags())).append(']');
            }
            out.append('\n');
        }
        out.append(rules.size()).append(" rules\n");
        return out.toString();
    }

    private static String json(List<RuleInfo> rules) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode array = root.putArray("rules");
        for (RuleInfo rule : rules) {
            ObjectNode node = array.addObject();
            node.put("id", rule.id());
            node.put("severity", rule.severity().label());
            node.put("title", rule.title());
            node.put("description", rule.description());
            node.put("help", rule.help());
            ArrayNode tags = node.putArray("tags");
            rule.tags().forEach(tags::add);
            node.put("pack", rule.pack());
        }
        return JsonText.write(root);
    }

    /** A table of every rule, then one section per rule with its description and help. */
    private static String markdown(List<RuleInfo> rules) {
        StringBuilder out = new StringBuilder("# Rules\n\n| Id | Severity | Title | Tags |\n| --- | --- | --- | --- |\n");
        for (RuleInfo rule : rules) {
            out.append("| [").append(rule.id()).append("](#").append(anchor(rule.id())).append(") | ")
                    .append(rule.severity().label()).append(" | ").append(cell(rule.title())).append(" | ")
                    .append(cell(String.join(", ", rule.tags()))).append(" |\n");
        }
        for (RuleInfo rule : rules) {
            out.append("\n## ").append(rule.id()).append("\n\n**").append(rule.title()).append("** (")
                    .append(rule.severity().label()).append(", pack `").append(rule.pack()).append("`)\n");
            if (!rule.description().isEmpty()) {
                out.append('\n').append(rule.description()).append('\n');
            }
            if (!rule.help().isEmpty()) {
                out.append("\nHow to fix: ").append(rule.help()).append('\n');
            }
        }
        return out.toString();
    }

    private static String anchor(String id) {
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
