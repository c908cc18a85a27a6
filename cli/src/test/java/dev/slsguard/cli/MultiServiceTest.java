package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check a/ b/} and {@code check --recursive DIR}: one run, one SARIF run, one page, one exit code. */
class MultiServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The repository root: tests run in the cli module's directory. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    /** rule, file, line and column of every result of a SARIF log's only run, sorted. */
    private static List<String> results(Path sarifFile) throws Exception {
        JsonNode sarif = JSON.readTree(sarifFile.toFile());
        assertEquals(1, sarif.get("runs").size());
        List<String> out = new ArrayList<>();
        for (JsonNode r : sarif.at("/runs/0/results")) {
            JsonNode loc = r.at("/locations/0/physicalLocation");
            out.add(r.get("ruleId").asText() + " " + loc.at("/artifactLocation/uri").asText() + ":"
                    + loc.at("/region/startLine").asInt() + ":" + loc.at("/region/startColumn").asInt()
                    + (r.has("suppressions") ? " suppressed" : ""));
            int index = r.get("ruleIndex").asInt();
            assertEquals(r.get("ruleId").asText(), sarif.at("/runs/0/tool/driver/rules/" + index + "/id").asText());
        }
        out.sort(null);
        return out;
    }

    @Test
    void recursiveSamplesHasOneResultPerFindingOfEverySeparateRun() throws Exception {
        Run all = Run.in(REPO, "check", "--recursive", "samples", "--output", dir.resolve("all").toString());
        assertTrue(all.exitCode() == 0 || all.exitCode() == 1, all.toString());
        List<String> combined = results(dir.resolve("all/slsguard.sarif"));

        List<String> separate = new ArrayList<>();
        int worst = 0;
        String[] services = {"samples/legacy-reports", "samples/orders-service"};
        for (String service : services) {
            Path out = dir.resolve("one").resolve(service);
            Run one = Run.in(REPO, "check", service, "--output", out.toString());
            worst = Math.max(worst, one.exitCode());
            separate.addAll(results(out.resolve("slsguard.sarif")));
            assertArrayEquals(Files.readAllBytes(out.resolve("cloudformation-template.json")),
                    Files.readAllBytes(dir.resolve("all").resolve(service).resolve("cloudformation-template.json")),
                    service);
        }
        separate.sort(null);
        assertFalse(combined.isEmpty());
        assertEquals(separate, combined);
        assertEquals(worst, all.exitCode());
        // the org pack's fixtures are excluded by samples/.slsguard.yml
        assertTrue(combined.stream().noneMatch(r -> r.contains("org-rules/")), combined.toString());
        assertFalse(Files.exists(dir.resolve("all/samples/org-rules")));

        JsonNode run = JSON.readTree(dir.resolve("all/slsguard.sarif").toFile()).at("/runs/0");
        assertEquals("slsguard/recursive/samples/", run.at("/automationDetails/id").asText());
        // run in the directory itself: nothing machine-specific in the names
        Run here = Run.in(REPO.resolve("samples"), "check", "--recursive", ".", "--output", dir.resolve("here").toString());
        assertEquals(all.exitCode(), here.exitCode(), here.toString());
        assertEquals("slsguard/recursive/./", JSON.readTree(dir.resolve("here/slsguard.sarif").toFile())
                .at("/runs/0/automationDetails/id").asText());
        assertTrue(Files.readString(dir.resolve("here/slsguard.html")).contains("slsguard review: services below ."));

        // the text report lists every finding once, with its file
        int lines = (int) all.out().lines().filter(l -> l.startsWith("samples/")).count();
        assertEquals(combined.stream().filter(r -> !r.endsWith("suppressed")).count(), lines, all.out());
    }

    @Test
    void severalPathsAndRecursiveSkipWhatTheyShould() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Services.write(dir.resolve("services/a"), Services.CLEAN);
        Services.write(dir.resolve("services/b"), Services.WITH_ERRORS.replace("service: risky", "service: b-risky"));
        Services.write(dir.resolve("services/c/deeper"), Services.CLEAN.replace("service: tidy", "service: deep"));
        Services.write(dir.resolve("services/node_modules/lib"), Services.WITH_ERRORS);
        Services.write(dir.resolve("services/.hidden"), Services.WITH_ERRORS);
        Services.write(dir.resolve("services/a/.serverless"), Services.WITH_ERRORS);
        Services.write(dir.resolve("services/old"), Services.WITH_ERRORS);
        Files.writeString(dir.resolve("services/.slsguard.yml"), "exclude:\n  - old\n");

        Run recursive = Run.in(dir, "check", "--recursive", "services", "--format", "json");
        assertEquals(1, recursive.exitCode(), recursive.toString());
        Set<String> files = new HashSet<>();
        JSON.readTree(recursive.out()).get("findings").forEach(f -> files.add(f.at("/location/file").asText()));
        assertTrue(files.contains("services/b/serverless.yml"), files.toString());
        assertTrue(files.stream().allMatch(f -> f.equals("services/a/serverless.yml")
                || f.equals("services/b/serverless.yml") || f.equals("services/c/deeper/serverless.yml")), files.toString());
        for (String service : List.of("services/a", "services/b", "services/c/deeper")) {
            assertTrue(Files.isRegularFile(dir.resolve(".slsguard").resolve(service)
                    .resolve("cloudformation-template.json")), service);
        }
        assertFalse(Files.exists(dir.resolve(".slsguard/services/old")));
        assertFalse(Files.exists(dir.resolve(".slsguard/services/node_modules")));

        // one page: a section per service, every id once
        String html = Files.readString(dir.resolve(".slsguard/slsguard.html"));
        for (String anchor : List.of("id=\"s1\"", "id=\"s2\"", "id=\"s3\"")) {
            assertTrue(html.contains(anchor), anchor);
        }
        assertFalse(html.contains("id=\"s4\""));
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
        }
        assertTrue(html.contains("b-risky") && html.contains("deep"), "service names on the page");

        // two paths: the clean ones alone pass, with one error among them the run fails
        Run clean = Run.in(dir, "check", "services/a", "services/c/deeper", "--output", "out1");
        assertEquals(0, clean.exitCode(), clean.toString());
        Run mixed = Run.in(dir, "check", "services/a", "services/b", "--output", "out2", "--format", "sarif");
        assertEquals(1, mixed.exitCode(), mixed.toString());
        assertEquals(mixed.out(), Files.readString(dir.resolve("out2/slsguard.sarif")));
        JsonNode sarif = JSON.readTree(mixed.out());
        assertEquals("slsguard/services/a/serverless.yml+services/b/serverless.yml/",
                sarif.at("/runs/0/automationDetails/id").asText());

        // JUnit XML of several services: one document, the failures of every service
        Run junit = Run.in(dir, "check", "services/a", "services/b", "--output", "out3", "--format", "junit");
        assertEquals(1, junit.exitCode(), junit.toString());
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(junit.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("testsuites", xml.getDocumentElement().getTagName());
        assertEquals("slsguard services/a/serverless.yml services/b/serverless.yml",
                xml.getDocumentElement().getAttribute("name"));
        assertTrue(Integer.parseInt(xml.getDocumentElement().getAttribute("failures")) > 0, junit.out());
        assertTrue(junit.out().contains("services/b/serverless.yml:"), junit.out());

        // a baseline written for several services makes them pass together
        assertEquals(1, Run.in(dir, "check", "--recursive", "services", "--write-baseline", "base.json").exitCode());
        Run again = Run.in(dir, "check", "--recursive", "services", "--baseline", "base.json");
        assertEquals(0, again.exitCode(), again.toString());

        // compile takes one service
        Run compile = Run.in(dir, "compile", "services/a", "services/b");
        assertEquals(2, compile.exitCode(), compile.toString());
        Run nothing = Run.in(dir, "check", "--recursive", "services/node_modules/lib/missing");
        assertEquals(2, nothing.exitCode(), nothing.toString());
    }
}
