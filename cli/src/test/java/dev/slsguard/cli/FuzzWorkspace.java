package dev.slsguard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A scratch directory a fuzz test writes each input into (the code under test reads files), made
 * once per test class and removed after it; fuzz test instances are reused across inputs.
 */
final class FuzzWorkspace implements AutoCloseable {

    private final Path root;

    FuzzWorkspace(String prefix) {
        try {
            root = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    /** Writes {@code bytes} to {@code name} under the workspace (replacing what was there) and returns the file. */
    Path write(String name, byte[] bytes) {
        Path file = root.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes everything under {@code name} (the output of the previous input). */
    void clear(String name) {
        delete(root.resolve(name));
    }

    @Override
    public void close() {
        delete(root);
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
