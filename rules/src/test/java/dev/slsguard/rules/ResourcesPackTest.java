package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.rules.Risk;
import dev.slsguard.engine.rules.RuleInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the resources pack's findings say and how severe they are, beyond the fixtures' (rule, line) pairs. */
class ResourcesPackTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ResourcesPackTest.class.getResource("/fixtures/resources/" + name + "/serverless.yml").toURI());
    }

    private static List<Finding> findings(String name, String ruleId) throws URISyntaxException {
        return TestPipeline.analyse(fixture(name)).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /**
     * At least 40 checks name a peer's id. Security rules name their risk (which carries the
     * {@code security} tag and the score), the others neither; public access and secrets in the
     * template fail the gate, missing encryption warns, hygiene notes.
     */
    @Test
    void securitySeverityFollowsTheRisk() {
        List<RuleInfo> rules = TestPipeline.rules().rules().stream().filter(r -> r.packName().equals("resources")).toList();
        long withPeers = rules.stream()
                .filter(r -> r.tags().stream().anyMatch(t -> t.matches("(checkov|cfn_nag|cfn-lint):.+"))).count();
        assertTrue(withPeers >= 40, "resources rules with a checkov, cfn_nag or cfn-lint id: " + withPeers);
        for (RuleInfo rule : rules) {
            assertEquals(rule.tags().contains("security"), rule.securityRisk().isPresent(), rule.id() + " " + rule.tags());
        }
        assertEquals(Risk.PUBLIC_ACCESS, risk(rules, "SLS-RES-001"));
        assertEquals(Risk.NETWORK_EXPOSURE, risk(rules, "SLS-RES-060"));
        assertEquals(Risk.CREDENTIAL_EXPOSURE, risk(rules, "SLS-RES-043"));
        assertEquals(Risk.UNENCRYPTED, risk(rules, "SLS-RES-030"));
        assertEquals(Severity.WARNING, Risk.UNENCRYPTED.level());
    }

    private static Risk risk(List<RuleInfo> rules, String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().securityRisk().orElseThrow();
    }

    /** The value written on a finding's line: after the key's colon, before a comment, without quotes. */
    private static String valueOnLine(Path file, int line) throws IOException {
        String text = Files.readAllLines(file).get(line - 1);
        String value = text.substring(text.indexOf(':') + 1);
        int comment = value.indexOf(" #");
        value = (comment >= 0 ? value.substring(0, comment) : value).trim();
        return value.replaceAll("^['\"]|['\"]$", "");
    }

    @Test
    void credentialsWrittenIntoTheFileAreNeverRepeated() throws IOException, URISyntaxException {
        int checked = 0;
        for (String name : List.of("databases-exposed", "data-services-exposed", "keys-and-secrets-exposed")) {
            Path file = fixture(name);
            List<Finding> all = TestPipeline.analyse(file).findings();
            for (Finding credential : all) {
                if (!credential.ruleId().equals("SLS-RES-043") && !credential.ruleId().equals("SLS-RES-075")) {
                    continue;
                }
                String secret = valueOnLine(file, credential.location().line());
                assertTrue(secret.length() >= 8, "not a credential line: " + credential);
                assertTrue(credential.message().contains("value not shown"), credential.message());
                for (Finding f : all) {
                    assertFalse(f.message().contains(secret), f.ruleId() + " repeats a credential: " + f.message());
                }
                checked++;
            }
        }
        assertEquals(9, checked, "credentials in the fixtures");
    }

    @Test
    void theDatabasesOfTheIssueAreErrors() throws URISyntaxException {
        List<Finding> publicDbs = findings("databases-exposed", "SLS-RES-040");
        List<Finding> passwords = findings("databases-exposed", "SLS-RES-043");
        List<Finding> openGroup = findings("databases-exposed", "SLS-RES-060");
        assertEquals(3, publicDbs.size());
        assertEquals(4, passwords.size());
        assertEquals(1, openGroup.size());
        for (Finding f : List.of(publicDbs, passwords, openGroup).stream().flatMap(List::stream).toList()) {
            assertEquals(Severity.ERROR, f.severity(), f.toString());
        }
    }

    @Test
    void aMessageNamesTheResourceThePropertyAndTheFix() throws URISyntaxException {
        Finding primary = findings("databases-exposed", "SLS-RES-040").get(0);
        assertEquals("DB instance Primary is reachable from the internet (PubliclyAccessible: true); remove it and run"
                + " the functions that use the database in its VPC", primary.message());
        assertEquals("/resources/Resources/Primary/Properties/PubliclyAccessible", primary.location().pointer());

        Finding partner = findings("policy-statements-wide", "SLS-RES-011").get(0);
        assertEquals("statement 2 of bucket policy ReportsPolicy grants account 444455556666, written as a literal id;"
                + " if it is this stack's account write it as ${AWS::AccountId}, otherwise grant the role that needs"
                + " access with a condition such as aws:PrincipalOrgID", partner.message());
    }

    /** A resource of an included file is reported at its own line there (issue 12, point 6). */
    @Test
    void resourcesFromAnIncludedFileAreReportedInThatFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), """
                service: included
                frameworkVersion: '3'
                configValidationMode: error
                provider:
                  name: aws
                  runtime: nodejs20.x
                resources: ${file(./resources/database.yml)}
                """);
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("resources/database.yml"), """
                Resources:
                  Orders:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      DBInstanceClass: db.t3.micro
                      StorageEncrypted: true
                      DeletionProtection: true
                      PubliclyAccessible: true
                """);
        List<Finding> found = TestPipeline.analyse(dir.resolve("serverless.yml")).findings().stream()
                .filter(f -> f.ruleId().startsWith("SLS-RES-")).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals("SLS-RES-040", found.get(0).ruleId());
        assertEquals("resources/database.yml", found.get(0).location().file());
        assertEquals(9, found.get(0).location().line());
    }

    @Test
    void aGeneratedBucketIsReportedAtItsEventWithWhereToMergeTheFix() throws URISyntaxException {
        Finding photos = findings("buckets-from-events", "SLS-RES-024").get(0);
        assertEquals("/functions/thumbnail/events/0", photos.location().pointer());
        assertEquals("bucket S3BucketPhotos (created by Serverless Framework) triggers work on"
                + " its objects but keeps no versions, so an object overwritten or deleted before it is processed is"
                + " lost; set resources.Resources.S3BucketPhotos.Properties.VersioningConfiguration: {Status: Enabled}"
                + " with a lifecycle rule for old versions", photos.message());
        assertEquals(Severity.NOTE, photos.severity());
    }
}
