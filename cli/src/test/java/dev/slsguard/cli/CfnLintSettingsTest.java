package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfn-lint:} in {@code .slsguard.yml}, {@code --cfn-lint} on the command line, and the pinned image. */
class CfnLintSettingsTest {

    @TempDir
    Path dir;

    private Run check(String config, String... args) throws Exception {
        Services.write(dir.resolve("svc"), Services.CLEAN);
        Files.writeString(dir.resolve("svc/.slsguard.yml"), config);
        List<String> all = new java.util.ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        return Run.in(dir, all.toArray(String[]::new));
    }

    @Test
    void settingsAreReadFromTheFile() throws Exception {
        Path file = Services.write(dir.resolve("svc"), Services.CLEAN).resolve(".slsguard.yml");
        Files.writeString(file, """
                cfn-lint:
                  mode: local
                  path: tools/cfn-lint
                  image: registry.example.com/cfn-lint:1
                  args: [--ignore-checks, W3005, --regions, eu-west-1]
                  timeout: 2.5
                """);
        CfnLintSettings settings = ProjectConfigReader.read(file, ".slsguard.yml").cfnLint().orElseThrow();
        assertEquals(CfnLintSettings.Mode.LOCAL, settings.mode());
        assertEquals(dir.resolve("svc/tools/cfn-lint").toString(), settings.executable().orElseThrow());
        assertEquals("registry.example.com/cfn-lint:1", settings.image().orElseThrow());
        assertEquals(List.of("--ignore-checks", "W3005", "--regions", "eu-west-1"), settings.args());
        assertEquals(2500, settings.timeout().toMillis());
        Files.writeString(file, "cfn-lint: container\n");
        assertEquals(CfnLintSettings.Mode.CONTAINER,
                ProjectConfigReader.read(file, ".slsguard.yml").cfnLint().orElseThrow().mode());
        Files.writeString(file, "cfn-lint: false\n");
        assertEquals(CfnLintSettings.Mode.OFF,
                ProjectConfigReader.read(file, ".slsguard.yml").cfnLint().orElseThrow().mode());
    }

    @Test
    void mistakesAreErrorsAtTheirLine() throws Exception {
        Run mode = check("cfn-lint: sometimes\n", "svc");
        assertEquals(2, mode.exitCode());
        assertEquals("slsguard: svc/.slsguard.yml:1:11: cfn-lint: 'sometimes' is not one of auto, local, container,"
                + " off\n", mode.err());
        Run key = check("cfn-lint:\n  mode: local\n  executable: cfn-lint\n", "svc");
        assertEquals(2, key.exitCode());
        assertTrue(key.err().startsWith("slsguard: svc/.slsguard.yml:3:3: unknown setting 'cfn-lint.executable'"),
                key.err());
        Run timeout = check("cfn-lint:\n  timeout: soon\n", "svc");
        assertEquals(2, timeout.exitCode());
        assertTrue(timeout.err().startsWith("slsguard: svc/.slsguard.yml:2:12: cfn-lint.timeout: expected a number"
                + " of seconds"), timeout.err());
    }

    @Test
    void aModeOnTheCommandLineIsNotTakenForAPath() throws Exception {
        Run run = check("", "--cfn-lint", "svc", "--output", "out");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/cloudformation-template.json")), run.toString());
        Run bad = check("", "--cfn-lint=never", "svc");
        assertEquals(2, bad.exitCode(), bad.toString());
    }

    @Test
    void cfnLintIdsAreAcceptedInDisableAndSeverity() throws Exception {
        Run run = check("disable:\n  - cfn-lint:W3005\nseverity:\n  cfn-lint:E3012: warning\n", "svc", "--output", "out");
        assertEquals(0, run.exitCode(), run.toString());
        Run typo = check("disable:\n  - SLS-NOPE-001\n", "svc", "--output", "out");
        assertEquals(2, typo.exitCode(), "other unknown ids are still typos");
    }

    @Test
    void theDockerfilePinsCfnLintToTheVersionOfSlsguardsData() {
        assertTrue(ContainerCfnLint.dockerfile().contains("pip install --no-cache-dir \"cfn-lint==${CFN_LINT_VERSION}\""));
        assertEquals("slsguard/cfn-lint:" + CfnLintRules.pinnedVersion(), ContainerCfnLint.pinnedImage());
        assertEquals("1.51.0", CfnLintRules.pinnedVersion());
    }
}
