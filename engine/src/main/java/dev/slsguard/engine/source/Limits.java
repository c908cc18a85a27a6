package dev.slsguard.engine.source;

/**
 * Bounds that protect the loader from hostile documents.
 *
 * @param maxFileBytes  largest file accepted (default 10 MB)
 * @param maxDepth      deepest nesting of mappings and sequences (default 200)
 * @param maxNodes      most nodes a document may expand to, counting every alias expansion
 *                      (default 1,000,000): stops "billion laughs"
 */
public record Limits(long maxFileBytes, int maxDepth, long maxNodes) {

    public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 200, 1_000_000L);
}
