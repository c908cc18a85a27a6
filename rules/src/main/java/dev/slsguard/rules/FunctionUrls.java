package dev.slsguard.rules;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import java.util.Optional;

/** A function's {@code url:} setting, read the way Serverless Framework v3 compiles it. */
public final class FunctionUrls {

    private FunctionUrls() {
    }

    /**
     * The node to report when the function has a URL anyone can call: {@code url: true}, or a
     * {@code url} mapping whose {@code authorizer} is not {@code aws_iam} (the {@code authorizer}
     * value when written, else the {@code url} key or value). v3 then adds a permission for Principal '*'.
     */
    public static List<SourceRef> publicUrl(Function function) {
        Optional<MapNode.Field> field = function.config().field("url");
        Optional<Node> url = field.map(MapNode.Field::value);
        if (url.isEmpty() || !enabled(url.get())) {
            return List.of();
        }
        if (url.get() instanceof MapNode map) {
            Optional<Node> authorizer = map.get("authorizer");
            if (authorizer.filter(a -> Options.unresolved(a)
                    || LambdaPermissions.text(a).filter("aws_iam"::equals).isPresent()).isPresent()) {
                return List.of();
            }
            return List.of(authorizer.map(Node::ref).orElse(field.get().keyRef()));
        }
        return List.of(url.get().ref());
    }

    /** v3 compiles a URL for any truthy {@code url} value. */
    private static boolean enabled(Node url) {
        if (url instanceof MapNode) {
            return true;
        }
        if (url instanceof ScalarNode scalar) {
            Object v = scalar.value();
            return v instanceof Boolean b ? b : v instanceof String s ? !s.isEmpty() : v != null
                    && !(v instanceof Number n && n.doubleValue() == 0);
        }
        return true;
    }
}
