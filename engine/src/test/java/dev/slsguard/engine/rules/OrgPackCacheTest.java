package dev.slsguard.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgPackCacheTest {

    private static final String PACK = """
            package org.acme.cached;
            import dev.slsguard.engine.model.Service;
            import dev.slsguard.engine.rules.Report;

            rule "short name"
              @id("ACME-1") @severity("warning") @title("Short name")
            when
              $s : Service(name.length() < 5)
            then
              Report.finding(kcontext, $s.ref(), "short name " + $s.name());
            end

            rule "mvel stage"
              @id("ACME-2") @severity("note")
              dialect "mvel"
            when
              $s : Service(stage == "dev")
            then
              Report.finding(kcontext, $s.ref(), "stage " + $s.stage());
            end

            rule "throws"
              @id("ACME-3") @severity("note")
            when
              $s : Service(name == "boom")
            then
              throw new IllegalStateException("boom");
            end
            """;

    @TempDir
    Path dir;

    private static Service service(String name) {
        return new Service(name, "dev", "us-east-1", "warn", Optional.empty(), true,
                new SourceRef("serverless.yml", 2, 1, "/service"),
                new MapNode(new SourceRef("serverless.yml", 1, 1, ""), List.of()));
    }

    private Path pack(String text) throws IOException {
        Path file = dir.resolve("pack/rules.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return dir.resolve("pack");
    }

    private OrgPackCache cache() {
        return OrgPackCache.at(dir.resolve("cache"), "1.2.3");
    }

    private List<Path> entries() throws IOException {
        Path root = dir.resolve("cache/org-packs");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.sorted().toList();
        }
    }

    private RuleBase load(Path pack) {
        return RuleBase.load(List.of(), List.of(pack), cache());
    }

    @Test
    void theSecondLoadReadsTheCompiledPackFromTheCacheAndBehavesTheSame() throws IOException {
        Path pack = pack(PACK);
        RuleBase first = load(pack);
        assertFalse(first.orgPacksCached());
        List<Path> entries = entries();
        assertEquals(1, entries.size(), entries.toString());
        assertTrue(entries.get(0).getFileName().toString().endsWith(".bin"));

        RuleBase second = load(pack);
        assertTrue(second.orgPacksCached());
        assertEquals(first.rules(), second.rules());
        assertTrue(second.isOrgRule("ACME-1"));
        List<Finding> findings = second.run(List.of(service("api"))).findings();
        assertEquals(first.run(List.of(service("api"))).findings(), findings);
        assertEquals(List.of("short name api", "stage dev"), findings.stream().map(Finding::message).toList());

        // rule locations survive the cache: a failing rule is named with its file and line
        RuleFailure failure = second.run(List.of(service("boom"))).failures().get(0);
        assertEquals("ACME-3", failure.ruleId());
        assertTrue(failure.rule().file().endsWith("pack/rules.drl"), failure.rule().toString());
        assertEquals(22, failure.rule().line());
    }

    @Test
    void anotherContentOrVersionIsAnotherEntry() throws IOException {
        Path pack = pack(PACK);
        load(pack);
        pack(PACK.replace("length() < 5", "length() < 6"));
        assertFalse(load(pack).orgPacksCached());
        assertEquals(2, entries().size());
        assertFalse(RuleBase.load(List.of(), List.of(pack), OrgPackCache.at(dir.resolve("cache"), "1.2.4"))
                .orgPacksCached());
        assertEquals(3, entries().size());
        assertTrue(load(pack).orgPacksCached());
    }

    @Test
    void aCorruptOrTruncatedEntryIsIgnoredAndRebuilt() throws IOException {
        Path pack = pack(PACK);
        load(pack);
        Path entry = entries().get(0);
        byte[] good = Files.readAllBytes(entry);

        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));
        RuleBase truncated = load(pack);
        assertFalse(truncated.orgPacksCached());
        assertEquals(2, truncated.run(List.of(service("api"))).findings().size());
        assertEquals(good.length, Files.size(entry), "rewritten");

        Files.writeString(entry, "not a cache entry", StandardCharsets.UTF_8);
        assertFalse(load(pack).orgPacksCached());
        byte[] garbage = good.clone();
        for (int i = 40; i < garbage.length; i += 7) {
            garbage[i] = (byte) (garbage[i] ^ 0x5a);
        }
        Files.write(entry, garbage);
        RuleBase rebuilt = load(pack);
        assertFalse(rebuilt.orgPacksCached());
        assertEquals(2, rebuilt.run(List.of(service("api"))).findings().size());
        assertTrue(load(pack).orgPacksCached());
        assertEquals(1, entries().size(), "no temporary files left: " + entries());
    }

    @Test
    void metadataIsCheckedOnACacheHitToo() throws IOException {
        Path pack = pack(PACK.replace("@severity(\"warning\") @title(\"Short name\")", "@title(\"Short name\")"));
        UserError miss = assertThrows(UserError.class, () -> load(pack));
        assertEquals(1, entries().size(), "the compiled packages are cached before the metadata check");
        UserError hit = assertThrows(UserError.class, () -> load(pack));
        assertEquals(miss.getMessage(), hit.getMessage());
        assertEquals("rule \"short name\" has no @severity (use error, warning or note, or name its @risk)", hit.getMessage());
        assertEquals(5, hit.location().line());
    }

    @Test
    void anUnwritableCacheIsNotAnError() throws IOException {
        Path pack = pack(PACK);
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the cache directory would be");
        RuleBase rules = RuleBase.load(List.of(), List.of(pack), OrgPackCache.at(blocked, "1"));
        assertFalse(rules.orgPacksCached());
        assertEquals(2, rules.run(List.of(service("api"))).findings().size());
    }

    @Test
    void theCacheDirectoryComesFromTheEnvironment() {
        Path home = Path.of("home", "u", ".cache", "slsguard");
        assertEquals(Path.of("/c/own"), OrgPackCache.defaultDir(Map.of("SLSGUARD_CACHE_DIR", "/c/own",
                "XDG_CACHE_HOME", "/c/xdg"), home));
        assertEquals(Path.of("/c/xdg", "slsguard"), OrgPackCache.defaultDir(Map.of("XDG_CACHE_HOME", "/c/xdg"), home));
        assertEquals(home, OrgPackCache.defaultDir(Map.of("XDG_CACHE_HOME", "rel"), home),
                "a relative XDG_CACHE_HOME is ignored, as the XDG spec says");
        assertEquals(home, OrgPackCache.defaultDir(Map.of(), home));
    }
}
