package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.vars.VariableOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The least-privilege pack through the whole pipeline on the parity corpus: parity case 21's
 * declared wildcards are reported at the offending entry, and no least-privilege finding ever
 * points at a statement Serverless Framework derives or adds itself (origin derived or core).
 */
class LeastPrivilegeCasesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void case21DeclaredWildcardsAreReportedAtTheirEntries() throws IOException {
        List<String> findings = check("21-iam-wildcards-region-stage").stream()
                .filter(f -> f.matches("SLS-IAM-0[0-4]\\d .*")).toList();
        assertEquals(List.of(
                "SLS-IAM-008 note 18:3", // provider.iam: ingest and quiet share the role with 8 hand-written statements
                "SLS-IAM-006 error 24:11", // managedPolicies: - arn:aws:iam::aws:policy/AdministratorAccess
                "SLS-IAM-002 error 35:19", // Action: '*' with Resource: '*'
                "SLS-IAM-004 error 55:11"), // NotAction: [iam:*] in an Allow: every other action
                findings);
    }

    @Test
    void case21FindingsAreAboutTheDeclaredStatementsNotTheVpcPolicyV3Attaches() throws IOException {
        Analysis analysis = analyse("21-iam-wildcards-region-stage");
        List<IamStatement> vpc = analysis.statements().stream()
                .filter(s -> s.source().equals(IamStatement.MANAGED_POLICY_PREFIX
                        + "service-role/AWSLambdaVPCAccessExecutionRole")).toList();
        assertFalse(vpc.isEmpty(), "the VPC policy v3 attaches is expanded");
        assertTrue(vpc.stream().allMatch(s -> s.origin().equals(IamStatement.CORE)), vpc.toString());
        assertTrue(vpc.stream().anyMatch(s -> s.actions().contains("ec2:CreateNetworkInterface")), vpc.toString());
        String vpcPointer = vpc.get(0).ref().pointer();
        assertTrue(leastPrivilege(analysis).stream().noneMatch(f -> f.location().pointer().startsWith(vpcPointer)));
        // the Action "*" finding points into the first declared statement
        Finding admin = leastPrivilege(analysis).stream().filter(f -> f.ruleId().equals("SLS-IAM-002")).findFirst()
                .orElseThrow();
        assertEquals("/provider/iam/role/statements/0/Action", admin.location().pointer());
        assertEquals(IamStatement.DECLARED, statementAt(analysis, admin).orElseThrow().origin());
    }

    static List<String> cases() throws IOException {
        return PipelineParityTest.cases();
    }

    /**
     * Calibration: in every parity case, no least-privilege finding lies inside (or at the line
     * that caused) a derived or core statement; every finding inside a statement is inside an
     * analysed one (declared, managed, resource).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void noLeastPrivilegeFindingOnAStatementV3Writes(String name) throws IOException {
        Analysis analysis = analyse(name);
        List<IamStatement> automatic = analysis.statements().stream().filter(IamStatement::automatic).toList();
        for (Finding finding : leastPrivilege(analysis)) {
            String at = finding.ruleId() + " at " + finding.location() + " " + finding.location().pointer();
            for (IamStatement s : automatic) {
                boolean sameLine = s.ref().line() == finding.location().line()
                        && s.ref().file().equals(finding.location().file());
                assertFalse(sameLine || within(finding, s), at + " points at " + s.origin() + " statement " + s.document()
                        + " from " + s.source());
            }
            statementAt(analysis, finding).ifPresent(s -> assertFalse(s.automatic(), at + " is on " + s.origin()));
        }
    }

    @Test
    void theCalibrationCorpusHasAutomaticStatementsAndFindings() throws IOException {
        // the calibration above is not vacuous: the corpus has both xray/vpc-style automatic grants and findings
        Analysis case21 = analyse("21-iam-wildcards-region-stage");
        assertTrue(case21.statements().stream().anyMatch(s -> s.origin().equals(IamStatement.DERIVED)));
        assertTrue(case21.statements().stream().anyMatch(s -> s.origin().equals(IamStatement.CORE)
                && s.resources().stream().anyMatch(r -> r.literal().filter("*"::equals).isPresent())));
        assertTrue(leastPrivilege(case21).size() >= 4);
    }

    private static boolean within(Finding finding, IamStatement s) {
        String p = s.ref().pointer();
        String f = finding.location().pointer();
        return !p.isEmpty() && (f.equals(p) || f.startsWith(p + "/"));
    }

    /** The analysed statement whose map (or ARN entry) holds the finding's location, if any. */
    private static java.util.Optional<IamStatement> statementAt(Analysis analysis, Finding finding) {
        return analysis.statements().stream().filter(s -> within(finding, s))
                .max(java.util.Comparator.comparingInt(s -> s.ref().pointer().length()));
    }

    private static List<Finding> leastPrivilege(Analysis analysis) {
        Set<String> ids = analysis.rules().stream().filter(r -> r.packName().equals("least-privilege"))
                .map(RuleInfo::id).collect(Collectors.toSet());
        return analysis.findings().stream().filter(f -> ids.contains(f.ruleId())).toList();
    }

    private Analysis analyse(String name) throws IOException {
        Path service = write(name);
        return PipelineFactory.create(List.of()).run(service.resolve("serverless.yml"), name + "/serverless.yml",
                VariableOptions.none());
    }

    private Path write(String name) throws IOException {
        Path service = Files.createDirectories(dir.resolve(name));
        try (InputStream in = LeastPrivilegeCasesTest.class.getResourceAsStream("/parity/" + name + "/serverless.yml")) {
            if (in == null) {
                throw new IOException("missing test resource parity/" + name);
            }
            Files.write(service.resolve("serverless.yml"), in.readAllBytes());
        }
        return service;
    }

    private List<String> check(String name) throws IOException {
        write(name);
        Run run = Run.in(dir, "check", name, "--format", "json", "--output", "out");
        JsonNode report = MAPPER.readTree(run.out());
        List<String> findings = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            JsonNode at = f.get("location");
            findings.add(f.get("ruleId").asText() + " " + f.get("severity").asText() + " "
                    + at.get("line").asInt() + ":" + at.get("column").asInt());
        }
        return findings;
    }
}
