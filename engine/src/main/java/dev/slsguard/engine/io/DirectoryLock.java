package dev.slsguard.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a directory, held by one process (and one thread of it) at a time, so that
 * runs writing into the same directory take turns: a lock file in it, locked by the operating
 * system (released when the process ends, even killed) and removed when the lock is released. A lock
 * file a killed process left behind is simply taken over.
 */
public final class DirectoryLock implements AutoCloseable {

    /** The lock file's name. */
    public static final String FILE = ".slsguard-lock";

    /** The operating system's lock is per process: threads of this one take turns here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until {@code directory} (which exists) is this thread's alone. */
    public static DirectoryLock acquire(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        IN_PROCESS.lock();
        try {
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    FileLock lock = channel.lock();
                    if (stillAt(file, channel)) {
                        return new DirectoryLock(file, channel, lock);
                    }
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                // the holder before removed the file while this process waited: lock the new one
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    /**
     * Whether the locked file is still the one at {@code file}: the holder before this one removes
     * it on release, so a waiter may have locked a file no longer in the directory.
     */
    private static boolean stillAt(Path file, FileChannel channel) throws IOException {
        byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        try {
            return Arrays.equals(token, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Removes the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
            lock.release();
        } finally {
            channel.close();
            IN_PROCESS.unlock();
        }
    }
}
