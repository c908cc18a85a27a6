package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.IamStatement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity on corpus cases that also use events slsguard does not compile yet: every resource and
 * output we produce equals v3's, in v3's relative order, and v3's other resources are exactly
 * those of the uncompiled events.
 */
class PartialParityTest {

    @TempDir
    Path dir;

    @Test
    void warnModeCaseMatchesExceptEventBridgeEvents() throws IOException {
        assertPartialParity("22-invalid-config-warn-mode",
                List.of("Legacyappdevworkerrule6EventBridgeRule", "WorkerEventBridgeLambdaPermission6"), List.of());
    }

    private void assertPartialParity(String name, List<String> uncompiledResources, List<String> uncompiledOutputs)
            throws IOException {
        ParityTest.ParityCase c = ParityTest.load(name);
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml()));
        List<IamStatement> all = new ArrayList<>(ParityTest.statements(compilation.facts()));
        all.addAll(V3EventStatements.derive(compilation.facts()));
        ObjectNode actual = TemplateNormalizer.normalize(TemplateMerger.merge(compilation.draft(), all));
        ObjectNode expected = TemplateNormalizer.normalize(c.expected());

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
                ParityTest.assertSameKeyOrder(theirs.get(id), mine.get(id), "/" + section + "/" + id);
            }
        }
    }
}
