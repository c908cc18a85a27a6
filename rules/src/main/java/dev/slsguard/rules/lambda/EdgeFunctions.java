package dev.slsguard.rules.lambda;

import dev.slsguard.engine.model.CloudFrontEvent;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BiFunction;

/**
 * A Lambda@Edge function's settings, read the way Serverless Framework v3 compiles them, against
 * what Lambda@Edge supports (see
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html).
 */
public final class EdgeFunctions {

    /** A Lambda feature Lambda@Edge refuses, where the function sets it, and why. */
    public record Unsupported(Setting setting, String what) {
    }

    private EdgeFunctions() {
    }

    /**
     * The function's own setting when it has one (a non-empty mapping or a true value), else the
     * provider's: where a problem with an effective setting is best fixed.
     */
    private static Optional<Setting> effective(Service service, Function function, String key) {
        Setting own = function.settings().get(key);
        if (own.present()) {
            return own.truthy() && !(own.isMap() && own.size() == 0) ? Optional.of(own) : Optional.empty();
        }
        Setting provider = service.settings().at("provider", key);
        return provider.truthy() && !(provider.isMap() && provider.size() == 0) ? Optional.of(provider)
                : Optional.empty();
    }

    /**
     * A setting v3 drops or replaces for some Lambda@Edge functions, with those functions (in
     * order): a function's own setting concerns that function, a provider setting every edge
     * function that inherits it, reported once.
     */
    public record Dropped(Setting setting, List<String> functions) {
    }

    /** The environments v3 drops: each function's variables, else the provider's (v3 merges both). */
    public static List<Dropped> environment(Service service, Collection<?> events, Collection<?> functions) {
        return group(service, events, functions, EdgeFunctions::environment);
    }

    /**
     * The VPC settings v3 drops: each function's {@code vpc}, else the provider's, when they name
     * security groups or subnets (a function's {@code vpc: false} opts out).
     */
    public static List<Dropped> vpc(Service service, Collection<?> events, Collection<?> functions) {
        return group(service, events, functions, EdgeFunctions::vpc);
    }

    /**
     * The provider's {@code timeout} and {@code memorySize}, when v3 replaces them with 5 s and
     * 128 MB for Lambda@Edge functions without their own.
     */
    public static List<Dropped> ignoredProviderLimits(Service service, Collection<?> events, Collection<?> functions) {
        return group(service, events, functions, EdgeFunctions::ignoredProviderLimits);
    }

    /** Per setting, the functions with cloudFront events (in function order) it concerns. */
    private static List<Dropped> group(Service service, Collection<?> events, Collection<?> functions,
                                       BiFunction<Service, Function, List<Setting>> settings) {
        Set<String> edge = events.stream().map(e -> ((CloudFrontEvent) e).function()).collect(Collectors.toSet());
        Map<SourceRef, Dropped> byPlace = new LinkedHashMap<>();
        functions.stream().map(Function.class::cast).filter(f -> edge.contains(f.key()))
                .sorted(Comparator.comparingInt(Function::index))
                .forEach(function -> settings.apply(service, function).forEach(setting -> byPlace
                        .computeIfAbsent(setting.ref(), r -> new Dropped(setting, new ArrayList<>()))
                        .functions().add(function.key())));
        return List.copyOf(byPlace.values());
    }

    private static List<Setting> environment(Service service, Function function) {
        Setting own = function.settings().get("environment");
        if (own.isMap() && own.size() > 0) {
            return List.of(own);
        }
        Setting provider = service.settings().at("provider", "environment");
        return provider.isMap() && provider.size() > 0 ? List.of(provider) : List.of();
    }

    private static List<Setting> vpc(Service service, Function function) {
        Setting own = function.settings().get("vpc");
        if (own.present() && !own.truthy()) {
            return List.of();
        }
        Optional<Setting> vpc = effective(service, function, "vpc");
        return vpc.filter(v -> v.has("securityGroupIds") || v.has("subnetIds")).map(List::of).orElse(List.of());
    }

    private static List<Setting> ignoredProviderLimits(Service service, Function function) {
        List<Setting> ignored = new ArrayList<>();
        for (String key : List.of("timeout", "memorySize")) {
            Setting provider = service.settings().at("provider", key);
            int edgeDefault = key.equals("timeout") ? CloudFrontEvent.VIEWER_MAX_TIMEOUT
                    : CloudFrontEvent.VIEWER_MAX_MEMORY;
            if (!function.settings().get(key).truthy() && provider.truthy() && !provider.unresolved()
                    && !provider.equalsNumber(edgeDefault)) {
                ignored.add(provider);
            }
        }
        return ignored;
    }

    /** The functions' names, for a message: {@code a}, {@code a and b}, {@code a, b and c}. */
    public static String names(List<String> functions) {
        if (functions.size() == 1) {
            return functions.get(0);
        }
        return String.join(", ", functions.subList(0, functions.size() - 1)) + " and "
                + functions.get(functions.size() - 1);
    }

    /** Where the function's runtime is set (its own, else the provider's); absent for the default. */
    public static Setting runtime(Service service, Function function) {
        Setting own = function.settings().get("runtime");
        return own.truthy() ? own : service.settings().at("provider", "runtime");
    }

    /** Whether Lambda@Edge runs this runtime: Node.js and Python only. */
    public static boolean supportedRuntime(String runtime) {
        return runtime.startsWith("nodejs") || runtime.startsWith("python");
    }

    /** The settings of the function (or the provider's that apply to it) that Lambda@Edge refuses. */
    public static List<Unsupported> unsupported(Service service, Function function) {
        List<Unsupported> found = new ArrayList<>();
        effective(service, function, "layers").ifPresent(s -> found.add(new Unsupported(s, "layers")));
        effective(service, function, "architecture").filter(s -> s.textOr("").equals("arm64"))
                .ifPresent(s -> found.add(new Unsupported(s, "the arm64 architecture")));
        Setting image = function.settings().get("image");
        if (image.truthy() && !function.settings().get("handler").truthy()) {
            found.add(new Unsupported(image, "container images"));
        }
        Setting onError = function.settings().get("onError");
        if (onError.truthy()) {
            found.add(new Unsupported(onError, "dead-letter queues (onError)"));
        }
        Setting tracing = function.settings().get("tracing");
        Setting lambdaTracing = tracing.present() ? tracing : service.settings().at("provider", "tracing", "lambda");
        if (lambdaTracing.truthy()) {
            found.add(new Unsupported(lambdaTracing, "AWS X-Ray tracing"));
        }
        Setting reserved = function.settings().get("reservedConcurrency");
        if (reserved.present() && !reserved.isNull()) {
            found.add(new Unsupported(reserved, "reserved concurrency"));
        }
        Setting provisioned = function.settings().get("provisionedConcurrency");
        if (provisioned.truthy()) {
            found.add(new Unsupported(provisioned, "provisioned concurrency"));
        }
        Setting storage = function.settings().get("ephemeralStorageSize");
        if (storage.above(512)) {
            found.add(new Unsupported(storage, "more than 512 MB of ephemeral storage"));
        }
        return found;
    }
}
