package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled org packs cache through the command line: where it is, {@code --no-cache}, a corrupt entry. */
class PackCacheTest {

    private static final String PACK = """
            package org.acme.cache;

            import dev.slsguard.engine.model.Function;
            import dev.slsguard.engine.rules.Report;

            rule "worker function"
              @id("ACME-W-001") @severity("warning")
            when
              $f : Function(key == "worker")
            then
              Report.finding(kcontext, $f.ref(), "function " + $f.key());
            end
            """;

    @TempDir
    Path dir;

    private List<Path> entries(String cache) throws IOException {
        Path root = dir.resolve(cache).resolve("org-packs");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.sorted().toList();
        }
    }

    @Test
    void checkCachesTheCompiledPackAndGivesTheSameFindingsFromTheCache() throws IOException {
        Services.write(dir, Services.CLEAN);
        Files.createDirectories(dir.resolve("pack"));
        Files.writeString(dir.resolve("pack/acme.drl"), PACK);
        Map<String, String> env = Map.of("SLSGUARD_CACHE_DIR", "cache");

        Run cold = Run.in(dir, env, "check", ".", "--rules", "pack", "--fail-on", "never");
        assertEquals(0, cold.exitCode(), cold.toString());
        assertTrue(cold.out().contains("ACME-W-001"), cold.toString());
        List<Path> entries = entries("cache");
        assertEquals(1, entries.size(), "SLSGUARD_CACHE_DIR, relative to the working directory");
        byte[] stored = Files.readAllBytes(entries.get(0));

        Run warm = Run.in(dir, env, "check", ".", "--rules", "pack", "--fail-on", "never");
        assertEquals(cold, warm);
        assertArrayEquals(stored, Files.readAllBytes(entries.get(0)));

        Files.writeString(entries.get(0), "garbage");
        Run rebuilt = Run.in(dir, env, "check", ".", "--rules", "pack", "--fail-on", "never");
        assertEquals(cold, rebuilt, "a corrupt entry is ignored");
        assertTrue(Files.size(entries.get(0)) > 100, "and rewritten");

        Run uncached = Run.in(dir, Map.of("SLSGUARD_CACHE_DIR", "other"), "check", ".", "--rules", "pack",
                "--fail-on", "never", "--no-cache");
        assertEquals(cold, uncached);
        assertFalse(Files.exists(dir.resolve("other")), "--no-cache neither reads nor writes");

        Run xdg = Run.in(dir, Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString()), "rules", "list",
                "--rules", "pack");
        assertEquals(0, xdg.exitCode(), xdg.toString());
        assertEquals(1, entries("xdg/slsguard").size());
    }
}
