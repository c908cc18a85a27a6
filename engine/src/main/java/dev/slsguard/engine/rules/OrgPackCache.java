package dev.slsguard.engine.rules;

import dev.slsguard.engine.io.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.kie.api.definition.KiePackage;

/**
 * An on-disk cache of compiled org packs: the Drools packages compiled from a pack's DRL files,
 * serialised, in one file per key. The key is a hash of the files' names and contents, the
 * slsguard version, the Drools and Java versions, and the size and date of the jar slsguard runs
 * from. An entry that cannot be read is ignored (the pack is compiled again and the entry
 * rewritten); entries are written to a temporary file and moved into place, so a reader never
 * sees half an entry.
 */
public final class OrgPackCache {

    /** The environment variable that names the cache directory. */
    public static final String DIR_VARIABLE = "SLSGUARD_CACHE_DIR";

    private static final byte[] MAGIC = "slsguard org packs 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUBDIR = "org-packs";

    private final Optional<Path> dir;
    private final String version;

    private OrgPackCache(Optional<Path> dir, String version) {
        this.dir = dir;
        this.version = version;
    }

    /** No cache: org packs are compiled on every load. */
    public static OrgPackCache disabled() {
        return new OrgPackCache(Optional.empty(), "");
    }

    /**
     * A cache under {@code dir}.
     *
     * @param version the slsguard version, part of every key
     */
    public static OrgPackCache at(Path dir, String version) {
        return new OrgPackCache(Optional.of(dir), version);
    }

    /**
     * The cache directory for this environment: {@code $SLSGUARD_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/slsguard} (when absolute), else {@code fallback}.
     *
     * @param fallback the directory when neither variable is set: {@code ~/.cache/slsguard}
     */
    public static Path defaultDir(Map<String, String> env, Path fallback) {
        String own = env.get(DIR_VARIABLE);
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "slsguard");
        }
        return fallback;
    }

    /** True when entries are read and written. */
    public boolean enabled() {
        return dir.isPresent();
    }

    /** The file an entry for these files would be in; empty when the cache is disabled. */
    Optional<Path> entry(List<OrgPackFile> files, List<byte[]> contents) {
        return dir.map(d -> d.resolve(SUBDIR).resolve(key(files, contents) + ".bin"));
    }

    private String key(List<OrgPackFile> files, List<byte[]> contents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "slsguard " + version);
            update(digest, "drools " + Drools.getFullVersion());
            update(digest, "java " + Runtime.version().feature());
            update(digest, "build " + buildIdentity());
            for (int i = 0; i < files.size(); i++) {
                update(digest, files.get(i).displayName());
                digest.update(contents.get(i));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /**
     * The size and date of the jar the engine runs from, so that a rebuilt jar of the same version
     * (a development build) does not read entries compiled against other fact classes; empty when
     * the engine runs from a directory of classes.
     */
    private static String buildIdentity() {
        try {
            CodeSource source = OrgPackCache.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "";
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location)
                    ? Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis() : "";
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * The packages stored in {@code entry}, deserialised with {@code loader}; empty when there is
     * no entry or it cannot be read (truncated, corrupt, written by another version).
     */
    static Optional<Collection<KiePackage>> read(Path entry, ClassLoader loader) {
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(entry)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            try (ObjectInputStream objects = new DroolsObjectInputStream(new ByteArrayInputStream(body), loader)) {
                Object read = objects.readObject();
                if (!(read instanceof List<?> list) || list.isEmpty()) {
                    return Optional.empty();
                }
                List<KiePackage> packages = new ArrayList<>();
                for (Object o : list) {
                    if (!(o instanceof KiePackage pkg)) {
                        return Optional.empty();
                    }
                    packages.add(pkg);
                }
                return Optional.of(packages);
            }
        } catch (Exception | LinkageError | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * Stores {@code packages} in {@code entry}: written beside it under a temporary name, then moved
     * into place. A cache that cannot be written is not an error (the next run compiles again).
     */
    static void write(Path entry, Collection<KiePackage> packages) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(MAGIC);
            try (ObjectOutputStream objects = new DroolsObjectOutputStream(bytes)) {
                objects.writeObject(new ArrayList<>(packages));
            }
            Files.createDirectories(entry.getParent());
            AtomicFile.write(entry, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // not cached: the pack compiles again next time
        }
    }
}
