package dev.slsguard.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see the old content or the new, never a part: the bytes go to a
 * temporary file beside the target, are forced to disk, and the temporary file is renamed over the
 * target (atomically where the file system can). A temporary file is named
 * {@code .<target>.<pid>-<random>.tmp}: one a killed run left behind is removed by the next write of
 * the same target, once no process of that id is alive.
 */
public final class AtomicFile {

    private static final Pattern TEMPORARY = Pattern.compile("\\.(\\d{1,19})-[0-9a-f]{16}\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The new content of a target, on disk in its temporary file, not yet in place. */
    public static final class Pending {

        private final Path target;
        private final Path temp;

        private Pending(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** Puts the content in place of the target. */
        public void commit() throws IOException {
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                syncDirectory(target.getParent());
            } finally {
                discard();
            }
        }

        /** Drops the content (nothing happens once it was committed). */
        public void discard() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is only left behind when the disk itself fails; the next write removes it
            }
        }
    }

    private AtomicFile() {
    }

    /** Replaces {@code target} (in an existing directory) with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        prepare(target, content).commit();
    }

    /** The most one write hands to the file channel. */
    private static final int WRITE_SLICE = 1 << 18;

    /**
     * Writes {@code content} to a temporary file beside {@code target} (in an existing directory) and
     * forces it to disk; {@link Pending#commit()} then puts it in place. Temporary files of the same
     * target left by processes that are gone are removed first.
     */
    public static Pending prepare(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        removeStale(absolute);
        Path temp = directory.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        Pending pending = new Pending(absolute, temp);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // in slices: the JDK copies what one write gets into a native buffer of that size, which each
            // writing thread then keeps (a page of megabytes would cost as much again outside the heap)
            for (int at = 0; at < content.length; at += WRITE_SLICE) {
                ByteBuffer buffer = ByteBuffer.wrap(content, at, Math.min(WRITE_SLICE, content.length - at));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            pending.discard();
            throw e;
        }
        return pending;
    }

    /**
     * Removes the temporary files of {@code target} whose process is no longer alive (killed before
     * it could clean up). A file of a live process, or one not named as this class names them, stays.
     */
    static void removeStale(Path target) {
        String prefix = "." + target.getFileName();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
                file -> file.getFileName().toString().startsWith(prefix + "."))) {
            for (Path file : files) {
                Matcher matcher = TEMPORARY.matcher(file.getFileName().toString().substring(prefix.length()));
                if (matcher.matches() && !alive(matcher.group(1)) && Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException ignored) {
            // an unreadable directory: the write itself reports the problem
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a process id this class wrote: leave the file alone
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
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
