package dev.slsguard.cli;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.io.InputFile;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code rules-lock:} in {@code .slsguard.yml}: each org rule pack directory (as in {@code rules:},
 * relative to the file) with the SHA-256 of its content. When the setting is present, every pack a
 * run loads must be listed with its current hash, so that a change cannot swap a pack and pass the
 * gate unnoticed:
 * <pre>
 * rules-lock:
 *   org-rules: sha256:3f1c...
 * </pre>
 */
final class RulesLock {

    static final String KEY = "rules-lock";

    private RulesLock() {
    }

    /**
     * Checks {@code packs} (absolute directories) against the {@code rules-lock:} of {@code file}, if
     * it has one.
     *
     * @throws UserError at the lock entry (or the setting) of a pack that changed or is not listed
     */
    static void check(Path file, String displayName, List<Path> packs) {
        Node root = YamlLoader.loadFragment(file, displayName, Limits.DEFAULT).root();
        if (!(root instanceof MapNode map) || map.get(KEY).isEmpty()) {
            return;
        }
        Node lock = map.get(KEY).get();
        if (!(lock instanceof MapNode entries)) {
            throw new UserError(lock.ref(), KEY + " must be a mapping of rule pack directory to sha256:HASH");
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        for (Path pack : packs) {
            Path dir = pack.toAbsolutePath().normalize();
            String actual = hash(dir);
            MapNode.Field entry = entries.fields().stream()
                    .filter(f -> base.resolve(f.key()).normalize().equals(dir)).findFirst()
                    .orElseThrow(() -> new UserError(lock.ref(), "rule pack " + dir.getFileName() + " is not pinned in "
                            + KEY + "; add '" + slashes(base.relativize(dir)) + ": " + actual + "' after reviewing it"));
            String pinned = entry.value() instanceof ScalarNode scalar && scalar.value() != null
                    ? String.valueOf(scalar.value()).trim().toLowerCase(Locale.ROOT) : "";
            if (!pinned.equals(actual)) {
                throw new UserError(entry.value().ref(), "rule pack " + entry.key() + " changed: its content is now "
                        + actual + "; review the change, then pin the new hash in " + KEY);
            }
        }
    }

    /** {@code sha256:HEX} of the pack: every file below it, by relative path and content. */
    static String hash(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                String relative = slashes(dir.relativize(f));
                digest.update(relative.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                byte[] content = InputFile.readBytes(f, relative, Limits.DEFAULT.maxFileBytes());
                digest.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UserError(SourceRef.ofFile(slashes(dir)), "cannot read rule pack directory: "
                    + InputFile.reason(cause), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
