package dev.slsguard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.rules.OrgPack;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.Risk;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.reports.JsonText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The loaded rules' metadata as text, JSON or Markdown: the rule documentation, generated from the
 * rule base so that it cannot drift from the rules.
 */
final class RuleCatalog {

    /** How security rules are ranked, before the tables (the rows come from {@link Risk}). */
    private static final String RISK_SCALE = """

            ## Security severity

            A security rule names what its findings let an attacker do (`@risk`); that sets its default
            level and the `security-severity` GitHub code scanning ranks its alerts by (critical from 9.0,
            high from 7.0, medium from 4.0, low below). Critical and high fail the default `--fail-on error`.
            Rules without a risk (schema, parity, validation, deprecation, reliability) are not security
            alerts: they have no security severity and no `security` tag.

            | Risk | Security severity | Level | What it allows |
            | --- | --- | --- | --- |
            """;

    private RuleCatalog() {
    }

    /**
     * Every rule of the rule base, then its org packs (name, version, description from {@code pack.yml}).
     *
     * @param given the {@code --rules} directories as the user wrote them, in order, to name the packs by
     */
    static String render(RuleBase base, List<Path> given, RuleListFormat format) {
        List<OrgPack> packs = shown(base.orgPacks(), given);
        return render(base.rules(), packs, id -> base.orgPackOf(id).map(p -> packs.get(base.orgPacks().indexOf(p))),
                format);
    }

    /** The packs with their directories as the user wrote them. */
    static List<OrgPack> shown(List<OrgPack> packs, List<Path> given) {
        List<OrgPack> shown = new java.util.ArrayList<>();
        for (int i = 0; i < packs.size(); i++) {
            OrgPack p = packs.get(i);
            String dir = i < given.size() ? given.get(i).toString().replace('\\', '/') : p.directory();
            shown.add(new OrgPack(p.name(), p.version(), p.description(), dir));
        }
        return shown;
    }

    private static String render(List<RuleInfo> rules, List<OrgPack> packs, Function<String, Optional<OrgPack>> packOf,
                                 RuleListFormat format) {
        return switch (format) {
            case TEXT -> text(rules) + packsText(rules, packs, packOf);
            case JSON -> json(rules, packs, packOf);
            case MARKDOWN -> markdown(rules, packOf) + packsMarkdown(rules, packs, packOf);
        };
    }

    private static List<String> idsOf(OrgPack pack, List<RuleInfo> rules, Function<String, Optional<OrgPack>> packOf) {
        return rules.stream().map(RuleInfo::id).filter(id -> packOf.apply(id).filter(pack::equals).isPresent())
                .toList();
    }

    private static String count(int n) {
        return n + (n == 1 ? " rule" : " rules");
    }

    /** One line per org pack: name and version, directory, number of rules, description. */
    private static String packsText(List<RuleInfo> rules, List<OrgPack> packs,
                                    Function<String, Optional<OrgPack>> packOf) {
        StringBuilder out = new StringBuilder();
        for (OrgPack pack : packs) {
            out.append("org pack ").append(pack.label()).append(" (").append(pack.directory()).append(", ")
                    .append(count(idsOf(pack, rules, packOf).size())).append(')');
            pack.description().ifPresent(d -> out.append(": ").append(d.replaceAll("\\s*\\R\\s*", " ")));
            out.append('\n');
        }
        return out.toString();
    }

    private static String packsMarkdown(List<RuleInfo> rules, List<OrgPack> packs,
                                        Function<String, Optional<OrgPack>> packOf) {
        if (packs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n## Org packs\n\n| Pack | Version | Directory | Rules | Description |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (OrgPack pack : packs) {
            out.append("| ").append(cell(pack.name())).append(" | ").append(cell(pack.version().orElse("")))
                    .append(" | `").append(pack.directory()).append("` | ")
                    .append(String.join(", ", idsOf(pack, rules, packOf))).append(" | ")
                    .append(cell(pack.description().orElse(""))).append(" |\n");
        }
        return out.toString();
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

    private static String json(List<RuleInfo> rules, List<OrgPack> packs,
                               Function<String, Optional<OrgPack>> packOf) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode array = root.putArray("rules");
        for (RuleInfo rule : rules) {
            ObjectNode node = array.addObject();
            node.put("id", rule.id());
            node.put("severity", rule.severity().label());
            rule.securityRisk().ifPresent(risk -> {
                node.put("risk", risk.key());
                node.put("securitySeverity", risk.score());
            });
            node.put("title", rule.title());
            node.put("description", rule.description());
            node.put("help", rule.help());
            ArrayNode tags = node.putArray("tags");
            rule.tags().forEach(tags::add);
            node.put("pack", rule.pack());
            packOf.apply(rule.id()).ifPresent(p -> node.put("orgPack", p.name()));
        }
        if (!packs.isEmpty()) {
            ArrayNode orgPacks = root.putArray("orgPacks");
            for (OrgPack pack : packs) {
                ObjectNode node = orgPacks.addObject();
                node.put("name", pack.name());
                pack.version().ifPresent(v -> node.put("version", v));
                pack.description().ifPresent(d -> node.put("description", d));
                node.put("directory", pack.directory());
                ArrayNode ids = node.putArray("rules");
                idsOf(pack, rules, packOf).forEach(ids::add);
            }
        }
        return JsonText.write(root);
    }

    /**
     * A count line, then per pack (in order of first appearance) a table of its rules, then one
     * section per rule with its description, help and tags.
     */
    private static String markdown(List<RuleInfo> rules, Function<String, Optional<OrgPack>> packOf) {
        Map<String, List<RuleInfo>> packs = new LinkedHashMap<>();
        rules.forEach(rule -> packs.computeIfAbsent(rule.packName(), k -> new ArrayList<>()).add(rule));
        StringBuilder out = new StringBuilder("# Rules\n\n").append(rules.size())
                .append(rules.size() == 1 ? " rule" : " rules")
                .append(" in ").append(packs.size()).append(packs.size() == 1 ? " pack" : " packs")
                .append(". Generated by `slsguard rules list --format markdown`.\n");
        out.append(RISK_SCALE);
        for (Risk risk : Risk.values()) {
            out.append("| `").append(risk.key()).append("` | ").append(risk.score()).append(" ").append(risk.band())
                    .append(" | ").append(risk.level().label()).append(" | ").append(risk.meaning()).append(" |\n");
        }
        for (Map.Entry<String, List<RuleInfo>> pack : packs.entrySet()) {
            out.append("\n## Pack `").append(pack.getKey())
                    .append("`\n\n| Id | Severity | Security severity | Title |\n| --- | --- | --- | --- |\n");
            for (RuleInfo rule : pack.getValue()) {
                out.append("| [").append(rule.id()).append("](#").append(anchor(rule.id())).append(") | ")
                        .append(rule.severity().label()).append(" | ")
                        .append(rule.securityRisk().map(r -> r.score() + " " + r.band() + " (" + r.key() + ")").orElse(""))
                        .append(" | ").append(cell(rule.title())).append(" |\n");
            }
        }
        out.append("\n## Rule reference\n");
        for (RuleInfo rule : rules) {
            out.append("\n### ").append(rule.id()).append("\n\n**").append(rule.title()).append("** (")
                    .append(rule.severity().label())
                    .append(rule.securityRisk().map(r -> ", security severity " + r.score() + " " + r.band() + ": "
                            + r.meaning()).orElse(""))
                    .append(", pack `").append(rule.packName()).append('`')
                    .append(packOf.apply(rule.id()).map(p -> ", org pack " + p.label()).orElse("")).append(")\n");
            if (!rule.description().isEmpty()) {
                out.append('\n').append(rule.description()).append('\n');
            }
            if (!rule.help().isEmpty()) {
                out.append("\nHow to fix: ").append(rule.help()).append('\n');
            }
            if (!rule.tags().isEmpty()) {
                out.append("\nTags: ").append(String.join(", ", rule.tags().stream().map(t -> "`" + t + "`").toList()))
                        .append('\n');
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
