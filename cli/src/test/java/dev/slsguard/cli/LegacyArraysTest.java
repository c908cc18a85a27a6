package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.compilers.TemplateNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code functions:} and {@code resources:} written as lists of mappings (usually one
 * {@code ${file()}} per item) are merged as v3 merges them: the template equals the one v3 packaged,
 * and findings on a merged resource point into the file that declared it.
 */
class LegacyArraysTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FILES = List.of("serverless.yml", "fns-a.yml", "fns-b.yml", "res-a.yml");

    @TempDir
    Path dir;

    @Test
    void listsOfIncludedFilesCompileToV3sTemplate() throws IOException {
        Path service = Files.createDirectories(dir.resolve("svc"));
        for (String file : FILES) {
            Files.write(service.resolve(file), resource(file));
        }
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--fail-on", "never", "--format", "text");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode expected = MAPPER.readTree(resource("expected.json"));
        JsonNode actual = MAPPER.readTree(dir.resolve("out/cloudformation-template.json").toFile());
        assertEquals(TemplateNormalizer.pretty(TemplateNormalizer.normalize(expected)),
                TemplateNormalizer.pretty(TemplateNormalizer.normalize(actual)));
        // no "must be a mapping" schema warning: v3 validates the merged form
        assertTrue(run.out().lines().noneMatch(l -> l.contains("SLS-VAL-007")), run.toString());
        // the bucket declared in res-a.yml is reported there
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("svc/res-a.yml:2:3 ") && l.contains("Bucket")),
                run.toString());
    }

    @Test
    void anItemThatIsNoMappingIsRefusedAtItsLine() throws IOException {
        Path service = Files.createDirectories(dir.resolve("svc"));
        Files.writeString(service.resolve("serverless.yml"), """
                service: arrays
                provider:
                  name: aws
                  runtime: nodejs20.x
                functions:
                  hello:
                    handler: h.hello
                resources:
                  - Resources:
                      Topic:
                        Type: AWS::SNS::Topic
                  - just-a-string
                """);
        Run run = Run.in(dir, "check", "svc", "--output", "out");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(List.of("slsguard: svc/serverless.yml:12:5: each item of the resources list must be a mapping"
                + " (resources are merged from them); got 'just-a-string'"), run.errLines());
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = LegacyArraysTest.class.getResourceAsStream("/legacy-arrays/" + file)) {
            if (in == null) {
                throw new IOException("missing test resource legacy-arrays/" + file);
            }
            return in.readAllBytes();
        }
    }
}
