package dev.slsguard.engine.rules;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes a rule pack that ends the process with {@code System.exit} fail the run instead of passing
 * it: while a rule session runs (until its worker thread ends, even after a time-out), a shutdown
 * hook is armed; if the process is asked to end meanwhile by anyone but the launcher
 * ({@link #exit(int)}), the hook names the rule that was firing and halts with exit code 2.
 * {@code Runtime.halt} runs no hook: packs calling it are refused at load (see {@link PackInspection}).
 */
public final class ExitGuard {

    /** The exit code of a run a rule pack tried to end. */
    public static final int PACK_ENDED_RUN = 2;

    private static final Map<Object, Supplier<String>> RUNNING = new ConcurrentHashMap<>();
    private static volatile boolean launcherExit;
    private static boolean installed;

    private ExitGuard() {
    }

    /** Ends the process with {@code code}: the launcher's own exit, which the guard lets through. */
    public static void exit(int code) {
        launcherExit = true;
        System.exit(code);
    }

    /** Arms the guard for a session; {@code firing} says which rule runs now (for the message). */
    static synchronized void enter(Object session, Supplier<String> firing) {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::onExit, "slsguard-exit-guard"));
            installed = true;
        }
        RUNNING.put(session, firing);
    }

    static void leave(Object session) {
        RUNNING.remove(session);
    }

    private static void onExit() {
        if (launcherExit || RUNNING.isEmpty()) {
            return;
        }
        String who;
        try {
            who = RUNNING.values().stream().map(Supplier::get).findFirst().orElse("rule packs");
        } catch (RuntimeException e) {
            who = "rule packs";
        }
        PrintStream err = System.err;
        err.println("slsguard: " + who + ": the process was told to end while rules were evaluated (a rule pack "
                + "calling System.exit, or a signal); no report was written and the run fails");
        err.flush();
        Runtime.getRuntime().halt(PACK_ENDED_RUN);
    }
}
