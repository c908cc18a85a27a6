package dev.slsguard.engine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Wall-clock time of the stages of one run, printed by the hidden {@code --debug-timing} option to
 * find what a cold check spends its time on. Off unless {@link #enable}d: a stage then costs one
 * volatile read. Stages may run on several threads and nest; the table keeps them in start order.
 */
public final class Timing {

    private static volatile boolean enabled;
    /** System.nanoTime() on entering {@code main}, as given to {@link #enable}. */
    private static long mainNanos;
    private static String mainThread = "main";
    private static final List<Stage> STAGES = new ArrayList<>();
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** One timed stage: where it started (ns, System.nanoTime), how long it took, its nesting depth. */
    private record Stage(String name, String thread, int depth, long startNanos, long nanos) {
    }

    private Timing() {
    }

    /**
     * Starts recording; {@code mainNanos} is System.nanoTime() on entering {@code main} (the JVM's
     * start-up is then the time from the JVM's start to that moment, found by {@link #table}: the
     * management beans that know the JVM's start take 30 to 40 ms to set up, which would delay every
     * stage of the run if they were asked here).
     */
    public static synchronized void enable(long mainNanos) {
        Timing.mainNanos = mainNanos;
        mainThread = Thread.currentThread().getName();
        STAGES.clear();
        enabled = true;
    }

    /** Stops recording and forgets what was recorded. */
    public static synchronized void disable() {
        enabled = false;
        STAGES.clear();
    }

    public static boolean enabled() {
        return enabled;
    }

    /** Runs {@code body} as the stage {@code name}. */
    public static <T> T time(String name, Supplier<T> body) {
        if (!enabled) {
            return body.get();
        }
        int[] depth = DEPTH.get();
        long start = System.nanoTime();
        depth[0]++;
        try {
            return body.get();
        } finally {
            depth[0]--;
            record(name, depth[0], start, System.nanoTime() - start);
        }
    }

    /** Runs {@code body} as the stage {@code name}. */
    public static void time(String name, Runnable body) {
        time(name, () -> {
            body.run();
            return null;
        });
    }

    /** Records the stage {@code name} as the time from {@code startNanos} (System.nanoTime()) to now. */
    public static void since(String name, long startNanos) {
        if (enabled) {
            record(name, DEPTH.get()[0], startNanos, System.nanoTime() - startNanos);
        }
    }

    private static synchronized void record(String name, int depth, long start, long nanos) {
        STAGES.add(new Stage(name, Thread.currentThread().getName(), depth, start, nanos));
    }

    /**
     * The stages recorded so far as a Markdown table: start (ms after JVM start), duration (ms), thread,
     * stage (indented under the stage it ran in); then the total and the classes loaded.
     */
    public static synchronized String table() {
        long end = System.nanoTime();
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        long jvmStart = System.nanoTime() - uptimeMillis * 1_000_000L;
        List<Stage> stages = new ArrayList<>(STAGES);
        stages.add(new Stage("JVM start to main", mainThread, 0, jvmStart, mainNanos - jvmStart));
        stages.sort(java.util.Comparator.comparingLong(Stage::startNanos));
        StringBuilder out = new StringBuilder("| start (ms) | time (ms) | thread | stage |\n|---:|---:|---|---|\n");
        for (Stage stage : stages) {
            out.append(String.format(Locale.ROOT, "| %.1f | %.1f | %s | %s%s |%n", (stage.startNanos - jvmStart) / 1e6,
                    stage.nanos / 1e6, stage.thread, "· ".repeat(stage.depth), stage.name));
        }
        out.append(String.format(Locale.ROOT, "total %.1f ms after JVM start; %d classes loaded%n",
                (end - jvmStart) / 1e6,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()));
        return out.toString();
    }
}
