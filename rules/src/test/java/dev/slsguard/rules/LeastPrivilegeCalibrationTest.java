package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.compilers.ParityCases;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.RuleOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The least-privilege rules against the parity cases (compilers' test resources): v3's own
 * statements (derived, core) never get a finding; every finding sits inside a statement the user
 * wrote, at an Action or Resource entry (or a condition key).
 */
class LeastPrivilegeCalibrationTest {

    private static final Path PARITY = Path.of("..", "compilers", "src", "test", "resources", "parity");

    @TempDir
    Path dir;

    static List<Path> cases() {
        return ParityCases.names().stream().map(PARITY::resolve).toList();
    }

    @Test
    void allParityCasesAreThere() {
        assertTrue(cases().size() >= 20, "parity cases: " + cases());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsOnlyOnTheUsersOwnStatements(Path dir) {
        RuleOutcome outcome = TestPipeline.analyse(dir.resolve("serverless.yml"));
        List<IamStatement> own = outcome.statements().stream()
                .filter(s -> !s.origin().equals(IamStatement.DERIVED) && !s.origin().equals(IamStatement.CORE))
                .toList();
        for (Finding f : outcome.findings()) {
            if (!f.ruleId().matches("SLS-IAM-1\\d\\d")) {
                continue;
            }
            String pointer = f.location().pointer();
            // a statement of an AWS managed policy has no entries in the file: its finding is at the ARN
            if (own.stream().anyMatch(s -> s.origin().equals(IamStatement.MANAGED) && pointer.equals(s.ref().pointer()))) {
                assertTrue(f.message().startsWith("Managed policy "), f + " does not name its policy");
                continue;
            }
            assertTrue(own.stream().anyMatch(s -> pointer.startsWith(s.ref().pointer() + "/")),
                    f + " is not inside a statement the user wrote");
            assertTrue(pointer.matches(".*/(Action|Resource|Condition)(/.*)?"), f + " is not at an entry");
        }
    }

    @Test
    void case21ReportsEachWildcardAtItsEntry() {
        RuleOutcome outcome = TestPipeline.analyse(PARITY.resolve("21-iam-wildcards-region-stage/serverless.yml"));
        List<String> mine = outcome.findings().stream().filter(f -> f.ruleId().matches("SLS-IAM-1\\d\\d"))
                .map(f -> f.ruleId() + " " + f.location().line() + ":" + f.location().column()).sorted().toList();
        assertEquals(List.of(
                "SLS-IAM-101 133:13", // managed policy AWSLambdaSQSQueueExecutionRole: sqs actions on "*"
                "SLS-IAM-101 25:11", // managed policy AmazonS3FullAccess: s3 and s3-object-lambda actions on "*"
                "SLS-IAM-102 25:11", // ... s3:* and s3-object-lambda:*, one finding for the policy statement
                "SLS-IAM-102 39:15", // s3:*
                "SLS-IAM-102 45:15", // dynamodb:*
                "SLS-IAM-104 41:15", // arn:aws:s3:::*
                "SLS-IAM-104 42:15", // arn:aws:s3:::*/*
                "SLS-IAM-104 53:21", // arn:aws:iam::*:role/*
                "SLS-IAM-104 71:13", // Fn::Sub ...:secret:*
                "SLS-IAM-108 52:15", // sts:AssumeRole on every role
                "SLS-IAM-109 25:11", // AmazonS3FullAccess: s3:GetObject ... through s3:* on "*"
                "SLS-IAM-109 39:15", // s3:* on arn:aws:s3:::* and arn:aws:s3:::*/*: every object
                "SLS-IAM-109 69:15", // secretsmanager:GetSecretValue on every secret
                "SLS-IAM-110 25:11", // AmazonS3FullAccess: s3:PutBucketPolicy ... through s3:* on "*"
                "SLS-IAM-110 39:15"), // s3:* on every bucket: s3:PutBucketPolicy, s3:PutBucketAcl ...
                mine);
    }

    @Test
    void aManagedPolicyGetsOneFindingPerCheckAndStatementNotOnePerEntry() {
        // case 92 attaches ReadOnlyAccess: three statements with about 2,900 entries, hundreds of them globs
        RuleOutcome outcome = TestPipeline.analyse(PARITY.resolve("92-legacy-iam-versions/serverless.yml"));
        List<Finding> onPolicy = outcome.findings().stream()
                .filter(f -> f.ruleId().matches("SLS-IAM-1\\d\\d") && f.message().startsWith("Managed policy ReadOnlyAccess:"))
                .toList();
        assertTrue(!onPolicy.isEmpty(), outcome.findings().toString());
        assertTrue(onPolicy.size() <= 3 * 10, onPolicy.size() + " findings: " + onPolicy);
        assertTrue(onPolicy.stream().noneMatch(f -> f.ruleId().equals("SLS-IAM-106")), "AWS's own actions are not typos");
        assertTrue(onPolicy.stream().anyMatch(f -> f.message().contains("more entries like this")), onPolicy.toString());
    }

    @Test
    void wildcardOnlyActionsOnStarAreNotFlaggedButScopableOnesAre() throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, """
                service: calibration
                provider:
                  name: aws
                  runtime: nodejs18.x
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: ec2:DescribeInstances
                          Resource: '*'
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: '*'
                functions:
                  hello:
                    handler: handler.hello
                """);
        RuleOutcome outcome = TestPipeline.analyse(file);
        List<String> resourceStar = outcome.findings().stream().filter(f -> f.ruleId().equals("SLS-IAM-101"))
                .map(f -> f.location().line() + ": " + f.message()).toList();
        assertEquals(1, resourceStar.size(), resourceStar.toString());
        assertTrue(resourceStar.get(0).startsWith("13: Resource \"*\" grants s3:GetObject"), resourceStar.get(0));
        assertTrue(resourceStar.get(0).contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
        assertTrue(Stream.of("SLS-IAM-101", "SLS-IAM-105", "SLS-IAM-108")
                .noneMatch(id -> outcome.findings().stream().anyMatch(f -> f.ruleId().equals(id)
                        && f.location().line() <= 10)));
    }
}
