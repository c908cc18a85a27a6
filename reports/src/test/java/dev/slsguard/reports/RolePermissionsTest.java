package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.IntrinsicText;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a function's section says its role grants: statements every function of a shared role has,
 * its own derived ones, the others' summed up; access levels; resources in YAML short form; the
 * service name as resolved.
 */
class RolePermissionsTest {

    private static final String FILE = "svc/serverless.yml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ActionLevels LEVELS = action -> Map.of(
            "s3:*", Set.of("List", "Read", "Write", "Permissions management", "Tagging"),
            "sqs:receivemessage", Set.of("Read"),
            "sqs:deletemessage", Set.of("Write")).getOrDefault(action, Set.of());

    /** Three functions share the execution role; each has the queue statement derived for its event. */
    private static Analysis analysis() {
        List<Function> functions = new ArrayList<>();
        List<IamStatement> statements = new ArrayList<>();
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        statements.add(new IamStatement("IamRoleLambdaExecution", "Allow", List.of("s3:*"),
                List.of(CfnValue.of(json("{\"Fn::GetAtt\": [\"Uploads\", \"Arn\"]}"))), doc, IamStatement.DECLARED,
                "provider.iam.role.statements", Optional.empty(),
                new SourceRef(FILE, 9, 11, "/provider/iam/role/statements/0"), "1-0000"));
        for (int i = 0; i < 3; i++) {
            String key = "worker" + i;
            functions.add(new Function(key, "shop-dev-" + key, i, "Worker" + i + "LambdaFunction", Optional.empty(),
                    6, 1024, Optional.empty(), new SourceRef(FILE, 20 + i * 5, 3, "/functions/" + key),
                    new MapNode(new SourceRef(FILE, 21 + i * 5, 5, "/functions/" + key), List.of())));
            statements.add(new IamStatement("IamRoleLambdaExecution", "Allow",
                    List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"),
                    List.of(CfnValue.of(json("{\"Fn::GetAtt\": [\"Queue" + i + "\", \"Arn\"]}"))), doc,
                    IamStatement.DERIVED, "SLS-DRV-007", Optional.of(key),
                    new SourceRef(FILE, 23 + i * 5, 9, "/functions/" + key + "/events/0/sqs"), "3-" + i));
        }
        List<Finding> findings = List.of(new Finding("SLS-IAM-102", Severity.WARNING, "s3:* grants all of s3",
                new SourceRef(FILE, 10, 19, "/provider/iam/role/statements/0/Action"), "f1"));
        MapNode written = new MapNode(SourceRef.ofFile(FILE), List.of(field("service", "${file(./names.json):Name}")));
        MapNode resolved = new MapNode(SourceRef.ofFile(FILE), List.of(field("service", "invoices")));
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.putObject("Resources").putObject("IamRoleLambdaExecution").put("Type", "AWS::IAM::Role");
        return new Analysis(new SourceDocument(Path.of(FILE), FILE, written), template, findings, List.of(), "",
                functions, List.of(), statements, List.of(), List.of(), Optional.of(resolved));
    }

    private static MapNode.Field field(String key, String value) {
        return new MapNode.Field(key, new SourceRef(FILE, 1, 1, "/" + key),
                new ScalarNode(new SourceRef(FILE, 1, 10, "/" + key), value));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachFunctionSeesTheSharedStatementsItsOwnAndTheOthersSummedUp() {
        String html = HtmlReport.render(analysis(), ToolInfo.slsguard("1.0.0"), LEVELS);
        String first = html.substring(html.indexOf("<section id=\"fn-1\""), html.indexOf("<section id=\"fn-2\""));
        assertTrue(first.contains("<tr><td class=\"effect-Allow\">Allow</td><td class=\"mono\">s3:*</td>"
                + "<td class=\"mono multiline\">!GetAtt Uploads.Arn</td>"
                + "<td>list, read, write, permissions management, tagging</td>"
                + "<td class=\"kind-declared\">declared at svc/serverless.yml:9 (provider.iam.role.statements)"
                + " <a href=\"#role-IamRoleLambdaExecution-1\">(statement)</a></td>"
                + "<td><a class=\"badge sev-warning\" href=\"#finding-1\""), first);
        assertTrue(first.contains("<td class=\"mono\">sqs:ReceiveMessage, sqs:DeleteMessage</td>"
                + "<td class=\"mono multiline\">!GetAtt Queue0.Arn</td><td>read, write</td>"), first);
        assertFalse(first.contains("Queue1"), "another function's statement is not repeated in full: " + first);
        assertTrue(first.contains("Also 2 statements derived for 2 other functions that share the role: "
                + "sqs:ReceiveMessage, sqs:DeleteMessage"), first);
        assertTrue(html.contains("<article id=\"finding-1\" class=\"finding warning"), "the badge's target");
        // every statement once, in the role's section, each with its anchor
        String role = html.substring(html.indexOf("<section id=\"role-IamRoleLambdaExecution\">"));
        for (int n = 1; n <= 4; n++) {
            assertTrue(role.contains("<tr id=\"role-IamRoleLambdaExecution-" + n + "\">"), role);
        }
        assertTrue(role.contains("!GetAtt Queue2.Arn"), role);
    }

    @Test
    void aFunctionWithStatementsOfItsOwnRunsWithItsPerFunctionRole() {
        Analysis shared = analysis();
        List<IamStatement> statements = new ArrayList<>(shared.statements());
        statements.add(new IamStatement("Worker2IamRoleLambdaExecution", "Allow", List.of("sns:Publish"),
                List.of(new CfnValue.Literal("arn:aws:sns:us-east-1:1:done")), JsonNodeFactory.instance.objectNode(),
                IamStatement.DECLARED, "functions.worker2.iamRoleStatements", Optional.of("worker2"),
                new SourceRef(FILE, 40, 11, "/functions/worker2/iamRoleStatements/0"), "1-0000"));
        Analysis analysis = new Analysis(shared.source(), shared.template(), shared.findings(), List.of(), "",
                shared.functions(), List.of(), statements, List.of(), List.of(), shared.configuration());
        String html = HtmlReport.render(analysis, ToolInfo.slsguard("1.0.0"), LEVELS);
        String third = html.substring(html.indexOf("<section id=\"fn-3\""), html.indexOf("<h2>Roles</h2>"));
        assertTrue(third.contains("runs with its own role Worker2IamRoleLambdaExecution "
                + "(functions.worker2.iamRoleStatements)"), third);
        assertTrue(third.contains("declared at svc/serverless.yml:40 (functions.worker2.iamRoleStatements)"), third);
        assertTrue(third.contains("<a href=\"#role-Worker2IamRoleLambdaExecution\">"), third);
        assertFalse(third.contains("s3:*"), "the shared role's statements are not its own: " + third);
        assertTrue(html.contains("<section id=\"role-Worker2IamRoleLambdaExecution\">"), html);
    }

    @Test
    void titleShowsTheResolvedServiceName() {
        String html = HtmlReport.render(analysis(), ToolInfo.slsguard("1.0.0"));
        assertTrue(html.contains("<title>slsguard review: invoices</title>"), html);
        assertFalse(html.contains("names.json"), html);
    }

    @Test
    void intrinsicsAreShownAsWritten() {
        assertEquals("!GetAtt Queue.Arn", IntrinsicText.of(json("{\"Fn::GetAtt\": [\"Queue\", \"Arn\"]}")));
        assertEquals("!Ref Bucket", IntrinsicText.of(json("{\"Ref\": \"Bucket\"}")));
        assertEquals("!Sub arn:aws:s3:::${Bucket}/*", IntrinsicText.of(json("{\"Fn::Sub\": \"arn:aws:s3:::${Bucket}/*\"}")));
        assertEquals("!Join ['', ['arn:aws:s3:::', !Ref Bucket, /*]]",
                IntrinsicText.of(json("{\"Fn::Join\": [\"\", [\"arn:aws:s3:::\", {\"Ref\": \"Bucket\"}, \"/*\"]]}")));
        assertEquals("!Sub ['arn:aws:sqs:${R}:q', {R: !Ref AWS::Region}]",
                IntrinsicText.of(json("{\"Fn::Sub\": [\"arn:aws:sqs:${R}:q\", {\"R\": {\"Ref\": \"AWS::Region\"}}]}")));
        assertEquals("!ImportValue !Sub ${Stack}-QueueArn",
                IntrinsicText.of(json("{\"Fn::ImportValue\": {\"Fn::Sub\": \"${Stack}-QueueArn\"}}")));
        assertEquals("arn:aws:sqs:us-east-1:1:q", IntrinsicText.of(json("\"arn:aws:sqs:us-east-1:1:q\"")));
    }
}
