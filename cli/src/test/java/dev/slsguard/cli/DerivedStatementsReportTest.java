package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statements the derivation rules add for the broker and EventBridge events of cases 06, 07, 12
 * and 13 (whose templates equal v3's: PipelineParityTest), as the JSON report and the HTML page show
 * them: each is in the template's role, comes from a rule, and names the event item that caused it
 * (its option's line) as its origin.
 */
class DerivedStatementsReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"06-kafka-self-managed, 3", "07-msk-activemq-rabbitmq, 8",
        // native EventBridge needs no role statement; the legacy custom resource runs with the deployment role
        "12-eventbridge-native, 0", "13-eventbridge-legacy-custom-resource, 0"})
    void derivedStatementsAreReportedWithTheEventThatCausedThem(String name, int count) throws IOException {
        Path service = Files.createDirectories(dir.resolve("service"));
        try (InputStream in = getClass().getResourceAsStream("/cases/" + name + "/serverless.yml")) {
            Files.write(service.resolve("serverless.yml"), in.readAllBytes());
        }
        Run run = Run.in(dir, "check", "service", "--format", "json", "--output", "out", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode derived = MAPPER.readTree(run.out()).get("derivedStatements");
        assertEquals(count, derived.size(), derived.toString());

        List<JsonNode> roleStatements = new ArrayList<>();
        JsonNode resources = MAPPER.readTree(dir.resolve("out/cloudformation-template.json").toFile()).get("Resources");
        resources.forEach(r -> {
            if (r.path("Type").asText().equals("AWS::IAM::Role")) {
                r.path("Properties").path("Policies")
                        .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(roleStatements::add));
            }
        });
        String html = Files.readString(dir.resolve("out/slsguard.html"), StandardCharsets.UTF_8);
        String yaml = Files.readString(service.resolve("serverless.yml"), StandardCharsets.UTF_8);
        for (JsonNode statement : derived) {
            String function = statement.get("function").asText();
            JsonNode origin = statement.get("origin");
            assertTrue(origin.get("pointer").asText().startsWith("/functions/" + function + "/events/"),
                    "origin is the function's event: " + statement);
            assertEquals("service/serverless.yml", origin.get("file").asText());
            int line = origin.get("line").asInt();
            String written = yaml.lines().skip(line - 1).findFirst().orElse("");
            String key = origin.get("pointer").asText().replaceAll(".*/", "");
            assertTrue(key.matches("\\d+") || written.contains(key + ":"),
                    "line " + line + " writes the option the pointer names: " + written + " / " + statement);
            assertTrue(statement.get("rule").asText().startsWith("SLS-DRV-"), statement.toString());
            boolean inTemplate = roleStatements.stream().anyMatch(s -> s.path("Action").equals(statement.get("actions"))
                    && s.path("Effect").asText().equals(statement.get("effect").asText()));
            assertTrue(inTemplate, "the role in the template has " + statement);
            assertTrue(html.contains("derived by rule " + statement.get("rule").asText() + " from the configuration"
                    + " at " + origin.get("file").asText() + ":" + line + " for function " + function),
                    "the HTML page shows " + statement);
        }
    }
}
