package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline {@code # slsguard-ignore: RULE-ID reason} comments, end to end. */
class SuppressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The error findings of the unsuppressed service: rule id and line. */
    private List<JsonNode> errors;

    @BeforeEach
    void findErrors() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "json");
        assertEquals(1, run.exitCode(), run.toString());
        errors = new ArrayList<>();
        JSON.readTree(run.out()).get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                errors.add(f);
            }
        });
        assertFalse(errors.isEmpty());
    }

    /** The service with a comment line above each error, as {@code commentFor} writes it. */
    private void writeWithCommentsAbove(java.util.function.Function<String, String> commentFor) throws Exception {
        List<String> lines = new ArrayList<>(Services.WITH_ERRORS.lines().toList());
        List<JsonNode> bottomUp = new ArrayList<>(errors);
        bottomUp.sort((a, b) -> b.get("location").get("line").asInt() - a.get("location").get("line").asInt());
        int previous = -1;
        for (JsonNode error : bottomUp) {
            int line = error.get("location").get("line").asInt();
            String target = lines.get(line - 1);
            String indent = target.substring(0, target.length() - target.stripLeading().length());
            if (line == previous) {
                // a second error on the same line: one comment line each, both directly above
                lines.add(line - 1, indent + "# slsguard-ignore: " + error.get("ruleId").asText() + " also");
                continue;
            }
            lines.add(line - 1, indent + commentFor.apply(error.get("ruleId").asText()));
            previous = line;
        }
        Files.writeString(dir.resolve("svc/serverless.yml"), String.join("\n", lines) + "\n");
    }

    @Test
    void suppressedFindingsStayInSarifButDoNotCount() throws Exception {
        writeWithCommentsAbove(rule -> "# slsguard-ignore: " + rule + " accepted by the security team");
        Run text = Run.in(dir, "check", "svc", "--output", "out");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().startsWith("0 errors, "), text.out());
        for (JsonNode error : errors) {
            assertFalse(text.out().contains(error.get("ruleId").asText()), text.out());
        }

        JsonNode sarif = JSON.readTree(dir.resolve("out/slsguard.sarif").toFile());
        int suppressed = 0;
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            if (result.has("suppressions")) {
                suppressed++;
                JsonNode suppression = result.get("suppressions").get(0);
                assertEquals("inSource", suppression.get("kind").asText());
                assertTrue(suppression.get("justification").asText().endsWith("accepted by the security team")
                        || suppression.get("justification").asText().equals("also"), result.toString());
                int resultLine = result.get("locations").get(0).get("physicalLocation").get("region")
                        .get("startLine").asInt();
                int commentLine = suppression.get("location").get("physicalLocation").get("region")
                        .get("startLine").asInt();
                assertTrue(commentLine == resultLine - 1 || commentLine == resultLine - 2, result.toString());
            }
        }
        assertEquals(errors.size(), suppressed);
        assertFalse(sarif.get("runs").get(0).get("results").toString().contains("\"SLS-VAL-006\""),
                "every suppression was used");
        assertTrue(Files.readString(dir.resolve("out/slsguard.html")).contains(">" + errors.size()
                + " suppressed by slsguard-ignore comments"), "the page says how many were suppressed");
    }

    @Test
    void trailingCommentSuppressesItsOwnLine() throws Exception {
        List<String> lines = new ArrayList<>(Services.WITH_ERRORS.lines().toList());
        for (JsonNode error : errors) {
            int line = error.get("location").get("line").asInt();
            lines.set(line - 1, lines.get(line - 1) + "  # slsguard-ignore: " + error.get("ruleId").asText()
                    + " known, see ticket #12");
        }
        Files.writeString(dir.resolve("svc/serverless.yml"), String.join("\n", lines) + "\n");
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(0, JSON.readTree(run.out()).get("summary").get("errors").asInt(), run.out());
        JsonNode result = JSON.readTree(dir.resolve("out/slsguard.sarif").toFile()).get("runs").get(0)
                .get("results").get(0);
        assertEquals("known, see ticket #12", result.get("suppressions").get(0).get("justification").asText());
    }

    @Test
    void suppressionWithoutReasonIsAWarningFinding() throws Exception {
        writeWithCommentsAbove(rule -> "# slsguard-ignore: " + rule);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "json");
        assertEquals(0, run.exitCode(), "the errors are still suppressed: " + run);
        JsonNode report = JSON.readTree(run.out());
        List<String> reasonless = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("SLS-VAL-005")) {
                reasonless.add(f.get("severity").asText() + " " + f.get("message").asText());
            }
        });
        assertFalse(reasonless.isEmpty(), run.out());
        assertTrue(reasonless.get(0).startsWith("warning The suppression of SLS-"), reasonless.toString());
        Run failOnWarning = Run.in(dir, "check", "svc", "--output", "out", "--fail-on", "warning");
        assertEquals(1, failOnWarning.exitCode(), failOnWarning.toString());
    }

    @Test
    void unusedSuppressionIsANote() throws Exception {
        String service = Services.WITH_ERRORS.replace("functions:\n",
                "functions:\n  # slsguard-ignore: SLS-VAL-101 nothing to suppress here\n");
        Files.writeString(dir.resolve("svc/serverless.yml"), service);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "json");
        assertEquals(1, run.exitCode(), "the real errors still count: " + run);
        JsonNode unused = null;
        for (JsonNode f : JSON.readTree(run.out()).get("findings")) {
            if (f.get("ruleId").asText().equals("SLS-VAL-006")) {
                unused = f;
            }
        }
        assertTrue(unused != null, run.out());
        assertEquals("note", unused.get("severity").asText());
        int commentLine = service.lines().toList().indexOf("  # slsguard-ignore: SLS-VAL-101 nothing to suppress here") + 1;
        assertEquals(commentLine, unused.get("location").get("line").asInt());
        assertEquals(3, unused.get("location").get("column").asInt());
    }
}
