package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input slsguard cannot analyse: each ends with exactly one line on stderr naming the file and
 * line, exit code 2, no stack trace, nothing on stdout.
 */
class BadInputTest {

    private static final Pattern ONE_LINE = Pattern.compile("slsguard: (\\S+?):(\\d+):(\\d+): \\S.*");

    @TempDir
    Path dir;

    /** Runs check on {@code dir} and returns the line number the error names. */
    private int expectOneLine(String file, String... extraArgs) {
        String[] args = new String[2 + extraArgs.length];
        args[0] = "check";
        args[1] = "--output=out";
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        Run run = Run.in(dir, args);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
        assertEquals("", run.out(), run.toString());
        Matcher m = ONE_LINE.matcher(run.errLines().get(0));
        assertTrue(m.matches(), run.toString());
        // rule packs are named as given; in-process the test's directory is not the JVM's, so absolute
        assertTrue(m.group(1).equals(file) || m.group(1).endsWith("/" + file), run.toString());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written on error");
        return Integer.parseInt(m.group(2));
    }

    private void config(String text) throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void malformedYaml() throws Exception {
        config("service: broken\nprovider:\n  name: aws\nfunctions: [\n  a: b\n");
        assertTrue(expectOneLine("serverless.yml") >= 4);
    }

    @Test
    void billionLaughs() throws Exception {
        StringBuilder yaml = new StringBuilder("service: lol\nprovider:\n  name: aws\n");
        yaml.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = String.valueOf(c);
        }
        config(yaml.toString());
        expectOneLine("serverless.yml");
    }

    @Test
    void fiftyMegabyteFile() throws Exception {
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(dir.resolve("serverless.yml"))) {
            out.write("service: huge\nprovider:\n  name: aws\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertEquals(1, expectOneLine("serverless.yml"));
    }

    @Test
    void fileVariableOutsideTheServiceDirectory() throws Exception {
        config("service: sneaky\nprovider:\n  name: aws\ncustom:\n  secret: ${file(../../etc/passwd)}\n");
        assertEquals(5, expectOneLine("serverless.yml"));
    }

    @Test
    void variableCycle() throws Exception {
        config("service: loop\nprovider:\n  name: aws\ncustom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}\n");
        int line = expectOneLine("serverless.yml");
        assertTrue(line == 5 || line == 6, "line " + line);
    }

    @Test
    void unknownVariableSource() throws Exception {
        config("service: odd\nprovider:\n  name: aws\ncustom:\n  x: ${nosuchsource:thing}\n");
        assertEquals(5, expectOneLine("serverless.yml"));
    }

    @Test
    void orgRulePackWithASyntaxError() throws Exception {
        Services.write(dir, Services.CLEAN);
        Files.createDirectories(dir.resolve("pack"));
        Files.writeString(dir.resolve("pack/broken.drl"), """
                package org.example;

                rule "half a rule"
                  @id("ORG-1") @severity("note")
                when
                  $x : String(
                then
                end
                """);
        int line = expectOneLine("pack/broken.drl", "--rules", "pack");
        assertTrue(line >= 3 && line <= 8, "line " + line);
    }
}
