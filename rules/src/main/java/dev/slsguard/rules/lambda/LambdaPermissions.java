package dev.slsguard.rules.lambda;

import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code AWS::Lambda::Permission} resources the user declared under
 * {@code resources.Resources} (the ones Serverless Framework v3 generates for events are its own:
 * they carry a SourceArn, except the public function URL's, which SLS-LMB-006 covers). Values are
 * read from the user's file so findings point at the offending entry.
 */
public final class LambdaPermissions {

    /** The actions a resource-based Lambda policy is meant to grant. */
    private static final Set<String> INVOKE_ACTIONS = Set.of("lambda:invokefunction", "lambda:invokefunctionurl");

    private LambdaPermissions() {
    }

    /** The {@code Properties} of {@code resource} as the user wrote them, when the user declared it. */
    public static List<MapNode> declared(Service service, Resource resource) {
        Optional<Node> declaration = service.config().at("resources", "Resources", resource.logicalId());
        return declaration.filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .filter(d -> d.get("Type").flatMap(LambdaPermissions::text).filter(resource.type()::equals).isPresent())
                .flatMap(d -> d.get("Properties")).filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .map(List::of).orElse(List.of());
    }

    /** {@code Principal: '*'} without {@code PrincipalOrgID} (which scopes it to an organisation). */
    public static List<Node> wildcardPrincipal(MapNode properties) {
        return properties.get("Principal").filter(p -> text(p).filter("*"::equals).isPresent())
                .filter(p -> !properties.has("PrincipalOrgID")).map(List::of).orElse(List.of());
    }

    /** A service principal ({@code sns.amazonaws.com}) with neither SourceArn nor SourceAccount. */
    public static List<Node> unscopedServicePrincipal(MapNode properties) {
        return properties.get("Principal").filter(p -> text(p).filter(LambdaPermissions::isServicePrincipal).isPresent())
                .filter(p -> !properties.has("SourceArn") && !properties.has("SourceAccount"))
                .map(List::of).orElse(List.of());
    }

    /** An {@code Action} other than {@code lambda:InvokeFunction} / {@code lambda:InvokeFunctionUrl}. */
    public static List<Node> otherAction(MapNode properties) {
        return properties.get("Action").filter(a -> text(a).filter(t -> !t.contains("${"))
                        .filter(t -> !INVOKE_ACTIONS.contains(t.toLowerCase(Locale.ROOT))).isPresent())
                .map(List::of).orElse(List.of());
    }

    /** True for an AWS service principal ({@code events.amazonaws.com}, {@code logs.eu-west-1.amazonaws.com}). */
    static boolean isServicePrincipal(String principal) {
        return principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn");
    }

    /** A plain string value. */
    public static Optional<String> text(Node node) {
        return node instanceof ScalarNode scalar && scalar.value() instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
