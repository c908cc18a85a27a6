package dev.slsguard.engine.vars;

import dev.slsguard.engine.model.UnresolvedVariable;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.SourceDocument;
import java.util.List;

/**
 * A configuration with every variable that can be known offline replaced.
 *
 * @param source     the loaded document
 * @param root       the resolved root mapping; nodes keep the location of the text they replaced
 * @param stage      the effective stage
 * @param region     the effective region
 * @param unresolved variables kept as placeholders, in document order
 * @param included   the YAML and JSON files {@code ${file()}} read, in the order they were first read
 *                   (their nodes in {@code root} keep their own file and position)
 */
public record ResolvedDocument(SourceDocument source, MapNode root, String stage, String region,
                               List<UnresolvedVariable> unresolved, List<SourceDocument> included) {

    public ResolvedDocument {
        unresolved = List.copyOf(unresolved);
        included = List.copyOf(included);
    }

    /** A configuration that includes no file. */
    public ResolvedDocument(SourceDocument source, MapNode root, String stage, String region,
                            List<UnresolvedVariable> unresolved) {
        this(source, root, stage, region, unresolved, List.of());
    }
}
