package dev.slsguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent tasks of a run, up to {@code jobs} at the same time on threads of their own, their
 * results taken in the order given: what is reported does not depend on which finished first. Used for
 * the checks of a run over several services ({@code --recursive}, several paths) and for the reports
 * of a run (template, SARIF, page). With one job each task runs when its result is asked for, on the
 * asking thread, as a serial run does.
 */
final class ParallelTasks<T> implements AutoCloseable {

    private final List<Future<T>> results;
    private final ExecutorService pool;

    private ParallelTasks(List<Future<T>> results, ExecutorService pool) {
        this.results = results;
        this.pool = pool;
    }

    /** Starts the tasks: {@code jobs} (at least 1) at a time, in the order given. */
    static <T> ParallelTasks<T> start(List<Callable<T>> tasks, int jobs) {
        List<Future<T>> results = new ArrayList<>();
        if (jobs <= 1 || tasks.size() <= 1) {
            tasks.forEach(task -> results.add(new FutureTask<>(task)));
            return new ParallelTasks<>(results, null);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, tasks.size()), runnable -> {
            Thread thread = new Thread(runnable, "slsguard-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        tasks.forEach(task -> results.add(pool.submit(task)));
        return new ParallelTasks<>(results, pool);
    }

    /**
     * The result of the {@code index}th task, waiting for it; what the task threw is thrown here
     * (a {@link dev.slsguard.engine.UserError} for a service that could not be analysed).
     */
    T get(int index) {
        Future<T> result = results.get(index);
        if (result instanceof FutureTask<T> task && pool == null) {
            task.run(); // serial: the task runs now, on this thread
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task of the run", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops the tasks not yet started (after a failure that ends the run). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
