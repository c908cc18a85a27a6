package dev.slsguard.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * slsguard started as a process of its own (the JVM running the tests, with their class path), for
 * what an in-process run cannot show: two runs at once, a run killed with SIGKILL.
 */
final class CliProcess {

    private CliProcess() {
    }

    /**
     * Starts the {@code main} method of {@code mainClass} ({@link Main} for slsguard itself, or a
     * class of the tests) in {@code workingDir}; its output and errors go to {@code log}.
     */
    static Process start(Class<?> mainClass, Path workingDir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        String cacheDir = System.getProperty("slsguard.cache.dir");
        if (cacheDir != null) {
            command.add("-Dslsguard.cache.dir=" + cacheDir);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
