package dev.slsguard.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The outcome of one in-process run of the command line. */
record Run(int exitCode, String out, String err) {

    /** Runs slsguard with {@code workingDir} as its working directory and an empty environment. */
    static Run in(Path workingDir, String... args) {
        return in(workingDir, Map.of(), args);
    }

    /** Runs slsguard with {@code workingDir} as its working directory and {@code env} as its environment. */
    static Run in(Path workingDir, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workingDir, env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs slsguard once per {@code --format} (text, json, sarif, junit, html), each writing into
     * {@code out-<format>}: the runs by format, in that order.
     */
    static Map<String, Run> inEveryFormat(Path workingDir, Map<String, String> env, String... args) {
        Map<String, Run> runs = new java.util.LinkedHashMap<>();
        for (String format : List.of("text", "json", "sarif", "junit", "html")) {
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.addAll(List.of("--output", "out-" + format, "--format", format));
            runs.put(format, in(workingDir, env, all.toArray(String[]::new)));
        }
        return runs;
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
