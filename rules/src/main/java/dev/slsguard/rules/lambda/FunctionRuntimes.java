package dev.slsguard.rules.lambda;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;

/**
 * Where a function's runtime comes from: its own {@code runtime}, the inherited
 * {@code provider.runtime}, or Serverless Framework v3's default ({@code nodejs16.x}) when neither
 * is set. Findings about an inherited runtime point at the provider line, once for all functions.
 */
public final class FunctionRuntimes {

    private FunctionRuntimes() {
    }

    /** True when the function sets its own {@code runtime} (known, not an unresolved variable). */
    static boolean own(Function function) {
        Setting runtime = function.settings().get("runtime");
        return runtime.present() && !runtime.unresolved();
    }

    /** The line to report a problem with the function's runtime at. */
    public static SourceRef where(Function function, Service service) {
        if (own(function)) {
            return function.settings().get("runtime").ref();
        }
        Setting provider = service.settings().at("provider", "runtime");
        return provider.present() ? provider.ref() : function.ref();
    }

    /** How the finding names the setting: {@code provider.runtime}, or the function's own. */
    public static String subject(Function function, Service service) {
        if (own(function)) {
            return "function " + function.key() + " uses runtime " + function.runtime().orElse("");
        }
        if (service.settings().at("provider", "runtime").present()) {
            return "provider.runtime " + function.runtime().orElse("");
        }
        return "function " + function.key() + " sets no runtime, so Serverless Framework v3 deploys it with "
                + function.runtime().orElse("");
    }

    /** The finding's message for a deprecated runtime that can still be deployed. */
    public static String deprecated(Function function, Service service, RuntimeLifecycle life) {
        return subject(function, service) + ", which Lambda deprecated on " + life.deprecated()
                + " (no more security patches); creating functions with it is blocked from " + life.blockCreate()
                + " and updating them from " + life.blockUpdate() + "; " + life.advice() + " (dates: " + life.data() + ")";
    }

    /** The finding's message for a runtime Lambda no longer creates functions with. */
    public static String blocked(Function function, Service service, RuntimeLifecycle life, java.time.LocalDate today) {
        String update = life.updateBlocked(today)
                ? "and updating existing ones since " + life.blockUpdate()
                : "and will refuse updates from " + life.blockUpdate();
        return subject(function, service) + ", with which Lambda has refused to create functions since "
                + life.blockCreate() + " " + update + " (deprecated " + life.deprecated() + "); " + life.advice()
                + " (dates: " + life.data() + ")";
    }
}
