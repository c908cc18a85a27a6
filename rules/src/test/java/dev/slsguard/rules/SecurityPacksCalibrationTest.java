package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.compilers.ParityCases;
import dev.slsguard.engine.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lambda and secrets packs on the parity corpus (every case under {@code parity/}): the Lambda
 * permissions Serverless Framework v3 generates are never reported as the user's, because every one
 * of them is scoped (by SourceArn, or an Alexa skill's EventSourceToken) except those rules of
 * their own report (the public function URL's, SLS-LMB-006; an Alexa skill's without skill id,
 * SLS-LMB-010; the IoT provisioning hook's, SLS-LMB-016) and the few v3 writes without (WebSocket
 * API invocations, a load balancer registering its target), which the permission rules must not
 * mistake for declared ones; and no case holds a secret in its environment.
 */
class SecurityPacksCalibrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PERMISSION_RULES = Set.of("SLS-LMB-003", "SLS-LMB-004", "SLS-LMB-005");

    @TempDir
    Path dir;

    static List<String> cases() {
        return ParityCases.names();
    }

    /**
     * Permissions v3 writes without SourceArn: API Gateway invoking a function or an authorizer of
     * the WebSocket API, and the load balancer registering a function as its target.
     */
    private static final Map<String, String> UNSCOPED_BY_V3 = Map.of(
            "LambdaPermissionWebsockets", "apigateway.amazonaws.com",
            "LambdaPermissionRegisterTarget", "elasticloadbalancing.amazonaws.com");

    /**
     * The cases whose events slsguard compiles. v3 writes permissions without SourceArn for some
     * event types ({@link #UNSCOPED_BY_V3}, alexaSkill without appId ...): the lambda pack must keep
     * telling v3's own permissions from the user's.
     */
    static List<String> compiledCases() {
        return ParityCases.fullyCompiled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compiledCases")
    void generatedPermissionsCarrySourceArnExceptPublicUrls(String name) throws IOException {
        JsonNode resources = JSON.readTree(resource(name + "/expected.json")).path("Resources");
        List<String> unscoped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            JsonNode properties = e.getValue().path("Properties");
            if (!e.getValue().path("Type").asText().equals("AWS::Lambda::Permission")) {
                continue;
            }
            String principal = properties.path("Principal").asText();
            boolean publicUrl = principal.equals("*")
                    && properties.path("FunctionUrlAuthType").asText().equals("NONE");
            boolean v3Unscoped = UNSCOPED_BY_V3.entrySet().stream().anyMatch(u -> e.getKey().endsWith(u.getKey())
                    && principal.equals(u.getValue()));
            boolean alexa = principal.equals("alexa-appkit.amazon.com")
                    || principal.equals("alexa-connectedhome.amazon.com"); // skill id or SLS-LMB-010
            boolean provisioningHook = principal.equals("iot.amazonaws.com")
                    && e.getKey().endsWith("LambdaPermissionIotProvisioningTemplate"); // SLS-LMB-016
            if (!properties.has("SourceArn") && !properties.has("SourceAccount") && !publicUrl && !v3Unscoped
                    && !(alexa && (properties.has("EventSourceToken") || e.getKey().contains("AlexaSkill")))
                    && !provisioningHook) {
                unscoped.add(e.getKey());
            }
        }
        assertEquals(List.of(), unscoped, name + ": generated permissions without SourceArn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noPermissionOrSecretFindingOnTheCorpus(String name) throws IOException {
        Path service = Files.createDirectories(dir.resolve(name));
        Path file = service.resolve("serverless.yml");
        Files.write(file, resource(name + "/serverless.yml"));
        List<Finding> findings = TestPipeline.analyse(file).findings();
        List<Finding> wrong = findings.stream()
                .filter(f -> PERMISSION_RULES.contains(f.ruleId()) || f.ruleId().equals("SLS-SEC-001")).toList();
        assertTrue(wrong.isEmpty(), name + ": " + wrong);
        for (Finding f : findings) {
            assertFalse(f.message().contains("PASSWORD=") || f.message().contains("AKIA"), f.toString());
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SecurityPacksCalibrationTest.class.getResourceAsStream("/parity/" + path)) {
            if (in == null) {
                throw new IOException("missing test resource parity/" + path);
            }
            return in.readAllBytes();
        }
    }
}
