package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One problem, one finding: over every corpus case, probe and rule fixture (the findings snapshot,
 * which FindingsSnapshotTest keeps equal to what slsguard reports), a key that is reported as no
 * option at all (a typo: rename or remove it) gets no other finding telling the user to do something
 * else with it, and no rule reports the same message twice at one place.
 */
class OneFindingPerProblemTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/findings-snapshot.tsv");

    @Test
    void anUnknownKeyGetsNoSecondContradictingFinding() throws IOException {
        Map<String, List<String[]>> byPlace = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || f.length < 5) {
                continue;
            }
            byPlace.computeIfAbsent(f[0] + " " + f[3], k -> new ArrayList<>()).add(f);
        }
        List<String> contradictions = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        int unknownKeys = 0;
        for (Map.Entry<String, List<String[]>> place : byPlace.entrySet()) {
            List<String[]> findings = place.getValue();
            boolean unknownKey = findings.stream().anyMatch(f -> f[4].contains(" has no option '"));
            if (unknownKey) {
                unknownKeys++;
                findings.stream().filter(f -> !f[4].contains(" has no option '") && !f[2].equals("note"))
                        .forEach(f -> contradictions.add(place.getKey() + " " + f[1] + ": " + f[4]));
            }
            for (int i = 0; i < findings.size(); i++) {
                for (int j = i + 1; j < findings.size(); j++) {
                    if (findings.get(i)[1].equals(findings.get(j)[1]) && findings.get(i)[4].equals(findings.get(j)[4])) {
                        repeated.add(place.getKey() + " " + findings.get(i)[1]);
                    }
                }
            }
        }
        assertTrue(unknownKeys > 20, "unknown keys in the corpus: " + unknownKeys);
        assertEquals(List.of(), contradictions, "keys reported as unknown that another finding treats as an option");
        assertEquals(List.of(), repeated, "the same finding twice at one place");
    }
}
