package dev.slsguard.cli;

import dev.slsguard.engine.io.AtomicFile;
import dev.slsguard.engine.io.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes report files atomically: a temporary file in the same directory, flushed to disk, then
 * moved over the target, so a reader never sees half a file. Refuses to replace the user's input.
 */
final class OutputFiles {

    private final Path directory;
    private final List<Path> protectedFiles;

    /**
     * @param directory      the output directory (created when missing)
     * @param protectedFiles files that must never be overwritten (the configuration file)
     */
    OutputFiles(Path directory, List<Path> protectedFiles) {
        this.directory = directory.toAbsolutePath().normalize();
        this.protectedFiles = protectedFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** The path a file of this name will be written to, after checking it is safe to write. */
    Path target(String name) {
        Path target = directory.resolve(name);
        for (Path input : protectedFiles) {
            if (target.equals(input) || sameFile(target, input)) {
                throw new CliError("refusing to write " + target.getFileName() + " in " + directory
                        + ": it is the service's configuration file");
            }
        }
        if (Files.isDirectory(target)) {
            throw new CliError("cannot write " + target + ": it is a directory");
        }
        return target;
    }

    /** Checks every name before anything is written. */
    void checkWritable(List<String> names) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CliError("output " + directory + " is not a directory");
        }
        names.forEach(this::target);
    }

    void write(String name, byte[] content) {
        Path target = target(name);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CliError("cannot create output directory " + directory + ": " + describe(e), e);
        }
        try {
            AtomicFile.write(target, content);
        } catch (IOException e) {
            throw new CliError("cannot write " + target + ": " + describe(e), e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a, LinkOption.NOFOLLOW_LINKS) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(IOException e) {
        return InputFile.reason(e);
    }
}
