package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.IamStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with Serverless Framework v3.40.0: each case's service is compiled and merged, and the
 * template compared with what v3 produced ({@code expected.json}) after {@link TemplateNormalizer}.
 * The derivation rules append statements to roles (and trusted services to their trust policy), so
 * v3's roles keep here only as many as the compilers write; cli's {@code PipelineParityTest}
 * compares every case whole, rules included.
 */
class ParityTest {

    @TempDir
    Path dir;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Every case under {@code parity/} whose events slsguard all compiles: corpus cases, probes and
     * oracle-generated cases of our own (9x).
     */
    static List<String> cases() {
        return ParityCases.fullyCompiled();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void compiledStatementsMatchV3WithoutEventStatements(String name) throws IOException {
        ParityCase c = load(name);
        Compared compared = withoutDerivedStatements(dir, c.yaml(), c.expected());
        assertEquals(TemplateNormalizer.pretty(compared.expected()), TemplateNormalizer.pretty(compared.actual()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keysAreInV3sOrder(String name) throws IOException {
        ParityCase c = load(name);
        Compared compared = withoutDerivedStatements(dir, c.yaml(), c.expected());
        assertSameKeyOrder(compared.expected(), compared.actual(), "");
    }

    /** v3's template and ours, both normalised. */
    record Compared(ObjectNode expected, ObjectNode actual) {
    }

    /**
     * The service compiled and merged with the statements the compilers write, beside v3's
     * template whose roles keep only as many statements and trusted services as ours (those after
     * them come from the derivation rules).
     */
    static Compared withoutDerivedStatements(Path dir, String yaml, ObjectNode v3Template) {
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        ObjectNode actual = TemplateMerger.merge(compilation.draft(), statements(compilation.facts()));
        ObjectNode expected = v3Template.deepCopy();
        expected.path("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
                String role = "/Resources/" + e.getKey() + "/Properties";
                keepAsMany(expected, actual, role + "/Policies/0/PolicyDocument/Statement");
                keepAsMany(expected, actual, role + "/AssumeRolePolicyDocument/Statement/0/Principal/Service");
            }
        });
        return new Compared(TemplateNormalizer.normalize(expected), TemplateNormalizer.normalize(actual));
    }

    /** Cuts v3's array at {@code pointer} to the length of ours (when both are arrays). */
    private static void keepAsMany(ObjectNode expected, ObjectNode actual, String pointer) {
        if (!(expected.at(pointer) instanceof ArrayNode theirs) || !(actual.at(pointer) instanceof ArrayNode ours)) {
            return;
        }
        assertTrue(theirs.size() >= ours.size(), "v3 has at least our entries at " + pointer);
        while (theirs.size() > ours.size()) {
            theirs.remove(theirs.size() - 1);
        }
    }

    /** Every object's keys in the same order, at every depth (resource order included). */
    static void assertSameKeyOrder(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertEquals(keys(expected), keys(actual), "key order at " + (path.isEmpty() ? "/" : path));
            expected.properties().forEach(e -> assertSameKeyOrder(e.getValue(), actual.get(e.getKey()),
                    path + "/" + e.getKey()));
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), "array size at " + path);
            for (int i = 0; i < expected.size(); i++) {
                assertSameKeyOrder(expected.get(i), actual.get(i), path + "/" + i);
            }
        }
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    /** The statements the compilers write into roles (not the analysis facts of managed policies and the like). */
    static List<IamStatement> statements(List<Object> facts) {
        return facts.stream().filter(IamStatement.class::isInstance).map(IamStatement.class::cast)
                .filter(IamStatement::inline).toList();
    }

    static String normalized(JsonNode template) {
        return TemplateNormalizer.pretty(TemplateNormalizer.normalize(template));
    }

    record ParityCase(String yaml, ObjectNode expected) {
    }

    static ParityCase load(String name) throws IOException {
        String base = "/parity/" + name + "/";
        try (InputStream yaml = ParityTest.class.getResourceAsStream(base + "serverless.yml");
             InputStream expected = ParityTest.class.getResourceAsStream(base + "expected.json")) {
            assertFalse(yaml == null || expected == null, "missing case " + name);
            return new ParityCase(new String(yaml.readAllBytes(), StandardCharsets.UTF_8),
                    (ObjectNode) MAPPER.readTree(expected));
        }
    }
}
