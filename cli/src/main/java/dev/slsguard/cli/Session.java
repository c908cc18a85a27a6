package dev.slsguard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one invocation runs against: the working directory relative paths are resolved from, the
 * output streams and the environment for {@code ${env:}}. Tests pass their own.
 */
record Session(Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env) {

    Session {
        workingDir = workingDir.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }
}
