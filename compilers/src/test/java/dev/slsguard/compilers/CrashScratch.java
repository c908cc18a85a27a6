package dev.slsguard.compilers;

import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.IamStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashScratch {
    @TempDir
    Path dir;

    @Test
    void all() throws Exception {
        try (var stream = Files.list(Path.of("/work/shared/parity/cases"))) {
            for (Path c : stream.sorted().toList()) {
                String yaml = Files.readString(c.resolve("serverless.yml"));
                try {
                    var compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
                    List<IamStatement> all = new ArrayList<>(ParityTest.statements(compilation.facts()));
                    all.addAll(V3EventStatements.derive(compilation.facts()));
                    var t = TemplateMerger.merge(compilation.draft(), all);
                    Files.writeString(Path.of("/tmp/crash-" + c.getFileName() + ".json"), t.toPrettyString());
                    System.out.println("OK " + c.getFileName() + " facts=" + compilation.facts().size());
                } catch (Exception e) {
                    System.out.println("FAIL " + c.getFileName() + " " + e);
                }
            }
        }
        try (var stream = Files.list(Path.of("/work/shared/parity/probes"))) {
            for (Path c : stream.sorted().toList()) {
                if (!Files.exists(c.resolve("serverless.yml"))) continue;
                String yaml = Files.readString(c.resolve("serverless.yml"));
                try {
                    var compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml));
                    TemplateMerger.merge(compilation.draft(), ParityTest.statements(compilation.facts()));
                } catch (Exception e) {
                    System.out.println("FAIL " + c.getFileName() + " " + e);
                }
            }
        }
    }
}
