package dev.slsguard.cli;

import dev.slsguard.engine.fixtures.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fixtures of an org rule pack: every {@code serverless.yml} under {@code DIR/tests/}, named by
 * its directory below {@code tests/} ({@code required-tags/bad}), sorted by name.
 */
final class PackFixtures {

    static final String TESTS = "tests";

    private PackFixtures() {
    }

    /** The pack's fixtures; none when it has no {@code tests/} directory. */
    static List<Fixture> of(Path packDir) {
        Path root = packDir.resolve(TESTS);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Fixture> fixtures = new ArrayList<>();
        Set<Path> testFiles = Set.copyOf(testFiles(packDir));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals(Fixture.FILE)
                    && Files.isRegularFile(p)).toList()) {
                String name = root.relativize(file.getParent()).toString().replace('\\', '/');
                fixtures.add(Fixture.read(name.isEmpty() ? "." : name, file, testFiles));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fixtures.sort((a, b) -> a.name().compareTo(b.name()));
        return fixtures;
    }

    /**
     * The pack's test files: {@code DIR/tests/*.yml} and {@code *.yaml} (not in subdirectories, not
     * named {@code serverless.*}), sorted by name; none when it has no {@code tests/} directory.
     */
    static List<Path> testFiles(Path packDir) {
        Path root = packDir.resolve(TESTS);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.startsWith("serverless.");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A pack directory as the user gave it, kept relative so that messages name it that way; made
     * absolute only when the session's working directory is not the JVM's (in-process callers).
     */
    static Path asGiven(Session session, Path given) {
        boolean sameDir = session.workingDir().equals(Path.of("").toAbsolutePath().normalize());
        return given.isAbsolute() || sameDir ? given : session.workingDir().resolve(given).normalize();
    }

    /** Checks that every {@code --rules} directory exists; returns them as given. */
    static List<Path> directories(Session session, List<Path> given) {
        return directories(session, given, "--rules ");
    }

    /** Checks that every directory exists, naming a missing one after {@code prefix}; returns them as given. */
    static List<Path> directories(Session session, List<Path> given, String prefix) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir : given) {
            if (!Files.isDirectory(session.workingDir().resolve(dir))) {
                throw new CliError(prefix + dir + ": not a directory");
            }
            dirs.add(asGiven(session, dir));
        }
        return dirs;
    }
}
