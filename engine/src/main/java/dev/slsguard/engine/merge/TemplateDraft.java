package dev.slsguard.engine.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.MapNode;
import java.util.List;
import java.util.Optional;

/**
 * The template as the compilers left it, in v3's order: compiled resources (roles carry no
 * statements yet), outputs, and the user's {@code resources:} section still to be merged.
 *
 * @param service        the service
 * @param resources      compiled resources in v3's order
 * @param outputs        compiled outputs in v3's order (without export names)
 * @param userResources  the {@code resources:} section, when present
 */
public record TemplateDraft(Service service, List<Resource> resources, List<Output> outputs,
                            Optional<MapNode> userResources) {

    /** One entry of {@code Outputs}. */
    public record Output(String id, ObjectNode definition) {
    }

    public TemplateDraft {
        resources = List.copyOf(resources);
        outputs = List.copyOf(outputs);
    }
}
