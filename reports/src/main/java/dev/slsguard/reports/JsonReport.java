package dev.slsguard.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import java.util.Comparator;
import java.util.List;

/**
 * Findings and counts as JSON, for scripts: {@code tool}, {@code summary} (errors, warnings,
 * notes) and {@code findings} in {@link FindingOrder}, each with its location and fingerprint; with
 * the analyses at hand also {@code derivedStatements}: every statement the derivation rules added to
 * a role for the functions' events, with the rule and the configuration line (the event) it comes
 * from, in the role's statement order.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(List<Finding> findings, ToolInfo tool) {
        return JsonText.write(tree(findings, tool));
    }

    /** Findings plus the derived statements of {@code statements} (those of {@code IamStatement.DERIVED} origin). */
    public static String render(List<Finding> findings, List<IamStatement> statements, ToolInfo tool) {
        return JsonText.write(withStatements(tree(findings, tool), statements));
    }

    /**
     * Findings, derived statements and what the run covered: {@code summary} also counts services,
     * functions and rules, and {@code notAnalysed} lists every service that was not analysed, with
     * its location and whether it was skipped or an error.
     */
    public static String render(List<Finding> findings, List<IamStatement> statements, ToolInfo tool,
                                RunSummary run) {
        ObjectNode root = tree(findings, tool);
        ((ObjectNode) root.get("summary")).put("services", run.services()).put("functions", run.functions())
                .put("rules", run.rules()).put("notAnalysed", run.notAnalysed().size());
        withStatements(root, statements);
        ArrayNode list = root.putArray("notAnalysed");
        run.notAnalysed().forEach(n -> list.addObject()
                .put("kind", n.label())
                .put("message", n.message())
                .putObject("location")
                .put("file", n.location().file())
                .put("line", n.location().line())
                .put("column", n.location().column()));
        return JsonText.write(root);
    }

    private static ObjectNode withStatements(ObjectNode root, List<IamStatement> statements) {
        ArrayNode derived = root.putArray("derivedStatements");
        statements.stream().filter(s -> s.origin().equals(IamStatement.DERIVED))
                .sorted(Comparator.comparing((IamStatement s) -> s.ref().file()).thenComparing(IamStatement::role)
                        .thenComparing(IamStatement::orderKey))
                .forEach(s -> {
                    ObjectNode item = derived.addObject();
                    item.put("role", s.role());
                    item.put("effect", s.effect());
                    ArrayNode actions = item.putArray("actions");
                    s.actions().forEach(actions::add);
                    ArrayNode resources = item.putArray("resources");
                    s.resources().stream().map(CfnValue::toJson).forEach(resources::add);
                    item.put("rule", s.source());
                    s.function().ifPresent(f -> item.put("function", f));
                    item.putObject("origin")
                            .put("file", s.ref().file())
                            .put("line", s.ref().line())
                            .put("column", s.ref().column())
                            .put("pointer", s.ref().pointer());
                });
        return root;
    }

    static ObjectNode tree(List<Finding> findings, ToolInfo tool) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.putObject("tool").put("name", tool.name()).put("version", tool.version());
        SeverityCounts counts = SeverityCounts.of(findings);
        root.putObject("summary")
                .put("errors", counts.errors())
                .put("warnings", counts.warnings())
                .put("notes", counts.notes());
        ArrayNode list = root.putArray("findings");
        for (Finding f : FindingOrder.sorted(findings)) {
            ObjectNode item = list.addObject();
            item.put("ruleId", f.ruleId());
            item.put("severity", f.severity().label());
            item.put("message", f.message());
            item.putObject("location")
                    .put("file", f.location().file())
                    .put("line", f.location().line())
                    .put("column", f.location().column())
                    .put("pointer", f.location().pointer());
            item.put("fingerprint", f.fingerprint());
            if (!f.related().isEmpty()) {
                ArrayNode related = item.putArray("related");
                f.related().forEach(r -> related.addObject()
                        .put("label", r.label())
                        .put("file", r.ref().file())
                        .put("line", r.ref().line())
                        .put("column", r.ref().column())
                        .put("pointer", r.ref().pointer()));
            }
        }
        return root;
    }
}
