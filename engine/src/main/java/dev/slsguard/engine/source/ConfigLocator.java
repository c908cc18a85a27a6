package dev.slsguard.engine.source;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Finds a service's configuration file: the file given, or the serverless.* file in a directory. */
public final class ConfigLocator {

    /** Looked for in this order, as Serverless Framework v3 does for the formats slsguard reads. */
    private static final List<String> SUPPORTED = List.of("serverless.yml", "serverless.yaml", "serverless.json");
    private static final List<String> SCRIPTED = List.of("serverless.ts", "serverless.js", "serverless.cjs", "serverless.mjs");

    private ConfigLocator() {
    }

    /**
     * The configuration file for {@code pathOrDir}: the file itself, or the first of serverless.yml,
     * serverless.yaml, serverless.json in the directory.
     *
     * @throws UserError when there is none, or only a TypeScript/JavaScript configuration
     */
    public static Path locate(Path pathOrDir) {
        if (Files.isDirectory(pathOrDir)) {
            for (String name : SUPPORTED) {
                Path candidate = pathOrDir.resolve(name);
                if (Files.exists(candidate)) {
                    return candidate; // a pipe, device or directory of this name is refused by name when read
                }
            }
            for (String name : SCRIPTED) {
                Path candidate = pathOrDir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    throw scripted(candidate);
                }
            }
            throw new UserError(SourceRef.ofFile(pathOrDir.toString()), "no serverless.yml, serverless.yaml or "
                    + "serverless.json in directory " + pathOrDir + "; give the service directory or the file");
        }
        if (!Files.exists(pathOrDir)) {
            throw new UserError(SourceRef.ofFile(pathOrDir.toString()), "no such file or directory: " + pathOrDir);
        }
        String name = pathOrDir.getFileName() == null ? "" : pathOrDir.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ts") || name.endsWith(".js") || name.endsWith(".cjs") || name.endsWith(".mjs")) {
            throw scripted(pathOrDir);
        }
        return pathOrDir;
    }

    private static UserError scripted(Path file) {
        return new UserError(SourceRef.ofFile(file.toString()), "TypeScript/JavaScript configuration is not supported; "
                + "slsguard reads serverless.yml, serverless.yaml or serverless.json (print the resolved configuration "
                + "with `serverless print` and save it as serverless.yml)");
    }
}
