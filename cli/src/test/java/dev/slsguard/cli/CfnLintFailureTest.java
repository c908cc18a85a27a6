package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cfn-lint that is missing, fails, hangs or prints garbage: each is one clear line (an error
 * finding {@code cfn-lint:run} at the service's {@code service} key, no stack trace), and the rest of
 * the report is what it is without cfn-lint. The cfn-lint executables are tiny shell scripts written
 * by the test and configured as {@code cfn-lint.path}.
 */
class CfnLintFailureTest {

    @TempDir
    Path dir;

    /** The text report's finding lines without cfn-lint. */
    private List<String> withoutCfnLint;

    @BeforeEach
    void setUp() {
        assumeFalse(File.separatorChar == '\\', "the fake cfn-lint executables are shell scripts");
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(dir, "check", "svc", "--output", "out");
        assertEquals(1, run.exitCode(), run.toString());
        withoutCfnLint = findingLines(run);
    }

    private Path script(String name, String body) throws Exception {
        Path file = dir.resolve("bin").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Run checkWith(String cfnLintSettings) throws Exception {
        Files.writeString(dir.resolve("svc/.slsguard.yml"), cfnLintSettings);
        return Run.in(dir, "check", "svc", "--output", "out");
    }

    private static List<String> findingLines(Run run) {
        return run.out().lines().filter(l -> l.startsWith("svc/serverless.yml:")).toList();
    }

    /** Exactly one cfn-lint line, an error at the service key saying {@code why}; every other finding as before. */
    private void assertOneClearLine(Run run, String why) {
        List<String> lines = findingLines(run);
        List<String> cfnLint = lines.stream().filter(l -> l.contains("cfn-lint")).toList();
        assertEquals(1, cfnLint.size(), run.toString());
        assertTrue(cfnLint.get(0).startsWith("svc/serverless.yml:1:1 error cfn-lint:run cfn-lint did not run to the end: "),
                cfnLint.get(0));
        assertTrue(cfnLint.get(0).contains(why), cfnLint.get(0));
        assertEquals(withoutCfnLint, lines.stream().filter(l -> !l.contains("cfn-lint")).toList(), "the rest stands");
        assertEquals("", run.err(), "no stack trace, nothing else on stderr");
        assertEquals(1, run.exitCode());
        assertTrue(Files.isRegularFile(dir.resolve("out/slsguard.sarif")), "the reports are written");
    }

    @Test
    void missingExecutableIsOneLine() throws Exception {
        Run run = checkWith("cfn-lint:\n  mode: local\n  path: ../bin/no-such-cfn-lint\n");
        assertOneClearLine(run, "no-such-cfn-lint (cfn-lint.path) does not exist");
    }

    @Test
    void failingExecutableIsOneLineWithItsLastErrorLine() throws Exception {
        Path failing = script("failing", """
                echo 'Traceback (most recent call last):' >&2
                echo '  File "cfnlint/runner.py", line 1, in run' >&2
                echo 'KeyError: Resources' >&2
                exit 1""");
        Run run = checkWith("cfn-lint:\n  mode: local\n  path: " + failing + "\n");
        assertOneClearLine(run, "failed with exit code 1: 'KeyError: Resources'");
    }

    @Test
    void hangingExecutableIsStoppedAtItsTimeout() throws Exception {
        Path marker = dir.resolve("still-running");
        Path hanging = script("hanging", "sleep 30\ntouch " + marker);
        Run run = checkWith("cfn-lint:\n  mode: local\n  path: " + hanging + "\n  timeout: 1\n");
        assertOneClearLine(run, "did not finish within 1 s and was stopped");
        Thread.sleep(300);
        assertFalse(Files.exists(marker), "the script was killed, not left running");
    }

    @Test
    void garbageOutputIsOneLine() throws Exception {
        Path garbage = script("garbage", "echo '<html><body>502 Bad Gateway</body></html>'");
        Run run = checkWith("cfn-lint:\n  mode: local\n  path: " + garbage + "\n");
        assertOneClearLine(run, "printed something that is not cfn-lint's JSON report (its output is not JSON:"
                + " '<html><body>502 Bad Gateway</body></html>')");
    }

    @Test
    void autoWithoutCfnLintOrDockerIsOneNoteForTheWholeRun() {
        assumeFalse(ContainerCfnLint.dockerAvailable(), "a Docker engine runs here: auto would use the container");
        Services.write(dir.resolve("other"), Services.CLEAN);
        Run run = Run.in(dir, Map.of("PATH", dir.resolve("bin").toString()), "check", "svc", "other", "--output",
                "out", "--cfn-lint");
        assertEquals(List.of("slsguard: note: cfn-lint was not run: there is no cfn-lint executable on the PATH and no"
                + " Docker engine for the container (install it with pip install cfn-lint, or set cfn-lint: off in"
                + " .slsguard.yml)"), run.errLines());
        assertEquals(withoutCfnLint, findingLines(run));
        assertEquals(1, run.exitCode(), "as without cfn-lint");
    }

    @Test
    void offByDefaultAndOnTheCommandLine() throws Exception {
        Path garbage = script("cfn-lint", "echo garbage");
        Map<String, String> env = Map.of("PATH", garbage.getParent().toString());
        assertEquals(withoutCfnLint, findingLines(Run.in(dir, env, "check", "svc", "--output", "out")),
                "not run without being asked for");
        Files.writeString(dir.resolve("svc/.slsguard.yml"), "cfn-lint: local\n");
        assertEquals(withoutCfnLint, findingLines(Run.in(dir, env, "check", "svc", "--output", "out",
                "--cfn-lint=off")), "--cfn-lint=off wins over the file");
        assertOneClearLine(Run.in(dir, env, "check", "svc", "--output", "out"), "printed something");
    }
}
