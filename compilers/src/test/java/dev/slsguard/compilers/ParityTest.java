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
 * Event statements come from the derivation rules, so v3's role keeps here only the statements the
 * compilers write; cli's {@code PipelineParityTest} compares every case whole, rules included.
 */
class ParityTest {

    @TempDir
    Path dir;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROLE = "IamRoleLambdaExecution";

    /** Cases copied from the parity corpus, plus oracle-generated cases of our own (9x). */
    static List<String> cases() {
        return List.of("01-sqs", "02-kinesis-stream-options", "03-shared-streams-intrinsics",
                "04-kinesis-consumer-default-naming", "05-kinesis-consumer-service-specific",
                "90-function-settings", "91-iam-role-settings", "92-legacy-iam-versions",
                "93-legacy-provider-role", "16-httpapi", "97-httpapi-vars",
                "08-sns", "21-iam-wildcards-region-stage", "94-sns-cloudwatch-event-vars");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void compiledStatementsMatchV3WithoutEventStatements(String name) throws IOException {
        ParityCase c = load(name);
        Compared compared = withoutEventStatements(dir, c.yaml(), c.expected());
        assertEquals(TemplateNormalizer.pretty(compared.expected()), TemplateNormalizer.pretty(compared.actual()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keysAreInV3sOrder(String name) throws IOException {
        ParityCase c = load(name);
        Compared compared = withoutEventStatements(dir, c.yaml(), c.expected());
        assertSameKeyOrder(compared.expected(), compared.actual(), "");
    }

    /** v3's template and ours, both normalised. */
    record Compared(ObjectNode expected, ObjectNode actual) {
    }

    /**
     * The service compiled and merged with the statements the compilers write, beside v3's
     * template whose execution role keeps only as many (the event statements after them come from
     * the derivation rules).
     */
    static Compared withoutEventStatements(Path dir, String yaml, ObjectNode v3Template) {
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        List<IamStatement> own = statements(compilation.facts());
        ObjectNode actual = TemplateMerger.merge(compilation.draft(), own);
        return new Compared(TemplateNormalizer.normalize(firstStatements(v3Template, own.size())),
                TemplateNormalizer.normalize(actual));
    }

    private static ObjectNode firstStatements(ObjectNode template, int own) {
        ObjectNode expected = template.deepCopy();
        JsonNode expectedStatements = statementsOf(expected);
        if (expectedStatements != null) {
            assertTrue(expectedStatements.size() >= own, "v3 has at least our statements");
            ArrayNode prefix = MAPPER.createArrayNode();
            for (int i = 0; i < own; i++) {
                prefix.add(expectedStatements.get(i));
            }
            ((ObjectNode) expected.at("/Resources/" + ROLE + "/Properties/Policies/0/PolicyDocument"))
                    .set("Statement", prefix);
        }
        return expected;
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

    private static JsonNode statementsOf(JsonNode template) {
        JsonNode statements = template.at("/Resources/" + ROLE + "/Properties/Policies/0/PolicyDocument/Statement");
        return statements.isMissingNode() ? null : statements;
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
