package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

    @Test
    void countsThenOneSortedLinePerFinding() {
        String text = TextReport.render(SampleAnalysis.findings());
        assertEquals("""
                2 errors, 1 warning, 1 note
                ./services/orders/serverless.yml:3:1 warning SLS-DEP-001 Set provider.kinesis.consumerNamingMode.
                other.yml:1:1 note SLS-XXX-999 A rule the rule base does not list.
                services/orders/serverless.yml:12:13 error SLS-IAM-001 Statement allows "*".
                services/orders/serverless.yml:40:9 error SLS-VAL-101 Queue visibility timeout 30 s is shorter than 60 s.
                """, text);
    }

    @Test
    void noFindingsIsOneLineOfZeroes() {
        assertEquals("0 errors, 0 warnings, 0 notes\n", TextReport.render(List.of()));
    }

    @Test
    void multiLineMessagesStayOnOneLine() {
        Finding f = new Finding("SLS-X-1", Severity.NOTE, "first\nsecond", new SourceRef("s.yml", 2, 3, ""), "fp");
        assertEquals("0 errors, 0 warnings, 1 note\ns.yml:2:3 note SLS-X-1 first second\n",
                TextReport.render(List.of(f)));
    }

    @Test
    void colourMarksTheSummaryAndEachSeverityAndChangesNothingElse() {
        Finding error = new Finding("SLS-X-1", Severity.ERROR, "bad", new SourceRef("s.yml", 2, 3, ""), "a");
        Finding note = new Finding("SLS-X-2", Severity.NOTE, "fyi", new SourceRef("s.yml", 4, 1, ""), "b");
        String coloured = TextReport.render(List.of(error, note), true);
        assertEquals("\u001b[1m1 error, 0 warnings, 1 note\u001b[0m\n"
                + "s.yml:2:3 \u001b[31merror\u001b[0m SLS-X-1 bad\n"
                + "s.yml:4:1 \u001b[36mnote\u001b[0m SLS-X-2 fyi\n", coloured);
        assertEquals(TextReport.render(List.of(error, note)), coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }
}
