package dev.slsguard.engine.model;

import java.util.Objects;

/**
 * Where a value came from in the user's own files: the file (as given to slsguard, relative to the
 * service directory where possible), the 1-based line and column, and the JSON pointer of the node
 * ({@code /functions/worker/events/0/sqs/batchSize}). Every fact and finding carries one.
 */
public record SourceRef(String file, int line, int column, String pointer) {

    public SourceRef {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
    }

    /** A reference to a whole file, used when nothing more precise is known. */
    public static SourceRef ofFile(String file) {
        return new SourceRef(file, 1, 1, "");
    }

    /** The same position with another pointer (for values whose pointer differs from their text). */
    public SourceRef withPointer(String newPointer) {
        return new SourceRef(file, line, column, newPointer);
    }

    /**
     * A file name as locations compare it: forward slashes, no leading {@code ./}
     * ({@code ./services\\a.yml} and {@code services/a.yml} are the same file).
     */
    public static String normalizeFile(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    /** {@code file:line:col}, the form used in console output and error messages. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
