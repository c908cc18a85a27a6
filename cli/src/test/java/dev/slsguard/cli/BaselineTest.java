package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --write-baseline} and {@code --baseline}: only findings that are new fail the run. */
class BaselineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** WITH_ERRORS plus, above everything it had, a new function on a queue that is too short. */
    private static final String WITH_A_NEW_ERROR = Services.WITH_ERRORS
            .replace("functions:\n", """
                    functions:
                      reader:
                        handler: handler.reader
                        events:
                          - sqs:
                              arn: !GetAtt OtherQueue.Arn
                    """)
            .replace("                    - Effect: Allow\n", """
                            - Effect: Allow
                              Action: 's3:GetObject'
                              Resource: 'arn:aws:s3:::bucket/*'
                            - Effect: Allow
                    """)
            .replace("  Resources:\n", """
                      Resources:
                        OtherQueue:
                          Type: AWS::SQS::Queue
                          Properties:
                            RedrivePolicy:
                              deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:other-failed
                              maxReceiveCount: 3
                    """);

    @TempDir
    Path dir;

    @Test
    void onlyNewFindingsCount() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run write = Run.in(dir, "check", "svc", "--output", "out", "--write-baseline", "base/slsguard-baseline.json");
        assertEquals(1, write.exitCode(), "writing a baseline does not hide today's findings: " + write);
        JsonNode baseline = JSON.readTree(dir.resolve("base/slsguard-baseline.json").toFile());
        assertEquals(1, baseline.get("version").asInt());
        assertTrue(baseline.get("findings").size() > 0, baseline.toString());
        for (JsonNode entry : baseline.get("findings")) {
            assertEquals("svc/serverless.yml", entry.get("file").asText());
            assertTrue(!entry.get("location").asText().matches(".*/\\d+(/.*)?$"), "no list positions: " + entry);
        }

        Run same = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "base/slsguard-baseline.json");
        assertEquals(0, same.exitCode(), same.toString());
        assertTrue(same.out().contains("0 findings are new since the baseline"), same.out());

        Files.writeString(dir.resolve("svc/serverless.yml"), WITH_A_NEW_ERROR);
        Run changed = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "base/slsguard-baseline.json");
        assertEquals(1, changed.exitCode(), changed.toString());
        List<String> fresh = changed.out().lines().filter(l -> l.startsWith("new: ")).toList();
        // new: the added function now shares the role with its '*' statement (note), and its queue is too short
        assertEquals(2, fresh.size(), changed.out());
        assertTrue(fresh.get(0).startsWith("new: svc/serverless.yml:") && fresh.get(0).endsWith(" SLS-IAM-008"),
                fresh.toString());
        assertTrue(fresh.get(1).startsWith("new: svc/serverless.yml:") && fresh.get(1).endsWith(" SLS-VAL-104"),
                fresh.toString());
        assertTrue(changed.out().contains("2 findings are new since the baseline"), changed.out());
    }

    /** Issue 5's acceptance: a baseline, then one new wildcard statement: exactly one new finding, exit 1. */
    @Test
    void aNewWildcardStatementIsTheOneNewFinding() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run write = Run.in(dir, "check", "svc", "--output", "out", "--write-baseline", "slsguard-baseline.json");
        assertEquals(1, write.exitCode(), write.toString());

        Run unchanged = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "slsguard-baseline.json");
        assertEquals(0, unchanged.exitCode(), unchanged.toString());

        String wider = Services.WITH_ERRORS.replace("""
                                  Resource: '*'
                        """, """
                                  Resource: '*'
                                - Effect: Allow
                                  Action: '*'
                                  Resource: 'arn:aws:s3:::uploads/*'
                        """);
        assertTrue(!wider.equals(Services.WITH_ERRORS));
        Files.writeString(dir.resolve("svc/serverless.yml"), wider);
        Run changed = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "slsguard-baseline.json");
        assertEquals(1, changed.exitCode(), changed.toString());
        List<String> fresh = changed.out().lines().filter(l -> l.startsWith("new: ")).toList();
        assertEquals(List.of("new: svc/serverless.yml:15:19 SLS-IAM-001"), fresh, changed.out());
    }

    @Test
    void identityIgnoresItemsAddedAboveAndLineNumbers() throws Exception {
        String before = """
                provider:
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: '*'
                """;
        String after = """
                # a comment moves every line down
                provider:
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: 's3:GetObject'
                        - Effect: Allow
                          Action: '*'
                """;
        Files.writeString(dir.resolve("before.yml"), before);
        Files.writeString(dir.resolve("after.yml"), after);
        var limits = dev.slsguard.engine.source.Limits.DEFAULT;
        var rootBefore = dev.slsguard.engine.source.YamlLoader.load(dir.resolve("before.yml"), "s.yml", limits).root();
        var rootAfter = dev.slsguard.engine.source.YamlLoader.load(dir.resolve("after.yml"), "s.yml", limits).root();
        var old = new dev.slsguard.engine.model.Finding("SLS-X-1", dev.slsguard.engine.model.Severity.ERROR, "m",
                new dev.slsguard.engine.model.SourceRef("s.yml", 6, 11, "/provider/iam/role/statements/0/Action"), "f");
        var moved = new dev.slsguard.engine.model.Finding("SLS-X-1", dev.slsguard.engine.model.Severity.ERROR,
                "m (line 9)", new dev.slsguard.engine.model.SourceRef("./s.yml", 9, 11,
                "/provider/iam/role/statements/1/Action"), "g");
        var added = new dev.slsguard.engine.model.Finding("SLS-X-1", dev.slsguard.engine.model.Severity.ERROR, "m",
                new dev.slsguard.engine.model.SourceRef("s.yml", 7, 11, "/provider/iam/role/statements/0/Action"), "h");
        assertEquals(Baseline.identity(old, rootBefore), Baseline.identity(moved, rootAfter));
        assertTrue(!Baseline.identity(old, rootBefore).equals(Baseline.identity(added, rootAfter)));
        Baseline baseline = Baseline.of(List.of(old), rootBefore);
        assertEquals(List.of(added), baseline.newFindings(List.of(added, moved), rootAfter));
    }

    @Test
    void aFileThatIsNotABaselineIsAUsageError() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Files.writeString(dir.resolve("other.json"), "{\"findings\": 3}");
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "other.json");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("slsguard: --baseline other.json: not a slsguard baseline"), run.err());
    }
}
