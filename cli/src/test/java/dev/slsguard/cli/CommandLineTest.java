package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage and invocation errors: none of these needs the pipeline. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void versionComesFromTheBuild() {
        Run run = Run.in(dir, "--version");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("slsguard \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), run.out());
    }

    @Test
    void helpListsBothCommandsAndExitsZero() {
        Run run = Run.in(dir, "--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("check"), run.out());
        assertTrue(run.out().contains("compile"), run.out());
        Run sub = Run.in(dir, "check", "--help");
        assertEquals(0, sub.exitCode(), sub.toString());
        for (String option : new String[] {"--stage", "--region", "--param", "--rules", "--output", "--format",
                "--fail-on", "--debug"}) {
            assertTrue(sub.out().contains(option), option + " in\n" + sub.out());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = Run.in(dir);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("slsguard: missing command", run.errLines().get(0));
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = Run.in(dir, "check", "--frobnicate");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.errLines().get(0).startsWith("slsguard: Unknown option: '--frobnicate'"), run.err());
        assertEquals("Try 'slsguard check --help' for more information.", run.errLines().get(1));
        assertEquals("", run.out());
    }

    @Test
    void ruleTimeoutOutOfRangeIsAUsageErrorInItsOwnWords() {
        Run run = Run.in(dir, "compile", "--rule-timeout", "0");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("slsguard: --rule-timeout 0: give a number of seconds from 1 to 86400", run.errLines().get(0));
        assertEquals("Try 'slsguard compile --help' for more information.", run.errLines().get(1));
    }

    @Test
    void badFormatAndFailOnValuesAreUsageErrors() {
        assertEquals(2, Run.in(dir, "check", "--format", "xml").exitCode());
        assertEquals(2, Run.in(dir, "check", "--fail-on", "sometimes").exitCode());
        assertEquals(2, Run.in(dir, "compile", "--param", "noequals").exitCode());
        assertEquals(2, Run.in(dir, "check", "a", "b").exitCode());
    }

    @Test
    void missingPathIsOneLine() {
        Run run = Run.in(dir, "check", "no-such-service");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("slsguard: "), run.err());
        assertTrue(run.err().contains("no-such-service"), run.err());
        assertTrue(run.err().contains("no such file or directory"), run.err());
    }

    @Test
    void directoryWithoutConfigurationIsOneLine() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Run run = Run.in(dir, "compile", "empty");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("slsguard: "), run.err());
        assertTrue(run.err().contains("no serverless.yml"), run.err());
    }

    @Test
    void javascriptConfigurationIsExplained() throws Exception {
        Files.writeString(dir.resolve("serverless.js"), "module.exports = {};\n");
        Run run = Run.in(dir, "check");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("serverless.js"), run.err());
    }

    @Test
    void refusesToOverwriteTheConfigurationFile() throws Exception {
        // a JSON configuration that happens to carry the template's name, with --output beside it
        String config = "{\"service\": \"x\", \"provider\": {\"name\": \"aws\"}}\n";
        Files.writeString(dir.resolve(Invocation.TEMPLATE_FILE), config);
        Run run = Run.in(dir, "compile", Invocation.TEMPLATE_FILE, "--output", ".");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("slsguard: refusing to write cloudformation-template.json"), run.err());
        assertEquals(config, Files.readString(dir.resolve(Invocation.TEMPLATE_FILE)));
    }

    @Test
    void outputThatIsAFileIsRefused() throws Exception {
        Services.write(dir.resolve("svc"), Services.CLEAN);
        Files.writeString(dir.resolve("taken"), "x");
        Run run = Run.in(dir, "check", "svc", "--output", "taken");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("is not a directory"), run.err());
    }

    @Test
    void rulesDirectoryMustExist() {
        Services.write(dir.resolve("svc"), Services.CLEAN);
        Run run = Run.in(dir, "check", "svc", "--rules", "no-such-pack");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(java.util.List.of("slsguard: --rules no-such-pack: not a directory"), run.errLines());
        assertFalse(Files.exists(dir.resolve("svc/.slsguard")), "nothing written on error");
    }
}
