package dev.slsguard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The services below a directory for {@code check --recursive}: every directory with a
 * serverless.yml, serverless.yaml or serverless.json (the first of these, as for one service),
 * sorted by path, skipping {@code node_modules}, {@code .serverless}, hidden directories and what
 * {@code exclude:} of the directory's {@code .slsguard.yml} names.
 */
final class ServiceFinder {

    private static final List<String> NAMES = List.of("serverless.yml", "serverless.yaml", "serverless.json");
    private static final Set<String> SKIPPED = Set.of("node_modules", ".serverless");

    private ServiceFinder() {
    }

    /**
     * @param dir the directory given to {@code --recursive}
     * @param cwd the working directory (names the {@code .slsguard.yml} in errors)
     */
    static List<Path> find(Path dir, Path cwd) {
        Path root = dir.toAbsolutePath().normalize();
        List<PathMatcher> excluded = new ArrayList<>();
        Path[] base = {root};
        ProjectConfigReader.find(root).ifPresent(file -> {
            ProjectConfig config = ProjectConfigReader.read(file, Invocation.relativeName(cwd, file));
            base[0] = file.getParent();
            config.exclude().forEach(glob -> excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + glob)));
        });
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(root) && (SKIPPED.contains(name) || name.startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    for (String candidate : NAMES) {
                        Path file = d.resolve(candidate);
                        if (Files.isRegularFile(file)) {
                            if (!isExcluded(file, base[0], excluded)) {
                                found.add(file);
                            }
                            break;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    /** A glob matches the file's path, or its directory's, relative to the {@code .slsguard.yml}. */
    private static boolean isExcluded(Path file, Path base, List<PathMatcher> excluded) {
        if (!file.startsWith(base)) {
            return false;
        }
        Path relativeFile = base.relativize(file);
        Path relativeDir = base.relativize(file.getParent());
        return excluded.stream().anyMatch(m -> m.matches(relativeFile)
                || (!relativeDir.toString().isEmpty() && m.matches(relativeDir)));
    }
}
