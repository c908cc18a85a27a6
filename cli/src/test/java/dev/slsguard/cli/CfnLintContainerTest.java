package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code cfn-lint: container}: builds the image from slsguard's pinned Dockerfile (cfn-lint at the
 * version its data comes from) and runs it on one template. Needs a Docker engine; skipped without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class CfnLintContainerTest {

    private static final String TEMPLATE = """
            {"AWSTemplateFormatVersion": "2010-09-09",
             "Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {
               "RoleName": "a-role-name-that-is-longer-than-the-sixty-four-characters-iam-accepts",
               "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}}}
            """;

    @Test
    void thePinnedImageRunsCfnLintOnATemplate() throws Exception {
        CfnLintRunner.Run run = new ContainerCfnLint(Optional.empty()).run(TEMPLATE.getBytes(StandardCharsets.UTF_8),
                List.of(), Duration.ofMinutes(5));
        List<CfnLintResult> results = CfnLintResult.parse(run.stdout());
        assertEquals(2, run.exitCode() & 2, "an error was found: " + run.stderr());
        assertTrue(results.stream().anyMatch(r -> r.ruleId().equals("E3033")
                && r.path().equals(List.of("Resources", "Role", "Properties", "RoleName"))), results.toString());
    }
}
