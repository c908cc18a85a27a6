package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on CloudFormation templates: one given as a file, and those {@code --recursive} finds. */
class TemplateInputCliTest {

    @TempDir
    Path dir;

    private static final String ROLE = String.join("\n",
            "AWSTemplateFormatVersion: '2010-09-09'",
            "Resources:",
            "  Role:",
            "    Type: AWS::IAM::Role",
            "    Properties:",
            "      AssumeRolePolicyDocument:",
            "        Statement:",
            "          - Effect: Allow",
            "            Principal: { Service: !Sub 'lambda.${AWS::URLSuffix}' }",
            "            Action: sts:AssumeRole",
            "      Policies:",
            "        - PolicyName: all",
            "          PolicyDocument:",
            "            Statement:",
            "              - Effect: Allow",
            "                Action: '*'",
            "                Resource: !Ref AWS::NoValue",
            "              - Effect: Allow",
            "                Action: '*'",
            "                Resource: '*'",
            "");

    @Test
    void templateGivenAsFileIsCheckedAtItsOwnLines() throws IOException {
        Files.writeString(dir.resolve("stack.yaml"), ROLE);
        Run run = Run.in(dir, "check", "stack.yaml", "--output", dir.resolve("out").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("stack.yaml:18:17 error SLS-IAM-002"), run.out());
    }

    @Test
    void oddValuesInATemplateAreReadPastWithANote() throws IOException {
        Files.writeString(dir.resolve("odd.yaml"), String.join("\n",
                "Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]",
                "Resources:",
                "  F:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Policies: [5, {S3ReadPolicy: null}, !Ref PolicyArn, {}]",
                "      Environment: 3",
                "  G: 7",
                "  H:",
                "    Type: AWS::Lambda::Function",
                "    Properties: [1]",
                ""));
        Run run = Run.in(dir, "check", "odd.yaml", "--output", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("odd.yaml:1:41 note SLS-VAL-008 the transform AWS::LanguageExtensions"), run.out());
        assertTrue(run.out().contains("odd.yaml:6:43 note SLS-VAL-008 the policy given with Ref of SAM function F"),
                run.out());
    }

    @Test
    void recursiveFindsTemplatesBesideServices() throws IOException {
        Files.createDirectories(dir.resolve("svc"));
        Files.writeString(dir.resolve("svc/serverless.yml"), "service: svc\nprovider:\n  name: aws\n");
        Files.createDirectories(dir.resolve("sam"));
        Files.writeString(dir.resolve("sam/template.yaml"), ROLE);
        Files.createDirectories(dir.resolve("infra/cdk.out"));
        Files.writeString(dir.resolve("infra/cdk.out/Api.template.json"), "{\n  \"Resources\": {}\n}\n");
        Files.writeString(dir.resolve("infra/cdk.out/Data.template.json"), "{\"AWSTemplateFormatVersion\": \"2010-09-09\"}\n");
        Files.writeString(dir.resolve("infra/cdk.out/manifest.json"), "{\"Resources\": {}}\n");
        Files.createDirectories(dir.resolve("chart"));
        Files.writeString(dir.resolve("chart/template.yaml"), "apiVersion: v1\nkind: ConfigMap\n");

        List<String> found = ServiceFinder.find(dir, dir).stream().map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .toList();
        assertEquals(List.of("infra/cdk.out/Api.template.json", "infra/cdk.out/Data.template.json", "sam/template.yaml",
                "svc/serverless.yml"), found);

        Run run = Run.in(dir, "check", "--recursive", ".", "--output", dir.resolve("out").toString());
        assertTrue(run.out().contains("sam/template.yaml:18:17 error SLS-IAM-002"), run.out() + run.err());
        assertTrue(Files.isDirectory(dir.resolve("out/infra/cdk.out/Api.template.json")), "one output directory per template");
    }
}
