package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.HttpEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the REST API compiler does beyond the parity cases: facts, refusals, determinism. */
class HttpCompilerTest {

    @TempDir
    Path dir;

    private Compilation compile(String yaml) {
        return new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
    }

    private ObjectNode template(Compilation compilation) {
        return TemplateMerger.merge(compilation.draft(), ParityTest.statements(compilation.facts()));
    }

    private static List<HttpEvent> events(Compilation compilation) {
        return compilation.facts().stream().filter(HttpEvent.class::isInstance).map(HttpEvent.class::cast).toList();
    }

    private static final String SERVICE = """
            service: shop
            provider:
              name: aws
              runtime: nodejs18.x
            functions:
              auth:
                handler: h.auth
              api:
                handler: h.api
                events:
                  - http: GET /
                  - http:
                      path: orders/{id}
                      method: delete
                      authorizer: auth
                      private: true
                  - http:
                      path: admin
                      method: post
                      authorizer: aws_iam
                      integration: lambda
                      cors: true
            """;

    @Test
    void eachEndpointBecomesAnHttpEventFact() {
        List<HttpEvent> events = events(compile(SERVICE));
        assertEquals(3, events.size());
        HttpEvent root = events.get(0);
        assertEquals("", root.path());
        assertEquals("GET", root.method());
        assertEquals("ApiGatewayMethodGet", root.methodId());
        assertEquals("AWS_PROXY", root.integration());
        assertTrue(root.isOpen());
        HttpEvent delete = events.get(1);
        assertEquals("CUSTOM", delete.authorizationType());
        assertEquals(Optional.of("auth"), delete.authorizerName());
        assertTrue(delete.privateEndpoint());
        assertEquals("ApiGatewayMethodOrdersIdVarDelete", delete.methodId());
        assertFalse(delete.isOpen());
        HttpEvent admin = events.get(2);
        assertEquals("AWS_IAM", admin.authorizationType());
        assertEquals("AWS", admin.integration());
        assertTrue(admin.cors());
    }

    @Test
    void sameServiceGivesTheSameDeploymentId() {
        String first = deploymentId(template(compile(SERVICE)));
        String second = deploymentId(template(compile(SERVICE)));
        assertTrue(first.matches("ApiGatewayDeployment\\d+"), first);
        assertEquals(first, second);
    }

    private static String deploymentId(ObjectNode template) {
        List<String> ids = new java.util.ArrayList<>();
        template.get("Resources").fieldNames().forEachRemaining(id -> {
            if (id.startsWith("ApiGatewayDeployment")) {
                ids.add(id);
            }
        });
        assertEquals(1, ids.size(), ids.toString());
        return ids.get(0);
    }

    @Test
    void invalidStageNameLeavesTheApiOut() {
        Compilation compilation = compile(SERVICE.replace("  runtime: nodejs18.x", "  runtime: nodejs18.x\n  stage: my.stage"));
        assertFalse(template(compilation).get("Resources").has("ApiGatewayRestApi"));
        assertTrue(events(compilation).isEmpty());
    }

    @Test
    void malformedEndpointIsLeftOutAndTheOthersCompile() {
        Compilation compilation = compile(SERVICE.replace("authorizer: auth", "authorizer: nosuchfunction"));
        List<HttpEvent> events = events(compilation);
        assertEquals(List.of("", "admin"), events.stream().map(HttpEvent::path).toList());
        assertFalse(template(compilation).get("Resources").has("ApiGatewayMethodOrdersIdVarDelete"));
    }

    @Test
    void methodWithoutPredefinedParentOnAnExternalApiLeavesTheApiOut() {
        Compilation compilation = compile("""
                service: shop
                provider:
                  name: aws
                  apiGateway:
                    restApiId: abc
                    restApiRootResourceId: root
                    restApiResources:
                      /users/{id}: res1
                functions:
                  api:
                    handler: h.api
                    events:
                      - http: GET /users
                      - http: GET /users/{id}/orders
                """);
        // v3 stops: "Resource ID for path users is required"
        assertTrue(events(compilation).isEmpty());
        assertFalse(template(compilation).get("Outputs").has("ServiceEndpoint"));
    }

    @Test
    void predefinedResourcesAreReferencedNotCreated() {
        ObjectNode template = template(compile("""
                service: shop
                provider:
                  name: aws
                  apiGateway:
                    restApiId: abc
                    restApiRootResourceId: root
                    restApiResources:
                      - path: /users
                        resourceId: res1
                functions:
                  api:
                    handler: h.api
                    events:
                      - http: GET /users/{id}
                """));
        var resources = template.get("Resources");
        assertFalse(resources.has("ApiGatewayRestApi"));
        assertFalse(resources.has("ApiGatewayResourceUsers"));
        assertEquals("res1", resources.at("/ApiGatewayResourceUsersIdVar/Properties/ParentId").asText());
        assertEquals("abc", resources.at("/ApiGatewayMethodUsersIdVarGet/Properties/RestApiId").asText());
    }
}
