package dev.slsguard.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * cfn-lint as a local process: the template in a temporary file, standard output and error into
 * files (no pipe can fill up), stopped with everything it started when its time is up.
 */
final class LocalCfnLint implements CfnLintRunner {

    private final Path executable;

    LocalCfnLint(Path executable) {
        this.executable = executable;
    }

    /**
     * The executable {@code nameOrPath} stands for: a path as it is, a bare name looked up on the
     * {@code PATH} of {@code env} (with the {@code PATHEXT} extensions on Windows). Empty when there is none.
     */
    static Optional<Path> find(String nameOrPath, Map<String, String> env) {
        if (nameOrPath.contains("/") || nameOrPath.contains("\\")) {
            Path path = Path.of(nameOrPath);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        List<String> extensions = File.separatorChar == '\\'
                ? List.of(env.getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD").toLowerCase(java.util.Locale.ROOT)
                        .split(";"))
                : List.of("");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String extension : extensions) {
                Path candidate = Path.of(dir, nameOrPath + extension);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return executable.toString();
    }

    @Override
    public Run run(byte[] template, List<String> args, Duration timeout) throws Failure {
        Path dir;
        try {
            dir = Files.createTempDirectory("slsguard-cfn-lint");
        } catch (IOException e) {
            throw new Failure("cannot create a temporary directory for the template: " + e.getMessage());
        }
        try {
            Path file = dir.resolve("cloudformation-template.json");
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            Files.write(file, template);
            List<String> command = new java.util.ArrayList<>();
            command.add(executable.toString());
            command.addAll(CfnLintRunner.arguments(args, file.toString()));
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new Failure("cannot start " + executable + ": " + e.getMessage());
            }
            process.getOutputStream().close();
            if (!waitFor(process, timeout)) {
                stop(process);
                throw new Failure(executable + " did not finish within " + CfnLintRunner.seconds(timeout)
                        + " and was stopped (raise cfn-lint.timeout in .slsguard.yml for a very large template)");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure("cannot run " + executable + ": " + e.getMessage());
        } finally {
            delete(dir);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) throws Failure {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while cfn-lint ran");
        }
    }

    /** Stops the process and every process it started (a wrapper script's children too). */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary file left behind is not worth failing the check for
        }
    }
}
