package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slsguard rules test org-rules}: the sample org pack passes its fixtures, and a broken copy does not. */
class OrgRulesPackTest {

    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    @TempDir
    Path copy;

    private record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private static Result run(Path workingDir, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), workingDir, Map.of());
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void samplePackPassesItsFixtures() {
        Result result = run(SAMPLES, "rules", "test", "org-rules");
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertEquals("", result.stderr());
        List<String> lines = result.lines();
        assertTrue(lines.contains("PASS  required-tags/bad  [ORG-TAG-001]"), result.stdout());
        assertTrue(lines.contains("PASS  api-authorizers/bad  [ORG-API-001, ORG-API-002]"), result.stdout());
        assertTrue(lines.contains("PASS  failure-destinations/good  [silent]"), result.stdout());
        assertTrue(lines.contains("PASS  platform.yml: a service outside the allowed regions, on old runtimes"
                + "  [ORG-REG-001, ORG-RUN-001]"), result.stdout());
        assertEquals("17 fixtures, 9 rules: 17 passed, 0 failed", lines.get(lines.size() - 1));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("FAIL") || l.startsWith("note:")), result.stdout());
    }

    @Test
    void everySampleRuleHasABadAndAGoodFixture() throws IOException {
        Path tests = SAMPLES.resolve("org-rules/tests");
        try (Stream<Path> topics = Files.list(tests)) {
            // tests/services holds the services tests/platform.yml names, not a topic
            List<Path> dirs = topics.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().equals("services")).sorted().toList();
            assertTrue(dirs.size() >= 7, dirs.toString());
            for (Path topic : dirs) {
                assertTrue(Files.isRegularFile(topic.resolve("bad/serverless.yml")), topic.toString());
                assertTrue(Files.isRegularFile(topic.resolve("good/serverless.yml")), topic.toString());
                assertTrue(Files.readString(topic.resolve("bad/serverless.yml")).contains("# expect: ORG-"), topic.toString());
                assertTrue(!Files.readString(topic.resolve("good/serverless.yml")).contains("# expect:"), topic.toString());
            }
        }
    }

    @Test
    void aBrokenRuleFailsNamingTheFixtureAndTheMissingFinding() throws IOException {
        Path pack = copyPack();
        Path platform = pack.resolve("platform.drl");
        // the platform team drops java21 from the allowed runtimes by mistake
        Files.writeString(platform, Files.readString(platform).replace(
                "List.of(\"nodejs22.x\", \"python3.12\", \"java21\")", "List.of(\"nodejs22.x\", \"python3.12\")"));
        // and the boundary rule stops firing
        Path iam = pack.resolve("iam.drl");
        Files.writeString(iam, Files.readString(iam).replace("!hasBoundary(this))", "!hasBoundary(this), false)"));

        Result result = run(copy, "rules", "test", "org-rules");
        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        String out = result.stdout();
        assertTrue(out.contains("FAIL  permissions-boundary/bad  [ORG-IAM-001] "
                + "(org-rules/tests/permissions-boundary/bad/serverless.yml)\n"
                + "        missing finding: ORG-IAM-001 at line 2\n"), out);
        assertTrue(out.contains("FAIL  allowed-runtimes/good  [silent] "
                + "(org-rules/tests/allowed-runtimes/good/serverless.yml)\n"
                + "        unexpected finding: ORG-RUN-001 at line 19 - Function report uses runtime java21,"
                + " which is not allowed; use nodejs22.x, python3.12 or java21.\n"), out);
        assertTrue(out.contains("FAIL  allowed-runtimes/bad  [ORG-RUN-001] "
                + "(org-rules/tests/allowed-runtimes/bad/serverless.yml)\n"
                + "        unexpected finding: ORG-RUN-001 at line 23 - Function export"), out);
        assertTrue(out.contains("PASS  allowed-regions/bad  [ORG-REG-001]"), out);
        assertTrue(out.contains("FAIL  platform.yml: allowed region and runtime  [ORG-REG-001, ORG-RUN-001] "
                + "(org-rules/tests/platform.yml:38)\n"
                + "        ORG-RUN-001: expected 0 findings, got 1 (line 4)\n"), out);
        assertTrue(out.endsWith("17 fixtures, 9 rules: 13 passed, 4 failed\n"), out);
    }

    private Path copyPack() throws IOException {
        Path source = SAMPLES.resolve("org-rules");
        Path target = copy.resolve("org-rules");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.sorted().toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
