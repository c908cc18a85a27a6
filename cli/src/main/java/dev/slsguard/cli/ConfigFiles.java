package dev.slsguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a service's configuration file: PATH itself when it is a file, else the first of
 * {@code serverless.yml}, {@code serverless.yaml}, {@code serverless.json} in the directory.
 * TODO(lead): delegate to {@code dev.slsguard.engine.source.ConfigLocator.locate(Path)} once it lands.
 */
final class ConfigFiles {

    static final List<String> NAMES = List.of("serverless.yml", "serverless.yaml", "serverless.json");
    private static final List<String> UNSUPPORTED = List.of("serverless.js", "serverless.ts", "serverless.cjs",
            "serverless.mjs");

    private ConfigFiles() {
    }

    /**
     * @param path a service directory or its configuration file, already resolved
     * @param shown the path as the user wrote it, for messages
     */
    static Path locate(Path path, String shown) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!Files.exists(path)) {
            throw new CliError(shown + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            throw new CliError(shown + ": not a regular file or directory");
        }
        for (String name : NAMES) {
            Path candidate = path.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        for (String name : UNSUPPORTED) {
            if (Files.isRegularFile(path.resolve(name))) {
                throw new CliError(shown + ": " + name + " is code, which slsguard does not run; "
                        + "write the configuration as serverless.yml, serverless.yaml or serverless.json");
            }
        }
        throw new CliError(shown + ": no serverless.yml, serverless.yaml or serverless.json found");
    }
}
