package dev.slsguard.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Where a value came from in the user's own files: the file (as given to slsguard, relative to the
 * service directory where possible), the 1-based line and column, and the JSON pointer of the node
 * in the resolved configuration ({@code /functions/worker/events/0/sqs/batchSize}). Every fact and
 * finding carries one.
 *
 * <p>A value that reached its place through variables ({@code ${file(./role.yml)}},
 * {@code ${self:custom.bucket}}) is located where it is written (in {@code role.yml}, at
 * {@code custom.bucket}); {@code through} lists the references it came through, innermost first
 * and the one in the configuration file last, each labelled in words. The pointer is always the
 * value's place in the resolved configuration; the pointer of a reference in {@code through} is its
 * place in the document that holds it (the configuration, or an included file for a reference
 * written there).
 *
 * @param through the references that brought the value to its place; empty when it is written there
 */
public record SourceRef(String file, int line, int column, String pointer, List<RelatedLocation> through) {

    /**
     * Document order of the resolved configuration: by the outermost reference a value came through
     * (or its own position), then inwards; positions in one file compare by line and column.
     */
    public static final Comparator<SourceRef> DOCUMENT_ORDER = SourceRef::compareInDocument;

    public SourceRef {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        through = List.copyOf(through);
    }

    /** A value written where it is used. */
    public SourceRef(String file, int line, int column, String pointer) {
        this(file, line, column, pointer, List.of());
    }

    /** A reference to a whole file, used when nothing more precise is known. */
    public static SourceRef ofFile(String file) {
        return new SourceRef(file, 1, 1, "");
    }

    /** The same position with another pointer (for values whose pointer differs from their text). */
    public SourceRef withPointer(String newPointer) {
        return new SourceRef(file, line, column, newPointer, through);
    }

    /**
     * The same position reached through more references: {@code hops} come after the ones it
     * already came through (they are further out).
     */
    public SourceRef reachedThrough(List<RelatedLocation> hops) {
        if (hops.isEmpty()) {
            return this;
        }
        List<RelatedLocation> chain = new ArrayList<>(through.size() + hops.size());
        chain.addAll(through);
        chain.addAll(hops);
        return new SourceRef(file, line, column, pointer, chain);
    }

    /** The position alone, without the references it came through. */
    public SourceRef withoutThrough() {
        return through.isEmpty() ? this : new SourceRef(file, line, column, pointer);
    }

    /** True when the value is written somewhere else than where it is used. */
    public boolean reached() {
        return !through.isEmpty();
    }

    /** True when this comes before {@code other} in {@link #DOCUMENT_ORDER}. */
    public boolean before(SourceRef other) {
        return DOCUMENT_ORDER.compare(this, other) < 0;
    }

    /**
     * This position for a message about {@code here}: {@code line 12} in the same file, else
     * {@code line 12 of functions.yml}.
     */
    public String lineSeenFrom(SourceRef here) {
        return normalizeFile(file).equals(normalizeFile(here.file)) ? "line " + line : "line " + line + " of " + file;
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

    private static int compareInDocument(SourceRef a, SourceRef b) {
        int i = a.through.size();
        int j = b.through.size();
        while (true) {
            SourceRef x = i == 0 ? a : a.through.get(i - 1).ref();
            SourceRef y = j == 0 ? b : b.through.get(j - 1).ref();
            int c = Integer.compare(x.line, y.line);
            if (c == 0) {
                c = Integer.compare(x.column, y.column);
            }
            if (c == 0 && !x.file.equals(y.file)) {
                c = x.file.compareTo(y.file);
            }
            if (c != 0 || i == 0 || j == 0) {
                return c != 0 ? c : Integer.compare(i, j);
            }
            i--;
            j--;
        }
    }

    /** {@code file:line:col}, the form used in console output and error messages. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
