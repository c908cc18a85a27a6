package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.HttpApiEvent;
import dev.slsguard.engine.model.IamStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * httpApi beyond the parity corpus: services v3 packaged (external API id; CORS and authorizer
 * coercions) compared whole, and the {@link HttpApiEvent} facts rules read.
 */
class HttpApiCompilerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"external-api", "cors-coercions", "external-import-value"})
    void templateEqualsWhatV3Packaged(String name) throws IOException {
        String yaml = text("/httpapi/" + name + "/serverless.yml");
        ObjectNode expected = (ObjectNode) MAPPER.readTree(text("/httpapi/" + name + "/expected.json"));
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        ObjectNode actual = TemplateMerger.merge(compilation.draft(), ParityTest.statements(compilation.facts()));
        assertEquals(ParityTest.normalized(expected), ParityTest.normalized(actual));
        ParityTest.assertSameKeyOrder(TemplateNormalizer.normalize(expected), TemplateNormalizer.normalize(actual), "");
    }

    @Test
    void externalApiHasNoApiOrStageAndRoutesUseItsId() throws IOException {
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir,
                text("/httpapi/external-api/serverless.yml")));
        ObjectNode template = TemplateMerger.merge(compilation.draft(), List.of());
        assertFalse(template.get("Resources").has("HttpApi"));
        assertFalse(template.get("Resources").has("HttpApiStage"));
        assertFalse(template.path("Outputs").has("HttpApiUrl"));
        assertEquals("abc123xyz", template.at("/Resources/HttpApiRouteGetOne/Properties/ApiId").asText());
        assertEquals("auth777", template.at("/Resources/HttpApiRouteGetOne/Properties/AuthorizerId").asText());
    }

    @Test
    void routesBecomeFactsWithTheirAuthorizationAndNoStatements() throws IOException {
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir,
                text("/parity/16-httpapi/serverless.yml")));
        List<HttpApiEvent> routes = compilation.facts().stream().filter(HttpApiEvent.class::isInstance)
                .map(HttpApiEvent.class::cast).toList();
        assertEquals(List.of("GET /me", "DELETE /me", "GET /items", "POST /items", "GET /items/{id}",
                "PUT /items/{id}", "PATCH /items/{id}", "ANY /admin/{proxy+}", "*"),
                routes.stream().map(HttpApiEvent::routeKey).toList());
        assertEquals(List.of("JWT", "JWT", "NONE", "NONE", "CUSTOM", "CUSTOM", "CUSTOM", "AWS_IAM", "NONE"),
                routes.stream().map(HttpApiEvent::authorizationType).toList());
        HttpApiEvent me = routes.get(0);
        assertEquals("cognitoJwt", me.authorizer().orElseThrow());
        assertEquals(List.of("profile", "email"), me.scopes());
        assertEquals("HttpApiRouteGetMe", me.routeId());
        assertEquals("HttpApiIntegrationProfile", me.integrationId());
        assertTrue(routes.get(8).isDefaultRoute());
        assertTrue(routes.get(8).unauthorized());

        List<EventSource> sources = compilation.facts().stream().filter(EventSource.class::isInstance)
                .map(EventSource.class::cast).toList();
        assertEquals(9, sources.size());
        assertTrue(sources.stream().allMatch(s -> s.kind().equals(EventSource.HTTP_API)));
        assertEquals("httpApi", sources.get(0).eventType());
        // v3 adds no execution-role statement for HTTP APIs: only the core log statements exist
        assertEquals(2, compilation.facts().stream().filter(IamStatement.class::isInstance).count());
    }

    @Test
    void routesV3RefusesAreLeftOut() throws IOException {
        String yaml = """
                service: refused
                provider:
                  name: aws
                functions:
                  f:
                    handler: h.f
                    events:
                      - httpApi: GET /ok
                      - httpApi: {method: GET, path: '*'}
                      - httpApi: {path: /no-method}
                      - httpApi: {method: FETCH, path: /x}
                      - httpApi: get /ok
                      - httpApi: {method: GET, path: /auth, authorizer: nope}
                      - httpApi: 'GET users'
                """;
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        List<String> routes = compilation.facts().stream().filter(HttpApiEvent.class::isInstance)
                .map(e -> ((HttpApiEvent) e).routeKey()).toList();
        assertEquals(List.of("GET /ok"), routes);
        ObjectNode template = TemplateMerger.merge(compilation.draft(), List.of());
        assertTrue(template.get("Resources").has("HttpApiRouteGetOk"));
        assertFalse(template.get("Resources").has("HttpApiRouteGetAuth"));
    }

    @Test
    void aRouteTakenByAnEarlierFunctionIsRefusedAmongManyEventsOfOtherTypes() throws IOException {
        // each event is checked against the routes compiled before it, kept from one event to the next
        StringBuilder yaml = new StringBuilder("""
                service: many
                provider:
                  name: aws
                functions:
                """);
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String route = i == 31 ? "GET /items/3" : "GET /items/" + i; // function 31 repeats function 3's route
            yaml.append("  f").append(i).append(":\n    handler: h.f\n    events:\n")
                    .append("      - sqs: arn:aws:sqs:us-east-1:123456789012:q").append(i).append('\n')
                    .append("      - httpApi: ").append(route).append('\n')
                    .append("      - schedule: rate(1 hour)\n");
            if (i != 31) {
                expected.add(route);
            }
        }
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml.toString()));
        List<String> routes = compilation.facts().stream().filter(HttpApiEvent.class::isInstance)
                .map(e -> ((HttpApiEvent) e).routeKey()).toList();
        assertEquals(expected, routes);
        List<String> refused = compilation.facts().stream().filter(dev.slsguard.engine.model.Refusal.class::isInstance)
                .map(dev.slsguard.engine.model.Refusal.class::cast)
                .map(r -> r.code() + " " + r.function() + " " + r.index() + " " + r.detail()).toList();
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("DUPLICATE_HTTP_API_ROUTE f31 1 route 'GET /items/3' is already declared"
                + " by function f3"), refused.get(0));
    }

    @Test
    void noRoutesNoApi() throws IOException {
        String yaml = """
                service: quiet
                provider:
                  name: aws
                  httpApi:
                    cors: true
                functions:
                  f:
                    handler: h.f
                """;
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
        ObjectNode template = TemplateMerger.merge(compilation.draft(), List.of());
        assertFalse(template.get("Resources").has("HttpApi"));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = HttpApiCompilerTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
