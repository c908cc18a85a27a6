package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: with {@code --no-env} no {@code ${env:}} is resolved, so a value of the environment
 * placed in an ARN, a path, a rate, the stage or an unresolvable reference reaches no output:
 * stdout, stderr, JSON, SARIF, JUnit, HTML, nor the files written.
 */
class NoEnvTest {

    private static final String MARKER = "s3cr3tMARKERvalue";

    private static final String SERVICE = """
            service: svc
            frameworkVersion: '3'
            configValidationMode: warn
            provider:
              name: aws
              runtime: nodejs20.x
              stage: ${env:TOKEN}
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: sqs:*
                      Resource: arn:aws:sqs:us-east-1:123456789012:${env:TOKEN}
            custom:
              missing: ${self:custom.${env:TOKEN}, 'x'}
            functions:
              worker:
                handler: handler.main
                events:
                  - http:
                      path: /${env:TOKEN}
                      method: get
                  - schedule: rate(${env:TOKEN})
            """;

    @TempDir
    Path dir;

    @Test
    void noEnvironmentValueReachesAnyOutput() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        Map<String, String> env = Map.of("TOKEN", MARKER);
        for (Map.Entry<String, Run> byFormat : Run.inEveryFormat(dir, env, "check", ".", "--no-env", "--fail-on",
                "never").entrySet()) {
            String format = byFormat.getKey();
            Run run = byFormat.getValue();
            assertEquals(0, run.exitCode(), run.toString());
            assertFalse(run.out().contains(MARKER), format + ": " + run);
            assertFalse(run.err().contains(MARKER), format + ": " + run);
            try (Stream<Path> files = Files.walk(dir.resolve("out-" + format))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(file).contains(MARKER), file.toString());
                }
            }
        }
    }

    @Test
    void withoutTheSwitchTheEnvironmentIsRead() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE.replace("stage: ${env:TOKEN}", "stage: dev"));
        Run run = Run.in(dir, Map.of("TOKEN", MARKER), "check", ".", "--output", "out", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.readString(dir.resolve("out/cloudformation-template.json")).contains(MARKER));
    }
}
