package dev.slsguard.rules.lambda;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;

/** A function's {@code url:} setting, read the way Serverless Framework v3 compiles it. */
public final class FunctionUrls {

    private FunctionUrls() {
    }

    /**
     * Where to report that the function has a URL anyone can call: {@code url: true}, or a
     * {@code url} mapping whose {@code authorizer} is not {@code aws_iam} (the {@code authorizer}
     * value when written, else the {@code url} key). v3 compiles a URL for any truthy {@code url}
     * and then adds a permission for Principal '*'.
     */
    public static List<SourceRef> publicUrl(Function function) {
        Setting url = function.settings().get("url");
        if (!url.truthy()) {
            return List.of();
        }
        if (url.isMap()) {
            Setting authorizer = url.get("authorizer");
            if (authorizer.unresolved() || authorizer.isText() && authorizer.textOr("").equals("aws_iam")) {
                return List.of();
            }
            return List.of(authorizer.present() ? authorizer.ref() : url.keyRef());
        }
        return List.of(url.ref());
    }
}
