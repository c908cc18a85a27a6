package dev.slsguard.rules;

import static dev.slsguard.rules.HandFacts.at;
import static dev.slsguard.rules.HandFacts.lit;
import static dev.slsguard.rules.HandFacts.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege rules on hand-made statements: which origins are analysed, statements without
 * nodes in the tree (managed policies), and escalation across the statements of one role.
 */
class LeastPrivilegeRulesTest {

    private static IamStatement statement(String role, String origin, List<String> actions, List<CfnValue> resources,
                                          int line, String orderKey) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("Effect", "Allow");
        actions.forEach(a -> document.withArray("Action").add(a));
        resources.forEach(r -> document.withArray("Resource").add(r.toJson()));
        return new IamStatement(role, "Allow", actions, resources, document, origin, "test", Optional.empty(),
                at(line), orderKey);
    }

    private static List<String> run(Object... facts) {
        List<Object> all = new ArrayList<>(List.of(facts));
        all.add(service(true, Optional.empty()));
        RuleOutcome outcome = TestPipeline.rules().run(all);
        return outcome.findings().stream().filter(f -> f.ruleId().startsWith("SLS-IAM-1"))
                .map(f -> f.ruleId() + "@" + f.location().line()).sorted().toList();
    }

    @Test
    void derivedAndCoreStatementsAreNeverAnalysed() {
        assertEquals(List.of(), run(
                statement("IamRoleLambdaExecution", IamStatement.DERIVED, List.of("s3:*", "iam:PutRolePolicy"),
                        List.of(lit("*")), 10, "3"),
                statement("IamRoleLambdaExecution", IamStatement.CORE, List.of("s3:GetObject"),
                        List.of(lit("*")), 11, "0")));
    }

    @Test
    void otherOriginsAreAnalysedAndFallBackToTheStatement() {
        // a statement from a managed policy: no nodes in the tree, the findings sit at its own line
        // sqs:* includes sqs:AddPermission (SLS-IAM-110), as on its own
        assertEquals(List.of("SLS-IAM-101@30", "SLS-IAM-102@30", "SLS-IAM-109@30", "SLS-IAM-110@30"), run(
                statement("IamRoleLambdaExecution", "managed", List.of("s3:GetObject", "sqs:*"),
                        List.of(lit("*")), 30, "1")));
    }

    @Test
    void actionStarIsLeftToItsOwnRule() {
        assertEquals(List.of(), run(
                statement("IamRoleLambdaExecution", IamStatement.DECLARED, List.of("*"), List.of(lit("*")), 5, "1")));
    }

    @Test
    void escalationIsTheUnionOfOneRolesStatementsReportedOnceAtTheFirstEntry() {
        List<String> findings = run(
                statement("IamRoleLambdaExecution", "managed", List.of("lambda:InvokeFunction"),
                        List.of(lit("arn:aws:lambda:us-east-1:123456789012:function:a")), 40, "2"),
                statement("IamRoleLambdaExecution", IamStatement.DECLARED, List.of("iam:PassRole"),
                        List.of(lit("arn:aws:iam::123456789012:role/a")), 20, "1"),
                statement("IamRoleLambdaExecution", IamStatement.DECLARED, List.of("lambda:CreateFunction"),
                        List.of(lit("arn:aws:lambda:us-east-1:123456789012:function:a")), 50, "3"),
                // another role: its actions do not complete the first role's combination
                statement("OtherRole", IamStatement.DECLARED, List.of("lambda:CreateFunction", "iam:PassRole"),
                        List.of(lit("arn:aws:lambda:us-east-1:123456789012:function:b"),
                                lit("arn:aws:iam::123456789012:role/b")), 60, "1"));
        assertEquals(List.of("SLS-IAM-107@20"), findings);
    }

    @Test
    void escalationMessageNamesTheActionsAndTheRole() {
        List<Object> facts = new ArrayList<>(List.of(service(true, Optional.empty()),
                statement("IamRoleLambdaExecution", IamStatement.DECLARED, List.of("iam:Attach*"),
                        List.of(lit("arn:aws:iam::123456789012:role/a")), 20, "1")));
        List<Finding> findings = TestPipeline.rules().run(facts).findings().stream()
                .filter(f -> f.ruleId().equals("SLS-IAM-107")).toList();
        assertEquals(1, findings.size(), findings.toString());
        String message = findings.get(0).message();
        assertTrue(message.startsWith("Role IamRoleLambdaExecution can escalate its privileges: "), message);
        assertTrue(message.contains("iam:AttachRolePolicy (through iam:Attach*)"), message);
    }

    @Test
    void actionListsNameTheMostDangerousFirst() {
        List<Object> facts = new ArrayList<>(List.of(service(true, Optional.empty()),
                statement("IamRoleLambdaExecution", IamStatement.DECLARED,
                        List.of("s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:PutBucketPolicy"),
                        List.of(lit("*")), 20, "1")));
        Finding star = TestPipeline.rules().run(facts).findings().stream()
                .filter(f -> f.ruleId().equals("SLS-IAM-101")).findFirst().orElseThrow();
        // permissions management, then write, then read, then list; not alphabetical
        assertTrue(star.message().startsWith("Resource \"*\" grants s3:PutBucketPolicy, s3:PutObject, s3:GetObject,"
                + " s3:ListBucket on every resource"), star.message());
    }

    @Test
    void theSuggestedResourceIsOneTheActionRequires() {
        List<Object> facts = new ArrayList<>(List.of(service(true, Optional.empty()),
                statement("IamRoleLambdaExecution", IamStatement.DECLARED, List.of("ses:SendEmail"),
                        List.of(lit("*")), 20, "1")));
        Finding star = TestPipeline.rules().run(facts).findings().stream()
                .filter(f -> f.ruleId().equals("SLS-IAM-101")).findFirst().orElseThrow();
        // ses:SendEmail needs an identity; a configuration set is optional
        assertTrue(star.message().contains("identity (arn:${Partition}:ses:${Region}:${Account}:identity/"),
                star.message());
    }

    @Test
    void aServiceWildcardOnObjectsCountsOnlyTheActionsThatApplyToObjects() {
        List<Object> facts = new ArrayList<>(List.of(service(true, Optional.empty()),
                statement("IamRoleLambdaExecution", IamStatement.DECLARED, List.of("s3:*"),
                        List.of(lit("arn:aws:s3:::reports/*")), 20, "1")));
        Finding wildcard = TestPipeline.rules().run(facts).findings().stream()
                .filter(f -> f.ruleId().equals("SLS-IAM-102")).findFirst().orElseThrow();
        assertTrue(wildcard.message().contains("on the statement's resources"), wildcard.message());
        assertTrue(wildcard.message().contains("s3:PutObjectAcl"), wildcard.message());
        // bucket-level permissions management cannot apply to an object ARN
        assertTrue(!wildcard.message().contains("s3:PutBucketPolicy"), wildcard.message());
    }
}
