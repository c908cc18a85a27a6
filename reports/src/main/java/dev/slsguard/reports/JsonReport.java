package dev.slsguard.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.Finding;
import java.util.List;

/**
 * Findings and counts as JSON, for scripts: {@code tool}, {@code summary} (errors, warnings,
 * notes) and {@code findings} in {@link FindingOrder}, each with its location and fingerprint.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(List<Finding> findings, ToolInfo tool) {
        return JsonText.write(tree(findings, tool));
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
