package dev.slsguard.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateMergerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SourceRef REF = SourceRef.ofFile("serverless.yml");

    @TempDir
    Path dir;

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    private Optional<MapNode> resources(String yaml) throws Exception {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, "service: svc\nresources:\n" + yaml.indent(2));
        MapNode root = (MapNode) YamlLoader.load(file, "serverless.yml", Limits.DEFAULT).root();
        return root.get("resources").map(MapNode.class::cast);
    }

    private static Service service() {
        return new Service("svc", "dev", "us-east-1", "warn", Optional.empty(), true, REF, new MapNode(REF, List.of()));
    }

    private static Resource resource(String id, String definition) throws Exception {
        ObjectNode def = json(definition);
        return new Resource(id, def.path("Type").asText(), def, Optional.empty(), REF);
    }

    private static Resource role() throws Exception {
        return resource("IamRoleLambdaExecution", "{'Type':'AWS::IAM::Role','Properties':{'Policies':"
                + "[{'PolicyName':'p','PolicyDocument':{'Version':'2012-10-17','Statement':[]}}],'Path':'/'}}");
    }

    private static IamStatement statement(String action, String orderKey) throws Exception {
        ObjectNode document = json("{'Effect':'Allow','Action':['" + action + "'],'Resource':'*'}");
        return new IamStatement("IamRoleLambdaExecution", "Allow", List.of(action), List.of(new CfnValue.Literal("*")),
                document, IamStatement.DERIVED, "test", Optional.empty(), REF, orderKey);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void templateSkeletonAndRoleStatementsSortedByOrderKey() throws Exception {
        TemplateDraft draft = new TemplateDraft(service(), List.of(role()), List.of(), Optional.empty());
        IamStatement sqs = statement("sqs:ReceiveMessage", StatementOrder.event(19, -1, 0));
        IamStatement stream = statement("kinesis:GetRecords", StatementOrder.event(5, 0, 1));
        IamStatement logs = statement("logs:CreateLogStream", StatementOrder.core(0));
        IamStatement declared = statement("s3:GetObject", StatementOrder.declared(0));
        IamStatement otherRole = new IamStatement("OtherRole", "Allow", List.of(), List.of(),
                json("{'Effect':'Allow'}"), IamStatement.DERIVED, "t", Optional.empty(), REF, StatementOrder.core(0));
        ObjectNode template = TemplateMerger.merge(draft, List.of(sqs, stream, otherRole, logs, declared));

        assertEquals(List.of("AWSTemplateFormatVersion", "Description", "Resources", "Outputs"), keys(template));
        assertEquals("2010-09-09", template.get("AWSTemplateFormatVersion").asText());
        assertEquals("The AWS CloudFormation template for this Serverless application",
                template.get("Description").asText());
        JsonNode actions = template.at("/Resources/IamRoleLambdaExecution/Properties/Policies/0/PolicyDocument/Statement");
        List<String> order = new ArrayList<>();
        actions.forEach(s -> order.add(s.at("/Action/0").asText()));
        assertEquals(List.of("logs:CreateLogStream", "s3:GetObject", "kinesis:GetRecords", "sqs:ReceiveMessage"), order);
        assertEquals(0, draft.resources().get(0).definition()
                .at("/Properties/Policies/0/PolicyDocument/Statement").size(), "the draft is not modified");
    }

    @Test
    void userResourcesMergeDeeplyOverCompiledOnes() throws Exception {
        Resource function = resource("FnLambdaFunction", "{'Type':'AWS::Lambda::Function','Properties':"
                + "{'Handler':'h.h','Timeout':6,'Layers':['a','b'],'Environment':{'Variables':{'A':'1'}}},"
                + "'DependsOn':['FnLogGroup']}");
        TemplateDraft draft = new TemplateDraft(service(), List.of(function), List.of(), resources("""
                Resources:
                  FnLambdaFunction:
                    Properties:
                      Timeout: 30
                      Handler: null
                      Layers: [z]
                      Environment:
                        Variables:
                          B: '2'
                  Queue:
                    Type: AWS::SQS::Queue
                Conditions:
                  IsProd: {Fn::Equals: [a, b]}
                Description: custom
                """));
        ObjectNode template = TemplateMerger.merge(draft, List.of());
        assertEquals(json("{'Type':'AWS::Lambda::Function','Properties':{'Timeout':30,'Layers':['z','b'],"
                + "'Environment':{'Variables':{'A':'1','B':'2'}}},'DependsOn':['FnLogGroup']}"),
                template.at("/Resources/FnLambdaFunction"));
        assertEquals(List.of("FnLambdaFunction", "Queue"), keys(template.get("Resources")));
        assertEquals(List.of("AWSTemplateFormatVersion", "Description", "Resources", "Outputs", "Conditions"),
                keys(template));
        assertEquals("custom", template.get("Description").asText());
    }

    @Test
    void exportNamesOnlyForCompiledOutputs() throws Exception {
        List<TemplateDraft.Output> outputs = List.of(
                new TemplateDraft.Output("FnLambdaFunctionQualifiedArn", json("{'Description':'d','Value':{'Ref':'V'}}")),
                new TemplateDraft.Output("Kept", json("{'Value':1,'Export':{'Name':'mine'}}")));
        TemplateDraft draft = new TemplateDraft(service(), List.of(), outputs, resources("""
                Outputs:
                  UserOutput:
                    Value: 2
                """));
        JsonNode out = TemplateMerger.merge(draft, List.of()).get("Outputs");
        assertEquals(json("{'Description':'d','Value':{'Ref':'V'},'Export':{'Name':'sls-svc-dev-FnLambdaFunctionQualifiedArn'}}"),
                out.get("FnLambdaFunctionQualifiedArn"));
        assertEquals("mine", out.at("/Kept/Export/Name").asText());
        assertFalse(out.get("UserOutput").has("Export"), "v3 adds export names before merging the user's outputs");
    }

    @Test
    void extensionsAddToGeneratedResources() throws Exception {
        Resource function = resource("FnLambdaFunction", "{'Type':'AWS::Lambda::Function','Properties':"
                + "{'Handler':'h.h','Timeout':6},'DependsOn':'FnLogGroup'}");
        TemplateDraft draft = new TemplateDraft(service(), List.of(function), List.of(), resources("""
                extensions:
                  FnLambdaFunction:
                    Properties:
                      Timeout: 10
                      Description: extended
                    DependsOn: [Queue]
                    Metadata: {owner: me}
                    DeletionPolicy: Retain
                    Type: AWS::Not::Allowed
                  Missing:
                    Properties: {A: 1}
                """));
        ObjectNode template = TemplateMerger.merge(draft, List.of());
        assertEquals(json("{'Type':'AWS::Lambda::Function','Properties':{'Handler':'h.h','Timeout':10,"
                + "'Description':'extended'},'DependsOn':['FnLogGroup','Queue'],'Metadata':{'owner':'me'},"
                + "'DeletionPolicy':'Retain'}"), template.at("/Resources/FnLambdaFunction"));
        assertFalse(template.get("Resources").has("Missing"));
        assertFalse(template.get("Resources").has("extensions"));
        assertFalse(template.has("extensions"));
    }

    @Test
    void nullsAreStrippedFromPropertiesOnly() throws Exception {
        Resource queue = resource("Q", "{'Type':'AWS::SQS::Queue','Properties':{'A':null,'B':{'C':null,'D':1},"
                + "'E':[null,{'F':null}]},'Metadata':{'G':null}}");
        Resource empty = resource("Empty", "{'Type':'AWS::SNS::Topic','Properties':null}");
        ObjectNode template = TemplateMerger.merge(new TemplateDraft(service(), List.of(queue, empty), List.of(),
                Optional.empty()), List.of());
        assertEquals(json("{'Type':'AWS::SQS::Queue','Properties':{'B':{'D':1},'E':[null,{}]},'Metadata':{'G':null}}"),
                template.at("/Resources/Q"));
        assertEquals(json("{'Type':'AWS::SNS::Topic'}"), template.at("/Resources/Empty"));
    }

    @Test
    void theDraftStaysAsCompiledAndUnchangedResourcesAreNotCopied() throws Exception {
        Resource overridden = resource("FnLambdaFunction", "{'Type':'AWS::Lambda::Function','Properties':"
                + "{'Handler':'h.h','Timeout':6,'Environment':{'Variables':{'A':'1'}}}}");
        Resource extended = resource("OtherLambdaFunction", "{'Type':'AWS::Lambda::Function','Properties':"
                + "{'Handler':'o.h'},'DependsOn':['OtherLogGroup']}");
        Resource nulls = resource("Q", "{'Type':'AWS::SQS::Queue','Properties':{'A':null,'B':{'C':null,'D':1}}}");
        Resource untouched = resource("Topic", "{'Type':'AWS::SNS::Topic','Properties':{'TopicName':'t'}}");
        Resource role = role();
        List<Resource> compiled = List.of(overridden, extended, nulls, untouched, role);
        List<ObjectNode> before = compiled.stream().map(r -> r.definition().deepCopy()).toList();
        IamStatement derived = statement("s3:GetObject", "1");
        IamStatement withNull = statement("sqs:SendMessage", "2");
        withNull.document().putNull("Condition");
        List<JsonNode> statementsBefore = List.of(derived.document().deepCopy(), withNull.document().deepCopy());
        TemplateDraft draft = new TemplateDraft(service(), compiled, List.of(), resources("""
                Resources:
                  IamRoleLambdaExecution:
                    Properties:
                      Policies:
                        - PolicyDocument:
                            Statement:
                              - Resource: arn:aws:s3:::bucket/*
                  FnLambdaFunction:
                    Properties:
                      Timeout: 30
                      Environment:
                        Variables:
                          B: '2'
                extensions:
                  OtherLambdaFunction:
                    Properties: {Timeout: 10}
                    DependsOn: [Queue]
                """));

        ObjectNode template = TemplateMerger.merge(draft, List.of(derived, withNull));

        for (int i = 0; i < compiled.size(); i++) {
            assertEquals(before.get(i), compiled.get(i).definition(), compiled.get(i).logicalId() + " as compiled");
        }
        assertEquals(statementsBefore, List.of(derived.document(), withNull.document()), "statements as derived");
        // the user's resource overrides the first statement; the null condition of the second is gone
        assertEquals(json("{'l':[{'Effect':'Allow','Action':['s3:GetObject'],'Resource':'arn:aws:s3:::bucket/*'},"
                        + "{'Effect':'Allow','Action':['sqs:SendMessage'],'Resource':'*'}]}").get("l"),
                template.at("/Resources/IamRoleLambdaExecution/Properties/Policies/0/PolicyDocument/Statement"));
        assertEquals(30, template.at("/Resources/FnLambdaFunction/Properties/Timeout").asInt());
        assertEquals(json("{'A':'1','B':'2'}"), template.at("/Resources/FnLambdaFunction/Properties/Environment/Variables"));
        assertEquals(MAPPER.readTree("[\"OtherLogGroup\",\"Queue\"]"), template.at("/Resources/OtherLambdaFunction/DependsOn"));
        assertEquals(json("{'B':{'D':1}}"), template.at("/Resources/Q/Properties"));
        // what nothing changes is the draft's own definition; what something changes is a copy
        assertSame(untouched.definition(), template.at("/Resources/Topic"));
        for (Resource changed : List.of(overridden, extended, nulls, role)) {
            assertNotSame(changed.definition(), template.get("Resources").get(changed.logicalId()), changed.logicalId());
        }
        // and a second merge of the same draft gives the same template
        assertEquals(template, TemplateMerger.merge(draft, List.of(derived, withNull)));
    }
}
