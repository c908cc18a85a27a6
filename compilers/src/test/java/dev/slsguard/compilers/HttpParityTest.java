package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity of the REST API compiler ({@code http} events) with v3: the corpus case and the probes
 * that v3 packaged, whole template after normalisation, and key order.
 */
class HttpParityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"14-http-authorizers-cors", "probe-http-external-rest-api", "probe-http-private-endpoint",
            "probe-http-proxy-request-response-warning", "probe-http-single-usage-plan-legacy", "98-http-rest-vars", "http-edge-cases", "http-edge-cases-2"})
    void templateEqualsV3s(String name) throws IOException {
        ParityTest.ParityCase c = ParityTest.load(name);
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, c.yaml()));
        // no sqs or stream events here: the compilers write every statement of the role
        ObjectNode actual = TemplateMerger.merge(compilation.draft(), ParityTest.statements(compilation.facts()));
        assertEquals(ParityTest.normalized(c.expected()), ParityTest.normalized(actual));
        ParityTest.assertSameKeyOrder(TemplateNormalizer.normalize(c.expected()), TemplateNormalizer.normalize(actual), "");
    }
}
