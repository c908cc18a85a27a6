package dev.slsguard.engine.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a directory, held by one process (and one thread of it) at a time, so that
 * runs writing into the same directory take turns: a lock file in it, locked by the operating
 * system and released when the process ends, even killed. The lock file stays in the directory: a
 * lock file removed on release lets a waiting process lock the removed file while a third locks its
 * successor, so both would write at once. The lock file is never opened but to lock it: on POSIX
 * systems, closing any descriptor of a file drops the process's locks on it.
 */
public final class DirectoryLock implements AutoCloseable {

    /** The lock file's name. */
    public static final String FILE = ".slsguard-lock";

    /** The operating system's lock is per process: threads of this one take turns here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until {@code directory} (which exists) is this thread's alone. */
    public static DirectoryLock acquire(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        IN_PROCESS.lock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new DirectoryLock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    /** Releases the lock; the lock file stays for the next run. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            IN_PROCESS.unlock();
        }
    }
}
