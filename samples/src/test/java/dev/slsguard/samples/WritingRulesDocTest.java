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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/writing-rules.md true: the files it shows are the files under docs/examples, the
 * outputs it shows are what {@code slsguard rules test} prints on them, and the fact model
 * reference names every class of the model.
 */
class WritingRulesDocTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
    private static final Path DOCS = ROOT.resolve("docs");
    private static final Pattern BLOCK = Pattern.compile("<!-- (file|command|output): ([^>]+?) -->\\n```\\w*\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path temp;

    private record Block(String kind, String name, String body) {
    }

    private static List<Block> blocks() throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(DOCS.resolve("writing-rules.md")));
        List<Block> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2), m.group(3)));
        }
        return blocks;
    }

    private static Block block(String kind, String name) throws IOException {
        return blocks().stream().filter(b -> b.kind().equals(kind) && b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " block " + name));
    }

    private static String run(Path workingDir, int expectedExit, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), workingDir, Map.of());
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, out + stderr.toString(StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void theFilesShownAreTheExampleFiles() throws IOException {
        List<Block> files = blocks().stream().filter(b -> b.kind().equals("file")).toList();
        assertEquals(5, files.size(), files.toString());
        for (Block file : files) {
            assertEquals(Files.readString(DOCS.resolve(file.name())), file.body(), file.name());
        }
    }

    @Test
    void theTutorialPackPassesWithTheOutputShown() throws IOException {
        String shown = block("command", "rules test acme-rules").body();
        assertTrue(shown.startsWith("$ slsguard rules test acme-rules\n"), shown);
        String out = run(DOCS.resolve("examples"), 0, "rules", "test", "acme-rules");
        assertEquals(shown.substring(shown.indexOf('\n') + 1), out);
    }

    @Test
    void aMisplacedMarkerFailsAsShown() throws IOException {
        Path source = DOCS.resolve("examples/acme-rules");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.sorted().toList()) {
                Path to = temp.resolve("acme-rules").resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path bad = temp.resolve("acme-rules/tests/timeouts/bad/serverless.yml");
        String text = Files.readString(bad);
        text = text.replace("  invoice: # expect: ACME-LMB-001\n", "  invoice:\n")
                .replace("  refund:\n", "  refund: # expect: ACME-LMB-001\n");
        Files.writeString(bad, text);
        assertEquals(block("output", "marker on line 9").body(), run(temp, 1, "rules", "test", "acme-rules"));
    }

    @Test
    void theFactModelReferenceNamesEveryModelClass() throws IOException {
        String doc = Files.readString(DOCS.resolve("writing-rules.md"));
        Path model = ROOT.resolve("engine/src/main/java/dev/slsguard/engine/model");
        try (Stream<Path> files = Files.list(model)) {
            List<String> missing = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .filter(n -> !doc.contains("`" + n + "`")).sorted().toList();
            assertEquals(List.of(), missing, "model classes the fact model reference does not name");
        }
    }
}
