package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.slsguard.compilers.ServerlessCompiler;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.Pipeline;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.SuppressedFinding;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.rules.BuiltInPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding (rule, severity, file:line:column, message) of every parity case, v3 probe and
 * rule fixture, compared with the committed {@code findings-snapshot.tsv}: a change of the
 * foundation must not move, drop, add or reword a finding unnoticed. After an intended change,
 * rerun with {@code -Dslsguard.snapshot.update=true} and review the diff of the snapshot file.
 */
class FindingsSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/findings-snapshot.tsv");
    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    /** The service directories, each named by its path below the repository root. */
    static List<Path> services() throws IOException {
        List<Path> roots = List.of(Path.of("src/test/resources/cases"), Path.of("src/test/resources/probes"),
                Path.of("../compilers/src/test/resources/parity"), Path.of("../rules/src/test/resources/fixtures"),
                Path.of("../rules/src/test/resources/parity"));
        List<Path> services = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.getFileName().toString().equals("serverless.yml")).map(Path::getParent)
                        .sorted().forEach(services::add);
            }
        }
        return services;
    }

    @Test
    void findingsEqualTheSnapshot() throws IOException {
        Pipeline pipeline = new Pipeline(new ServerlessCompiler(), BuiltInPacks.load(List.of()), Limits.DEFAULT,
                Optional.of(DAY));
        StringBuilder actual = new StringBuilder();
        actual.append("# service\trule\tseverity\tlocation\tmessage (regenerate: -Dslsguard.snapshot.update=true)\n");
        for (Path service : services()) {
            String name = Path.of("..").toAbsolutePath().normalize()
                    .relativize(service.toAbsolutePath().normalize()).toString().replace('\\', '/');
            for (String line : findings(pipeline, service)) {
                actual.append(name).append('\t').append(line).append('\n');
            }
        }
        if (Boolean.getBoolean("slsguard.snapshot.update")) {
            Files.writeString(SNAPSHOT, actual.toString(), StandardCharsets.UTF_8);
            return;
        }
        List<String> expected = Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8);
        List<String> got = actual.toString().lines().toList();
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(got);
        List<String> extra = new ArrayList<>(got);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder report = new StringBuilder("findings differ from " + SNAPSHOT + ":\n");
            missing.forEach(l -> report.append("- ").append(l).append('\n'));
            extra.forEach(l -> report.append("+ ").append(l).append('\n'));
            fail(report.toString());
        }
    }

    private static List<String> findings(Pipeline pipeline, Path service) {
        List<String> lines = new ArrayList<>();
        try {
            Analysis analysis = pipeline.run(service.resolve("serverless.yml"), "serverless.yml",
                    VariableOptions.none());
            for (Finding f : analysis.findings()) {
                lines.add(line(f, ""));
            }
            for (SuppressedFinding s : analysis.suppressed()) {
                lines.add(line(s.finding(), "suppressed: "));
            }
        } catch (UserError e) {
            lines.add("input-error\terror\t-\t" + e.oneLine());
        }
        return lines;
    }

    private static String line(Finding f, String prefix) {
        return f.ruleId() + "\t" + f.severity().name().toLowerCase() + "\t" + f.location().file() + ":"
                + f.location().line() + ":" + f.location().column() + "\t" + prefix + f.message().replace('\n', ' ');
    }
}
