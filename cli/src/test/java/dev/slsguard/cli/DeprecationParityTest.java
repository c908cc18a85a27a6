package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.rules.RuleBase;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.rules.BuiltInPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every deprecation Serverless Framework v3.40.0 printed for a service of the corpus (its
 * {@code sls-output.txt}) is reported by the rule tagged with its code ({@code v3:CODE}), and no
 * deprecation rule speaks where v3 printed nothing.
 */
class DeprecationParityTest {

    private static final Pattern PRINTED = Pattern.compile("deprecations/#([A-Z0-9_]+)");

    @Test
    void deprecationFindingsNameExactlyTheCodesV3Printed() throws IOException {
        RuleBase rules = BuiltInPacks.load(List.of());
        Map<String, Set<String>> codesOfRule = new HashMap<>();
        for (RuleInfo rule : rules.rules()) {
            for (String tag : rule.tags()) {
                if (tag.startsWith("v3:") && rule.id().startsWith("SLS-DEP-")) {
                    codesOfRule.computeIfAbsent(rule.id(), k -> new TreeSet<>()).add(tag.substring(3));
                }
            }
        }
        Pipeline pipeline = new Pipeline(new ServerlessCompiler(), rules, Limits.DEFAULT,
                Optional.of(LocalDate.of(2025, 6, 1)));
        Map<String, String> differences = new TreeMap<>();
        int services = 0;
        int printed = 0;
        for (Path root : List.of(Path.of("src/test/resources/cases"), Path.of("src/test/resources/probes"))) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(d -> Files.exists(d.resolve("sls-output.txt"))).sorted().toList()) {
                    Set<String> v3 = new TreeSet<>();
                    Matcher m = PRINTED.matcher(Files.readString(dir.resolve("sls-output.txt"), StandardCharsets.UTF_8));
                    while (m.find()) {
                        v3.add(m.group(1));
                    }
                    Analysis analysis = pipeline.run(dir.resolve("serverless.yml"), "serverless.yml",
                            VariableOptions.none());
                    Set<String> ours = new TreeSet<>();
                    for (Finding f : analysis.findings()) {
                        Set<String> codes = codesOfRule.getOrDefault(f.ruleId(), Set.of());
                        // a rule tagged with several codes names the one its finding is about
                        codes.stream().filter(v3::contains).findFirst()
                                .or(() -> codes.stream().findFirst()).ifPresent(ours::add);
                    }
                    services++;
                    printed += v3.size();
                    if (!ours.equals(v3)) {
                        differences.put(dir.getFileName().toString(), "v3 " + v3 + ", slsguard " + ours);
                    }
                }
            }
        }
        assertTrue(services > 90 && printed >= 15, services + " services, " + printed + " deprecations");
        assertEquals(Map.of(), differences);
    }
}
