package dev.slsguard.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

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
        Path temp = directory.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            throw new CliError("cannot write " + target + ": " + describe(e), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is only left behind when the disk itself fails
            }
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is fine. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
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
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
