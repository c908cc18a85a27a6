package dev.slsguard.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.TemplateOrigins;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template's source map: template paths back to the lines of serverless.yml that produced them. */
class TemplateOriginsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FILE = "serverless.yml";
    private static final SourceRef SERVICE = new SourceRef(FILE, 1, 1, "/service");
    private static final SourceRef FUNCTION = new SourceRef(FILE, 20, 3, "/functions/hello");
    private static final SourceRef MEMORY = new SourceRef(FILE, 22, 17, "/functions/hello/memorySize");
    private static final SourceRef EVENT = new SourceRef(FILE, 30, 9, "/functions/hello/events/0");

    @TempDir
    Path dir;

    /** Lines 1-2 are {@code service:} and {@code resources:}; the section starts on line 3. */
    private Optional<MapNode> resources(String yaml) throws Exception {
        Path file = dir.resolve(FILE);
        Files.writeString(file, "service: svc\nresources:\n" + yaml.indent(2));
        MapNode root = (MapNode) YamlLoader.load(file, FILE, Limits.DEFAULT).root();
        return root.get("resources").map(MapNode.class::cast);
    }

    private static Service service() {
        return new Service("svc", "dev", "us-east-1", "warn", Optional.empty(), true, SERVICE,
                new MapNode(SERVICE, List.of()));
    }

    private static Resource resource(String id, String definition, SourceRef origin) throws Exception {
        ObjectNode def = (ObjectNode) MAPPER.readTree(definition.replace('\'', '"'));
        return new Resource(id, def.path("Type").asText(), def, Optional.empty(), origin);
    }

    private static IamStatement statement(String action, String orderKey, SourceRef ref) throws Exception {
        ObjectNode document = (ObjectNode) MAPPER.readTree(
                ("{'Effect':'Allow','Action':['" + action + "'],'Resource':'*'}").replace('\'', '"'));
        return new IamStatement("IamRoleLambdaExecution", "Allow", List.of(action),
                List.of(new CfnValue.Literal("*")), document, IamStatement.DERIVED, "test", Optional.empty(), ref,
                orderKey);
    }

    private TemplateOrigins origins(Optional<MapNode> user, List<IamStatement> statements) throws Exception {
        Resource function = resource("HelloLambdaFunction",
                "{'Type':'AWS::Lambda::Function','Properties':{'MemorySize':1536,'Timeout':6}}", FUNCTION);
        Resource mapping = resource("HelloEventSourceMappingSQSQueue",
                "{'Type':'AWS::Lambda::EventSourceMapping','Properties':{'BatchSize':10}}", EVENT);
        Resource role = resource("IamRoleLambdaExecution", "{'Type':'AWS::IAM::Role','Properties':{'Policies':"
                + "[{'PolicyName':'p','PolicyDocument':{'Version':'2012-10-17','Statement':[]}}]}}", SERVICE);
        TemplateDraft draft = new TemplateDraft(service(), List.of(function, mapping, role), List.of(), user,
                Map.of("/Resources/HelloLambdaFunction/Properties/MemorySize", MEMORY));
        return TemplateMerger.origins(draft, statements);
    }

    private static String at(SourceRef ref) {
        return ref.line() + ":" + ref.column();
    }

    @Test
    void compiledPropertiesResolveToTheDeepestRecordedOrigin() throws Exception {
        TemplateOrigins origins = origins(Optional.empty(), List.of());
        assertEquals(MEMORY, origins.locate("Resources", "HelloLambdaFunction", "Properties", "MemorySize"));
        assertEquals(FUNCTION, origins.locate("Resources", "HelloLambdaFunction", "Properties", "Timeout"));
        assertEquals(EVENT, origins.locatePointer("/Resources/HelloEventSourceMappingSQSQueue/Properties/BatchSize"));
        assertEquals(SERVICE, origins.locate("Outputs", "ServiceEndpoint"), "unknown parts at the service key");
        assertEquals(SERVICE, origins.locate(List.of()));
    }

    @Test
    void roleStatementsResolveToTheirOwnPlaceInPolicyOrder() throws Exception {
        SourceRef first = new SourceRef(FILE, 40, 7, "/provider/iam/role/statements/0");
        SourceRef second = new SourceRef(FILE, 30, 9, "/functions/hello/events/0");
        TemplateOrigins origins = origins(Optional.empty(),
                List.of(statement("sqs:ReceiveMessage", "b", second), statement("s3:GetObject", "a", first)));
        List<Object> statement0 = List.of("Resources", "IamRoleLambdaExecution", "Properties", "Policies", 0,
                "PolicyDocument", "Statement", 0, "Resource");
        List<Object> statement1 = List.of("Resources", "IamRoleLambdaExecution", "Properties", "Policies", 0,
                "PolicyDocument", "Statement", 1);
        assertEquals(first, origins.locate(statement0));
        assertEquals(second, origins.locate(statement1));
    }

    @Test
    void userResourcesResolveToTheirOwnNodes() throws Exception {
        TemplateOrigins origins = origins(resources("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Ref Missing
                      Tags:
                        - Key: team
                          Value: orders
                  HelloLambdaFunction:
                    Properties:
                      Timeout: 30
                Conditions:
                  Never: !Equals [a, b]
                extensions:
                  HelloEventSourceMappingSQSQueue:
                    Properties:
                      BatchSize: 5
                """), List.of());
        assertEquals("4:5", at(origins.locate("Resources", "Queue")));
        assertEquals("7:9", at(origins.locate("Resources", "Queue", "Properties", "QueueName")));
        assertEquals("7:20", at(origins.locate("Resources", "Queue", "Properties", "QueueName", "Ref")),
                "a path into a short tag's intrinsic stays at the tag");
        assertEquals("10:20", at(origins.locate(List.of("Resources", "Queue", "Properties", "Tags", 0, "Value"))));
        assertEquals("6:7", at(origins.locate("Resources", "Queue", "Properties", "DelaySeconds")),
                "a property the user did not write: the deepest node written");
        assertEquals("13:18", at(origins.locate("Resources", "HelloLambdaFunction", "Properties", "Timeout")),
                "the user's override of a compiled property");
        assertEquals(MEMORY, origins.locate("Resources", "HelloLambdaFunction", "Properties", "MemorySize"),
                "a compiled property the user did not override");
        assertEquals("15:5", at(origins.locate("Conditions", "Never")));
        assertEquals("19:20", at(origins.locate("Resources", "HelloEventSourceMappingSQSQueue", "Properties",
                "BatchSize")), "resources.extensions");
    }

    @Test
    void pointersEscapeSlashesAndTildes() {
        assertEquals("/Resources/a~1b/c~0d", TemplateOrigins.pointer(List.of("Resources", "a/b", "c~d")));
        TemplateOrigins origins = new TemplateOrigins(Map.of("/Resources/a~1b", MEMORY), Optional.empty(), SERVICE);
        assertEquals(MEMORY, origins.locatePointer("/Resources/a~1b/Properties"));
    }
}
