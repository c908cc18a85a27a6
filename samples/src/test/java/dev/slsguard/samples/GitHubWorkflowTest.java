package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample GitHub Actions workflow runs check and uploads the files check writes. */
class GitHubWorkflowTest {

    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    @Test
    void uploadsTheSarifThatCheckWrites() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory())
                .readTree(SAMPLES.resolve("github-actions/slsguard.yml").toFile());
        assertEquals("write", workflow.get("permissions").get("security-events").asText());
        JsonNode steps = workflow.get("jobs").get("check").get("steps");
        String check = null;
        JsonNode upload = null;
        JsonNode artifact = null;
        List<String> uses = new ArrayList<>();
        for (JsonNode step : steps) {
            uses.add(step.path("uses").asText());
            if (step.path("run").asText().contains("slsguard.jar check")) {
                check = step.get("run").asText();
            }
            if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
                upload = step;
            }
            if (step.path("uses").asText().startsWith("actions/upload-artifact@")) {
                artifact = step;
            }
        }
        assertTrue(check != null && check.contains("--output slsguard-out"), String.valueOf(check));
        assertTrue(upload != null, uses.toString());
        assertEquals("always()", upload.get("if").asText(), "upload even when findings fail the check step");
        assertEquals("slsguard-out/slsguard.sarif", upload.get("with").get("sarif_file").asText());
        assertEquals("slsguard-out/slsguard.html", artifact.get("with").get("path").asText());
    }
}
