package dev.slsguard.engine.vars;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.YamlLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentValuesTest {

    private static EnvironmentValues of(String name, String value) {
        EnvironmentValues values = new EnvironmentValues();
        values.record(name, value);
        return values;
    }

    @Test
    void aValueIsReplacedByItsReferenceWhereverItStands() {
        EnvironmentValues values = of("TOKEN", "abc-123_xyz");
        assertEquals("arn:aws:sqs:us-east-1:1:${env:TOKEN} and ${env:TOKEN}.",
                values.redact("arn:aws:sqs:us-east-1:1:abc-123_xyz and abc-123_xyz."));
    }

    @Test
    void changedSpellingsAreReplacedToo() {
        EnvironmentValues values = of("TOKEN", "abc-123_xyz");
        // logical ids: letters and digits only, first letter capitalised, - as Dash, _ as Underscore
        assertEquals("QueueSQS${env:TOKEN}", values.redact("QueueSQSAbc123xyz"));
        assertEquals("ApiGatewayResource${env:TOKEN}", values.redact("ApiGatewayResourceAbcDash123Underscorexyz"));
        assertEquals("X${env:TOKEN}Y", values.redact("XABC-123_XYZY"));
        assertEquals("/items/${env:TOKEN}", values.redact("/items/abc-123_xyz"));
    }

    @Test
    void escapedSpellingsKeepTheReportWellFormed() {
        String value = "p\"a<s>s&w'o\\rd";
        EnvironmentValues values = of("PASSWORD", value);
        assertEquals("{\"m\": \"got ${env:PASSWORD}\"}", values.redact("{\"m\": \"got p\\\"a<s>s&w'o\\\\rd\"}"));
        assertEquals("<p>${env:PASSWORD}</p>", values.redact("<p>p&#34;a&lt;s&gt;s&amp;w&#39;o\\rd</p>"));
        assertEquals("<failure message=\"${env:PASSWORD}\"/>",
                values.redact("<failure message=\"p&quot;a&lt;s&gt;s&amp;w&apos;o\\rd\"/>"));
        assertEquals("?q=" + URLEncoder.encode("${env:PASSWORD}", StandardCharsets.UTF_8),
                values.redact("?q=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }

    @Test
    void theLongestValueWinsOverOneItContains() {
        EnvironmentValues values = new EnvironmentValues();
        values.record("SHORTER", "secret-value");
        values.record("LONGER", "secret-value-2");
        assertEquals("${env:LONGER} ${env:SHORTER}", values.redact("secret-value-2 secret-value"));
    }

    @Test
    void shortValuesAreNoSecretsAndStay() {
        EnvironmentValues values = new EnvironmentValues();
        values.record("STAGE", "dev");
        values.record("FLAG", "true");
        values.record("RETRIES", "1234567");
        assertTrue(values.isEmpty());
        String json = "{\"stage\": \"dev\", \"retries\": 1234567, \"on\": true}";
        assertEquals(json, values.redact(json));
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), values.redact(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void resolutionRecordsEveryValueTheEnvironmentGave(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("serverless.yml"),
                "service: s\nprovider:\n  name: aws\n  stage: ${env:STAGE_NAME}\ncustom:\n  a: ${env:UNUSED, 'x'}\n");
        SourceDocument document = YamlLoader.load(config, "serverless.yml", Limits.DEFAULT);
        EnvironmentValues read = new EnvironmentValues();
        VariableOptions options = new VariableOptions(Optional.empty(), Optional.empty(), Map.of(), Map.of(),
                Map.of("STAGE_NAME", "stage-from-env", "OTHER", "never-referenced")).recordingIn(read);
        VariableResolver.resolve(document, options, Limits.DEFAULT);
        assertEquals("svc-${env:STAGE_NAME}-worker never-referenced",
                read.redact("svc-stage-from-env-worker never-referenced"));
    }
}
