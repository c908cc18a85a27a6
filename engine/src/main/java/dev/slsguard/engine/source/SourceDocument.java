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
 */
public record SourceDocument(Path path, String displayName, Node root) {
}
