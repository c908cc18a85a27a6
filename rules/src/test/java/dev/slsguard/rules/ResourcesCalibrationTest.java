package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slsguard.compilers.ParityCases;
import dev.slsguard.engine.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resources pack on the parity corpus (every case under the compilers' {@code parity/}): the
 * resources Serverless Framework v3 generates for itself (deployment bucket and its policy, log
 * groups, roles, functions, versions, event source mappings, permissions, APIs, custom resources)
 * never get a finding. Findings sit on resources the user declared under {@code resources:}, or are
 * one of the deliberate exceptions below: data stores v3 creates from an event, reported at that
 * event, which the user can fix by merging properties in under {@code resources.Resources}.
 */
class ResourcesCalibrationTest {

    private static final Path PARITY = Path.of("..", "compilers", "src", "test", "resources", "parity");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EVENT = Pattern.compile("^/functions/([^/]+)/events/(\\d+)(/.*)?$");

    /**
     * The deliberate exceptions: rule, and the event type whose generated resource it may report.
     * The bucket of an s3 event has no TLS-only policy (SLS-RES-023) and no versioning though its
     * objects trigger the function (SLS-RES-024); the topic of an sns event has no KMS key
     * (SLS-RES-031); and the queue policy v3 writes for an sns event's redrivePolicy has an empty
     * {@code ArnEquals} when the topic is created in the same stack, so the dead-letter queue accepts
     * messages from any topic (SLS-RES-012).
     */
    static final Map<String, String> EXCEPTIONS = Map.of("SLS-RES-012", "sns", "SLS-RES-023", "s3",
            "SLS-RES-024", "s3", "SLS-RES-031", "sns");

    private static final Set<String> SEEN = new TreeSet<>();

    static List<String> cases() {
        return ParityCases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedResourcesGetNoFindingsButTheListedExceptions(String name) throws IOException {
        Path file = PARITY.resolve(name).resolve("serverless.yml");
        JsonNode config = YAML.readTree(file.toFile());
        for (Finding f : TestPipeline.analyse(file).findings()) {
            if (!f.ruleId().startsWith("SLS-RES-")) {
                continue;
            }
            String pointer = f.location().pointer();
            if (pointer.startsWith("/resources/Resources/")) {
                continue;
            }
            Matcher event = EVENT.matcher(pointer);
            assertTrue(event.matches() && EXCEPTIONS.containsKey(f.ruleId()),
                    name + ": finding on a resource Serverless Framework generates: " + f);
            JsonNode item = config.path("functions").path(event.group(1)).path("events").path(Integer.parseInt(event.group(2)));
            String type = item.isObject() ? item.fieldNames().next() : item.asText();
            assertEquals(EXCEPTIONS.get(f.ruleId()), type, name + ": " + f);
            SEEN.add(f.ruleId());
        }
    }

    @Test
    void allParityCasesAreThere() {
        assertTrue(cases().size() >= 20, "parity cases: " + cases());
    }

    /** Every listed exception occurs in the corpus: the list does not keep entries that no longer apply. */
    @AfterAll
    static void everyExceptionIsExercised() {
        if (!SEEN.isEmpty()) {
            assertEquals(EXCEPTIONS.keySet(), SEEN);
        }
    }
}
