package dev.slsguard.engine.source;

import java.nio.file.Path;

/**
 * A loaded configuration file: its root node (aliases, merge keys and CloudFormation short tags
 * already expanded) and where it lives.
 *
 * @param path        the file on disk
 * @param displayName the name used in every {@link dev.slsguard.engine.model.SourceRef} (relative
 *                    to the working directory where possible, never absolute in tests)
 * @param root        the document's root node
 * @param text        the file's text as it was parsed (for snippets and inline comments)
 */
public record SourceDocument(Path path, String displayName, Node root, String text) {

    /** A document built without its text (tests, generated documents). */
    public SourceDocument(Path path, String displayName, Node root) {
        this(path, displayName, root, "");
    }
}
