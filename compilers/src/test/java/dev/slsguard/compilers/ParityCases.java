package dev.slsguard.compilers;

import dev.slsguard.engine.model.EventDecl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parity cases, found by folder: every directory under the test resources' {@code parity/}
 * that holds both a {@code serverless.yml} and the {@code expected.json} v3 packaged for it.
 * Read from these test classes, a directory or (from other modules) the test jar.
 */
public final class ParityCases {

    private ParityCases() {
    }

    /** The case names (directory names), sorted. */
    public static List<String> names() {
        Path classes = classes();
        if (Files.isDirectory(classes)) {
            return in(classes.resolve("parity"));
        }
        try (FileSystem jar = FileSystems.newFileSystem(classes)) {
            return in(jar.getPath("/parity"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases whose events slsguard compiles all ({@code EventDecl.compiled}), so that v3's
     * template can be compared whole; the others are compared resource by resource.
     */
    public static List<String> fullyCompiled() {
        try {
            Path dir = Files.createTempDirectory("parity");
            try {
                return names().stream().filter(name -> fullyCompiled(dir, name)).toList();
            } finally {
                Files.deleteIfExists(dir.resolve("serverless.yml"));
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fullyCompiled(Path dir, String name) {
        try {
            String yaml = ParityTest.load(name).yaml();
            return new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, yaml)).facts().stream()
                    .noneMatch(f -> f instanceof EventDecl decl && !decl.compiled());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> in(Path parity) {
        try (Stream<Path> folders = Files.list(parity)) {
            List<String> names = folders
                    .filter(f -> Files.isRegularFile(f.resolve("serverless.yml"))
                            && Files.isRegularFile(f.resolve("expected.json")))
                    .map(f -> f.getFileName().toString().replace("/", "")).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no parity case under " + parity);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classes() {
        try {
            return Path.of(ParityCases.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
