package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.rules.RuleOutcome;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A CloudFormation or SAM template given as input is read into the fact model of a service: the
 * least-privilege findings of v3's own compiled template match those of the service it came from,
 * and a SAM function's policy templates become statements of the role SAM creates for it.
 */
class TemplateInputTest {

    private static final Path CASE_21 = Path.of("..", "compilers", "src", "test", "resources", "parity",
            "21-iam-wildcards-region-stage");

    @Test
    void compiledTemplateOfCase21GetsTheLeastPrivilegeFindingsOfItsService() {
        RuleOutcome service = TestPipeline.analyse(CASE_21.resolve("serverless.yml"));
        RuleOutcome template = TestPipeline.analyse(CASE_21.resolve("expected.json"));
        assertTrue(template.findings().stream().filter(f -> leastPrivilege(f.ruleId()))
                .allMatch(f -> f.location().file().equals("expected.json")), "findings in the template itself");

        // The template has no events, so the note on a role shared by functions whose events need
        // different permissions (SLS-IAM-008) has nothing to compare; every other finding matches.
        Set<String> fromService = keys(service.findings().stream()
                .filter(f -> leastPrivilege(f.ruleId()) && !f.ruleId().equals("SLS-IAM-008")).toList());
        // The statements Serverless Framework writes itself (logs, event permissions, the VPC policy)
        // are left alone in a service; in a template nothing tells them from the user's own.
        List<JsonNode> automatic = service.statements().stream().filter(IamStatement::automatic)
                .map(IamStatement::document).map(JsonNode.class::cast).toList();
        Set<String> fromTemplate = keys(template.findings().stream()
                .filter(f -> leastPrivilege(f.ruleId()) && !aboutAutomatic(f, template, automatic)).toList());
        assertEquals(fromService, fromTemplate);
        assertTrue(fromService.size() >= 15, "case 21 has many least-privilege findings: " + fromService);
    }

    @Test
    void samPolicyTemplatesBecomeStatementsOfTheFunctionsRole() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/templates/sam-policies.yaml").toURI());
        RuleOutcome outcome = TestPipeline.analyse(file);
        List<IamStatement> read = outcome.statements().stream()
                .filter(s -> s.source().endsWith(".Policies.S3ReadPolicy")).toList();
        assertEquals(1, read.size());
        IamStatement statement = read.get(0);
        assertEquals("ReaderRole", statement.role());
        assertEquals(15, statement.ref().line()); // the template's key: parameters are not statements
        assertTrue(statement.actions().containsAll(List.of("s3:GetObject", "s3:ListBucket")));
        JsonNode bucket = new ObjectMapper().valueToTree(Map.of("Fn::Sub", List.of(
                "arn:${AWS::Partition}:s3:::${BucketName}", Map.of("BucketName", Map.of("Ref", "Uploads")))));
        assertEquals(bucket, statement.document().get("Resource").get(0));

        IamStatement poller = outcome.statements().stream()
                .filter(s -> s.source().endsWith(".Policies.SQSPollerPolicy")).findFirst().orElseThrow();
        assertEquals("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs",
                poller.document().get("Resource").get("Fn::Sub").textValue());

        // S3ReadPolicy on the template's own bucket is scoped; S3CrudPolicy on '*' is not
        Set<String> wide = outcome.findings().stream().filter(f -> f.ruleId().equals("SLS-IAM-104"))
                .map(f -> String.valueOf(f.location().line())).collect(Collectors.toSet());
        assertEquals(Set.of("19"), wide);
        assertFalse(outcome.findings().stream().anyMatch(f -> f.location().line() == 15 && leastPrivilege(f.ruleId())));
    }

    private static boolean leastPrivilege(String ruleId) {
        return TestPipeline.rules().rules().stream().filter(r -> r.id().equals(ruleId)).map(RuleInfo::packName)
                .anyMatch("least-privilege"::equals);
    }

    /** A finding at a statement of the template that is one the framework wrote itself in the service. */
    private static boolean aboutAutomatic(Finding finding, RuleOutcome template, List<JsonNode> automatic) {
        List<IamStatement> at = template.statements().stream()
                .filter(s -> s.ref().line() == finding.location().line()).toList();
        return !at.isEmpty() && at.stream().allMatch(s -> automatic.contains(s.document()));
    }

    /** A finding as both inputs should give it: rule and message (which names the role, action and resource). */
    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.message().replace("the execution role ", "role "))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
