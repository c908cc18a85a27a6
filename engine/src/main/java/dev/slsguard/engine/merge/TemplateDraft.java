package dev.slsguard.engine.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template as the compilers left it, in v3's order: compiled resources (roles carry no
 * statements yet), outputs, and the user's {@code resources:} section still to be merged.
 *
 * @param service        the service
 * @param resources      compiled resources in v3's order
 * @param outputs        compiled outputs in v3's order (without export names)
 * @param userResources  the {@code resources:} section, when present
 * @param origins        where parts of compiled resources came from, finer than a resource's
 *                       {@code origin}: template pointer ({@code /Resources/Id/Properties/RoleName})
 *                       to the setting that determines the value (see
 *                       {@link dev.slsguard.engine.model.TemplateOrigins})
 */
public record TemplateDraft(Service service, List<Resource> resources, List<Output> outputs,
                            Optional<MapNode> userResources, Map<String, SourceRef> origins) {

    /** One entry of {@code Outputs}. */
    public record Output(String id, ObjectNode definition) {
    }

    public TemplateDraft {
        resources = List.copyOf(resources);
        outputs = List.copyOf(outputs);
        origins = Map.copyOf(origins);
    }

    /** A draft with no origins finer than its resources'. */
    public TemplateDraft(Service service, List<Resource> resources, List<Output> outputs,
                         Optional<MapNode> userResources) {
        this(service, resources, outputs, userResources, Map.of());
    }
}
