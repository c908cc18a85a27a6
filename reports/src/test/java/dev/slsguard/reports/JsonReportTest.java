package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    @Test
    void countsAndSortedFindingsWithLocations() throws Exception {
        String text = JsonReport.render(SampleAnalysis.findings(), ToolInfo.slsguard("9.9.9"));
        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals("9.9.9", root.get("tool").get("version").asText());
        assertEquals(2, root.get("summary").get("errors").asInt());
        assertEquals(1, root.get("summary").get("warnings").asInt());
        assertEquals(1, root.get("summary").get("notes").asInt());
        List<String> order = new ArrayList<>();
        root.get("findings").forEach(f -> order.add(f.get("ruleId").asText()));
        assertEquals(List.of("SLS-DEP-001", "SLS-XXX-999", "SLS-IAM-001", "SLS-VAL-101"), order);
        JsonNode iam = root.get("findings").get(2);
        assertEquals(12, iam.get("location").get("line").asInt());
        assertEquals("/provider/iam/role/statements/0/Action", iam.get("location").get("pointer").asText());
        assertEquals("iam001-s0", iam.get("fingerprint").asText());
        assertEquals(text, JsonReport.render(SampleAnalysis.findings(), ToolInfo.slsguard("9.9.9")));
    }
}
