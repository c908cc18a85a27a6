package dev.slsguard.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a file so that readers see the old content or the new, never a part: the bytes go to a
 * temporary file beside the target, are forced to disk, and the temporary file is renamed over the
 * target (atomically where the file system can).
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * A temporary file of ours older than this was left by a run that was killed (SIGKILL, power
     * loss): a live run renames its temporary file within moments of creating it.
     */
    private static final Duration STALE = Duration.ofMinutes(2);

    /** Replaces {@code target} (in an existing directory) with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        removeStale(directory, target.getFileName().toString());
        Path temp = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
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
            syncDirectory(directory);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is only left behind when the disk itself fails
            }
        }
    }

    /** Deletes temporary files of {@code name} that killed runs left behind (never a live run's). */
    private static void removeStale(Path directory, String name) {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, "." + name + ".*.tmp")) {
            for (Path temp : temps) {
                if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | DirectoryIteratorException ignored) {
            // best effort: a leftover stays until a later run can remove it
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
