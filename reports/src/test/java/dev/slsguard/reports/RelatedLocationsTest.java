package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding's related locations in the HTML page and the JSON report. */
class RelatedLocationsTest {

    private static final ToolInfo TOOL = ToolInfo.slsguard("1.2.3");
    private static final String FILE = SampleAnalysis.FILE;

    private static final Finding WITH_RELATED = new Finding("SLS-IAM-001", Severity.ERROR, "Statement allows \"*\".",
            new SourceRef(FILE, 30, 11, "/provider/iam/role/statements/0"), "f1",
            List.of(new RelatedLocation(new SourceRef(FILE, 18, 11, "/functions/worker/events/0/sqs"),
                    "the <sqs> event that derived it")));

    private static Analysis analysis(List<Finding> findings) {
        Analysis base = SampleAnalysis.analysis();
        return new Analysis(base.source(), base.template(), findings, base.rules());
    }

    @Test
    void htmlListsThemAsText() {
        String html = HtmlReport.render(analysis(List.of(WITH_RELATED)), TOOL);
        assertTrue(html.contains("<li>the &lt;sqs&gt; event that derived it (" + FILE + ":18:11)</li>"), html);
        String plain = HtmlReport.render(analysis(List.of(new Finding("SLS-IAM-001", Severity.ERROR, "m",
                new SourceRef(FILE, 3, 1, ""), "f2"))), TOOL);
        assertFalse(plain.contains("See also"), plain);
    }

    @Test
    void jsonListsThemOnlyWhenThereAreSome() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(List.of(WITH_RELATED,
                new Finding("SLS-DEP-001", Severity.WARNING, "m", new SourceRef(FILE, 3, 1, "/provider"), "f3")), TOOL));
        JsonNode related = json.at("/findings/1/related/0");
        assertEquals("the <sqs> event that derived it", related.get("label").asText());
        assertEquals(FILE, related.get("file").asText());
        assertEquals(18, related.get("line").asInt());
        assertEquals(11, related.get("column").asInt());
        assertEquals("/functions/worker/events/0/sqs", related.get("pointer").asText());
        assertFalse(json.at("/findings/0").has("related"), json.toString());
    }
}
