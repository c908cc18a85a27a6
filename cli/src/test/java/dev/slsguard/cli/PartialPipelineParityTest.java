package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.compilers.TemplateNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity through the whole product on corpus cases that also use events slsguard does not compile
 * yet: every resource and output {@code slsguard compile} writes (the derivation rules included)
 * equals v3's, in v3's relative order and key order, and v3's other resources are exactly those
 * of the uncompiled events.
 */
class PartialPipelineParityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void warnModeCaseMatchesWholeButItsBareAlexaSkill() throws IOException {
        // the bare alexaSkill (a string, not an object) makes v3 compile nothing for it
        assertPartialParity("22-invalid-config-warn-mode", List.of(), List.of());
    }

    private void assertPartialParity(String name, List<String> uncompiledResources, List<String> uncompiledOutputs)
            throws IOException {
        Path service = Files.createDirectories(dir.resolve(name));
        Files.write(service.resolve("serverless.yml"), resource(name + "/serverless.yml"));
        Run run = Run.in(dir, "compile", name, "--output", "out", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode actual = TemplateNormalizer.normalize(
                MAPPER.readTree(dir.resolve("out/cloudformation-template.json").toFile()));
        JsonNode expected = TemplateNormalizer.normalize(MAPPER.readTree(resource(name + "/expected.json")));

        for (String section : List.of("Resources", "Outputs")) {
            JsonNode mine = actual.get(section);
            JsonNode theirs = expected.get(section);
            List<String> expectedOnly = new ArrayList<>();
            List<String> theirOrder = new ArrayList<>();
            theirs.properties().forEach(e -> {
                if (mine.has(e.getKey())) {
                    theirOrder.add(e.getKey());
                } else {
                    expectedOnly.add(e.getKey());
                }
            });
            List<String> myOrder = new ArrayList<>();
            mine.properties().forEach(e -> myOrder.add(e.getKey()));
            assertEquals(theirOrder, myOrder, section + ": ours, in v3's order");
            assertEquals(section.equals("Resources") ? uncompiledResources : uncompiledOutputs, expectedOnly,
                    section + " only v3 has");
            for (String id : myOrder) {
                assertEquals(TemplateNormalizer.pretty(theirs.get(id)), TemplateNormalizer.pretty(mine.get(id)),
                        section + "." + id);
                assertEquals(PipelineParityTest.keyOrder(theirs.get(id)), PipelineParityTest.keyOrder(mine.get(id)),
                        section + "." + id + ": key order");
            }
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PartialPipelineParityTest.class.getResourceAsStream("/parity/" + path)) {
            if (in == null) {
                throw new IOException("missing test resource parity/" + path);
            }
            return in.readAllBytes();
        }
    }
}
