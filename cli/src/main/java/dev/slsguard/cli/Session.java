package dev.slsguard.cli;

import dev.slsguard.engine.vars.EnvironmentValues;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one invocation runs against: the working directory relative paths are resolved from, the
 * output streams, the environment for {@code ${env:}}, and whether the text report may use colour
 * (standard output is a terminal and {@code NO_COLOR} is not set), and whether standard error is a
 * terminal (for a progress line), and the values read from the environment, which no message or
 * report shows (see {@link EnvironmentValues}). Tests pass their own.
 */
record Session(Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env, boolean colour,
               boolean terminal, EnvironmentValues envValues) {

    Session(Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env, boolean colour) {
        this(workingDir, out, err, env, colour, false, new EnvironmentValues());
    }

    Session {
        workingDir = workingDir.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }
}
