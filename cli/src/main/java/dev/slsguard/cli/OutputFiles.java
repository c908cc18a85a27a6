package dev.slsguard.cli;

import dev.slsguard.engine.io.AtomicFile;
import dev.slsguard.engine.io.InputFile;
import dev.slsguard.engine.vars.EnvironmentValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes report files atomically: a temporary file in the same directory, flushed to disk, then
 * moved over the target, so a reader never sees half a file. Refuses to replace the user's input.
 * Every value read from the environment is replaced by its reference ({@code ${env:NAME}}) in what
 * is written, except in the template ({@link #writeVerbatim}).
 */
final class OutputFiles {

    /** The file that marks a directory as slsguard's output directory (its reports may be replaced). */
    static final String MARKER = ".slsguard-output";

    private final Path directory;
    private final List<Path> protectedFiles;
    private final boolean reports;
    private final EnvironmentValues hidden;

    /**
     * @param directory      the output directory (created when missing)
     * @param protectedFiles files that must never be overwritten (the configuration file), and
     *                       directories nothing may be written into (rule packs)
     * @param hidden         the values read from the environment, which no file but the template shows
     */
    OutputFiles(Path directory, List<Path> protectedFiles, EnvironmentValues hidden) {
        this(directory, protectedFiles, false, hidden);
    }

    private OutputFiles(Path directory, List<Path> protectedFiles, boolean reports, EnvironmentValues hidden) {
        this.directory = directory.toAbsolutePath().normalize();
        this.protectedFiles = protectedFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.reports = reports;
        this.hidden = hidden;
    }

    /**
     * The report directory ({@code --output}): an existing file is replaced only in a directory
     * slsguard made its own (it holds {@value #MARKER}, or is a {@code .slsguard} directory, or is
     * below one of those), so that {@code --output} pointed at the service never overwrites the user's
     * files. Writing leaves the marker behind.
     */
    static OutputFiles reports(Path directory, List<Path> protectedFiles, EnvironmentValues hidden) {
        return new OutputFiles(directory, protectedFiles, true, hidden);
    }

    Path directory() {
        return directory;
    }

    /** The path a file of this name will be written to, after checking it is safe to write. */
    Path target(String name) {
        Path target = directory.resolve(name);
        for (Path input : protectedFiles) {
            if (target.startsWith(input) || sameFile(target, input)) {
                throw new CliError("refusing to write " + target.getFileName() + " in " + directory
                        + ": it is an input of the service (its configuration, a file it includes, "
                        + ".slsguard.yml or a rule pack)");
            }
        }
        if (Files.isDirectory(target)) {
            throw new CliError("cannot write " + target + ": it is a directory");
        }
        if (reports && Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !owned()) {
            throw new CliError("refusing to overwrite " + target.getFileName() + " in " + directory
                    + ": slsguard did not write it; give --output a new or empty directory (or remove the file)");
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

    /** Writes a report (or baseline) file, with the environment's values replaced by their references. */
    void write(String name, byte[] content) {
        commit(name, prepare(name, content, false));
    }

    /** Writes the template as it is: the one output that carries the environment's values. */
    void writeVerbatim(String name, byte[] content) {
        commit(name, prepare(name, content, true));
    }

    /**
     * Checks {@code name}, creates the directory and writes the content to a temporary file beside
     * its target (redacted unless {@code verbatim}); the caller commits it.
     */
    AtomicFile.Pending prepare(String name, byte[] content, boolean verbatim) {
        Path target = target(name);
        createDirectory();
        try {
            if (reports && !owned()) {
                Files.write(directory.resolve(MARKER), new byte[0]);
            }
            return AtomicFile.prepare(target, verbatim ? content : hidden.redact(content));
        } catch (IOException e) {
            throw new CliError("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** Puts a prepared file in place. */
    void commit(String name, AtomicFile.Pending pending) {
        try {
            pending.commit();
        } catch (IOException e) {
            throw new CliError("cannot write " + directory.resolve(name) + ": " + describe(e), e);
        }
    }

    void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CliError("cannot create output directory " + directory + ": " + describe(e), e);
        }
    }

    /** True when slsguard made the directory its own (see {@link #reports}). */
    private boolean owned() {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))
                    || dir.getFileName() != null && dir.getFileName().toString().equals(".slsguard")) {
                return true;
            }
        }
        return false;
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
