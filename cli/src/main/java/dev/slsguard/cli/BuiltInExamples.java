package dev.slsguard.cli;

import dev.slsguard.engine.fixtures.Fixture;
import dev.slsguard.engine.fixtures.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fixtures of the built-in packs, shipped with the rules as {@code dev/slsguard/examples/}: the
 * bad and good examples {@code slsguard explain} shows for a built-in rule. Each is the smallest
 * fixture that expects the rule (bad) or is marked {@code # good:} for it (good).
 */
final class BuiltInExamples {

    static final String ROOT = "dev/slsguard/examples";

    /** A fixture and the lines of its file (smaller examples read better). */
    record Example(Fixture fixture, List<String> text) {
        Example {
            text = List.copyOf(text);
        }

        int lines() {
            return text.size();
        }
    }

    private final List<Example> all;

    private BuiltInExamples(List<Example> all) {
        this.all = all;
    }

    /** The examples on the class path; none when they were not packaged (a build from sources only). */
    static BuiltInExamples load() {
        URL url = BuiltInExamples.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            return new BuiltInExamples(List.of());
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                // jar:file:/.../slsguard.jar!/dev/slsguard/examples: a view of our own, closed when read
                URI jar = URI.create(uri.getRawSchemeSpecificPart().substring(0, uri.getRawSchemeSpecificPart().indexOf('!')));
                try (FileSystem zip = FileSystems.newFileSystem(Path.of(jar))) {
                    return new BuiltInExamples(read(zip.getPath("/" + ROOT)));
                }
            }
            return new BuiltInExamples(read(Path.of(uri)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads every fixture below {@code root} with its text (the file system may be closed after). */
    private static List<Example> read(Path root) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> isFixtureFile(p) && Files.isRegularFile(p)).sorted().toList()) {
                String name = root.relativize(file.getParent()).toString().replace('\\', '/');
                List<String> text = Files.readAllLines(file);
                Fixture fixture = Fixture.read(name, file);
                examples.add(new Example(fixture, text));
            }
        }
        return examples;
    }

    private static boolean isFixtureFile(Path p) {
        String name = String.valueOf(p.getFileName());
        return name.equals(Fixture.FILE) || name.equals(Fixture.TEMPLATE_FILE);
    }

    /** The smallest fixture with a finding of {@code ruleId} in its own file. */
    Optional<Example> bad(String ruleId) {
        return smallest(all.stream().filter(e -> !lines(e.fixture().expected(), e, ruleId).isEmpty()));
    }

    /** The smallest fixture with a statement that {@code ruleId} derives from a line of its own file. */
    Optional<Example> deriving(String ruleId) {
        return smallest(all.stream().filter(e -> !lines(e.fixture().derived(), e, ruleId).isEmpty()));
    }

    /** The lines of the example's own file with a finding of {@code ruleId}, or a statement it derives. */
    static String lines(Example example, String ruleId) {
        List<Integer> found = lines(example.fixture().expected(), example, ruleId);
        return String.join(", ", (found.isEmpty() ? lines(example.fixture().derived(), example, ruleId) : found)
                .stream().map(String::valueOf).toList());
    }

    private static List<Integer> lines(java.util.Set<Hit> hits, Example example, String ruleId) {
        String own = String.valueOf(example.fixture().file().getFileName());
        return hits.stream().filter(h -> h.ruleId().equals(ruleId) && h.file().equals(own))
                .map(Hit::line).sorted().distinct().toList();
    }

    /** The smallest fixture marked {@code # good: ruleId}. */
    Optional<Example> good(String ruleId) {
        return smallest(all.stream().filter(e -> e.fixture().good().contains(ruleId)));
    }

    private static Optional<Example> smallest(Stream<Example> candidates) {
        return candidates.min(Comparator.comparingInt(Example::lines).thenComparing(e -> e.fixture().name()));
    }
}
