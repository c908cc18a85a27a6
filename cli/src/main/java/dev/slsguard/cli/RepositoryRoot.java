package dev.slsguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The root of the git repository a path is in: the nearest directory holding {@code .git}. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The nearest directory at or above {@code path} with a {@code .git} directory or file (worktrees). */
    static Optional<Path> of(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        while (dir != null) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
