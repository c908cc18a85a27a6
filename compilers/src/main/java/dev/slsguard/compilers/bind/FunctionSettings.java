package dev.slsguard.compilers.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.Optional;

/**
 * One function as the compilers need it.
 *
 * @param key            the key under {@code functions:}
 * @param index          position among the functions, in v3's iteration order
 * @param name           the deployed name ({@code name:} or {@code <service>-<stage>-<key>})
 * @param logicalId      the {@code AWS::Lambda::Function} logical id
 * @param config         the function's configuration
 * @param ref            the function's key in the file
 * @param customRole     v3's {@code getCustomExecutionRole}: the function's {@code role}, else an
 *                       existing provider role, else legacy {@code provider.role}
 * @param roleDependency v3's {@code resolveFunctionIamRoleResourceName}: the role resource event
 *                       resources depend on, when there is one in the stack
 * @param targetAlias    the alias events target, if any
 * @param lambdaAtEdge   whether a {@code cloudFront} event runs it as Lambda@Edge (v3 then versions
 *                       it, defaults its memory and timeout to 128 MB and 5 s whatever the
 *                       provider says, and strips its environment and VPC settings)
 */
public record FunctionSettings(String key, int index, String name, String logicalId, MapNode config,
                               SourceRef ref, Optional<JsonNode> customRole, Optional<String> roleDependency,
                               Optional<TargetAlias> targetAlias, boolean lambdaAtEdge) {

    /** A configuration value as JSON; a Java {@code null} when the key is absent. */
    public JsonNode value(String key) {
        return NodeJson.toJsonOrNull(config.get(key));
    }

    /**
     * v3's {@code resolveLambdaTarget}: {@code {"Fn::GetAtt": [<Fn>LambdaFunction, Arn]}}, joined
     * with {@code :<alias>} when the function has a target alias.
     */
    public ObjectNode target() {
        ObjectNode getAtt = Cfn.getAtt(logicalId, "Arn");
        if (targetAlias.isEmpty()) {
            return getAtt;
        }
        return Cfn.join(":", getAtt, Cfn.text(targetAlias.get().name()));
    }
}
