package dev.slsguard.engine.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a directory, held by one process (and one thread of it) at a time, so that
 * runs writing into the same directory take turns: a lock file in it, locked by the operating
 * system (released when the process ends, even killed) and removed when the lock is released. A lock
 * file a killed process left behind is simply taken over. The lock file is never opened but to lock
 * it: on POSIX systems, closing any descriptor of a file drops the process's locks on it.
 */
public final class DirectoryLock implements AutoCloseable {

    /** The lock file's name. */
    public static final String FILE = ".slsguard-lock";

    /** The operating system's lock is per process: threads of this one take turns here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private static final Object MISSING = new Object();
    private static final Object NO_KEY = new Object();

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
                Object opened = identity(file);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    if (opened != MISSING) {
                        FileLock lock = channel.lock();
                        if (opened.equals(identity(file))) {
                            return new DirectoryLock(file, channel, lock);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                // just created (its identity is known once it exists), or removed by the holder before
                // while this process waited: lock the file there now
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    /**
     * The identity of the file at {@code file}: its file key ({@link #NO_KEY} where the platform has
     * none), {@link #MISSING} when there is no file. It is read from the path, never by opening the
     * file: closing any descriptor of a file releases the process's locks on it.
     */
    private static Object identity(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key == null ? NO_KEY : key;
        } catch (NoSuchFileException e) {
            return MISSING;
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
