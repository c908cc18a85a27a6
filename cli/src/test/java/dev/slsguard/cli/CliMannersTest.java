package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Command-line manners users know from checkov and cfn-lint (issue 13, point 5). */
class CliMannersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<String> ruleIds(Run run) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(run.out()).get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    @Test
    void explainIgnoresCaseAndFindsARuleByItsPeerId() {
        Run lower = Run.in(dir, "explain", "sls-iam-101");
        assertEquals(0, lower.exitCode(), lower.toString());
        assertTrue(lower.out().startsWith("SLS-IAM-101: "), lower.out());

        Run peer = Run.in(dir, "explain", "CKV_AWS_49");
        assertEquals(0, peer.exitCode(), peer.toString());
        assertTrue(peer.out().contains("checkov:CKV_AWS_49"), peer.out());
        assertTrue(peer.out().lines().anyMatch(l -> l.matches("SLS-[A-Z]+-\\d+: .*")), peer.out());
        assertEquals(peer.out(), Run.in(dir, "explain", "checkov:ckv_aws_49").out());

        Run unknown = Run.in(dir, "explain", "CKV_AWS_NOPE");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.errLines().size(), unknown.toString());
    }

    @Test
    void ruleAndSkipRuleSelectFindingsByIdGlobOrPeerId() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        List<String> all = ruleIds(Run.in(dir, "check", "svc", "--output", "out", "--format", "json"));
        assertTrue(all.contains("SLS-IAM-002"), all.toString());
        assertTrue(all.stream().distinct().count() >= 2, all.toString());

        List<String> only = ruleIds(Run.in(dir, "check", "svc", "--output", "out", "--format", "json",
                "--rule", "sls-iam-002"));
        assertEquals(List.of("SLS-IAM-002"), only.stream().distinct().toList());

        List<String> byPeer = ruleIds(Run.in(dir, "check", "svc", "--output", "out", "--format", "json",
                "--rule", "CKV_AWS_1"));
        assertTrue(byPeer.contains("SLS-IAM-002"), byPeer.toString());
        assertTrue(byPeer.size() < all.size(), byPeer.toString());

        List<String> skipped = ruleIds(Run.in(dir, "check", "svc", "--output", "out", "--format", "json",
                "--skip-rule", "SLS-IAM-*"));
        assertFalse(skipped.isEmpty());
        assertTrue(skipped.stream().noneMatch(id -> id.startsWith("SLS-IAM-")), skipped.toString());
        assertEquals(all.stream().filter(id -> !id.startsWith("SLS-IAM-")).toList().size(), skipped.size());
        List<String> skippedPeer = ruleIds(Run.in(dir, "check", "svc", "--output", "out", "--format", "json",
                "--skip-rule", "checkov:ckv_aws_1"));
        assertFalse(skippedPeer.contains("SLS-IAM-002"), skippedPeer.toString());
        assertTrue(skippedPeer.contains(all.stream().filter(id -> !id.startsWith("SLS-IAM-")).findFirst().orElseThrow()));
    }

    @Test
    void junitFailuresFollowFailOn() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS.replace("  timeout: 120",
                "  timeout: 120\n  lambdaHashingVersion: '20201221'"));
        Run errorsOnly = Run.in(dir, "check", "svc", "--output", "out", "--format", "junit");
        Run never = Run.in(dir, "check", "svc", "--output", "out", "--format", "junit", "--fail-on", "never");
        Run warnings = Run.in(dir, "check", "svc", "--output", "out", "--format", "junit", "--fail-on", "warning");
        JsonNode json = JSON.readTree(Run.in(dir, "check", "svc", "--output", "out", "--format", "json").out());
        int errors = json.at("/summary/errors").asInt();
        int warningCount = json.at("/summary/warnings").asInt();
        assertTrue(errors > 0 && warningCount > 0, json.toString());
        assertEquals(String.valueOf(errors), failures(errorsOnly));
        assertEquals("0", failures(never));
        assertEquals(0, never.exitCode());
        assertEquals(String.valueOf(errors + warningCount), failures(warnings));
    }

    private static String failures(Run run) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        return root.getAttribute("failures");
    }

    @Test
    void compileExitsZeroWheneverItWroteATemplate() {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(dir, "compile", "svc", "--output", "out");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/cloudformation-template.json")));
        assertEquals(1, Run.in(dir, "check", "svc", "--output", "out").exitCode());
    }

    @Test
    void aMissingBaselineIsOneLineWithoutAnExceptionName() {
        Services.write(dir.resolve("svc"), Services.CLEAN);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "nothing-here.json");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("slsguard: --baseline nothing-here.json: no such file (write one with --write-baseline)"),
                run.errLines());
    }

    @Test
    void withABaselineEverySarifResultHasItsBaselineStateAndGoneOnesAreAbsent() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        assertEquals(1, Run.in(dir, "check", "svc", "--output", "out", "--write-baseline", "base.json").exitCode());
        // the wildcard statement goes, a long timeout comes
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS
                .replace("Action: '*'", "Action: sqs:SendMessage")
                .replace("Resource: '*'", "Resource: !GetAtt WorkQueue.Arn")
                .replace("handler: handler.worker", "handler: handler.worker\n    memorySize: 10241"));
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--baseline", "base.json", "--format", "sarif",
                "--fail-on", "never");
        JsonNode results = JSON.readTree(run.out()).at("/runs/0/results");
        List<String> states = new ArrayList<>();
        results.forEach(r -> states.add(r.path("baselineState").asText("missing")));
        assertFalse(states.contains("missing"), states.toString());
        assertTrue(states.contains("unchanged"), states.toString());
        assertTrue(states.contains("absent"), states.toString());
        List<String> absentRules = new ArrayList<>();
        results.forEach(r -> {
            if (r.get("baselineState").asText().equals("absent")) {
                absentRules.add(r.get("ruleId").asText());
            }
        });
        assertTrue(absentRules.contains("SLS-IAM-002"), absentRules.toString());
        assertTrue(states.contains("new"), states.toString());

        // without a baseline, no state at all
        Run plain = Run.in(dir, "check", "svc", "--output", "out", "--format", "sarif", "--fail-on", "never");
        JSON.readTree(plain.out()).at("/runs/0/results").forEach(r -> assertFalse(r.has("baselineState")));
    }
}
