package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;
import java.util.regex.Pattern;

/**
 * v3's schema of the REST API's provider settings ({@code provider.apiGateway},
 * {@code provider.endpointType}, {@code provider.logs.restApi}): the allowed keys and their value
 * types. Violations are {@link Violation#VALUE} or {@link Violation#UNKNOWN_KEY}.
 */
public final class ApiGatewaySchema {

    /** The keys of {@code provider.apiGateway}, in v3's schema order. */
    public static final List<String> OPTIONS = List.of("apiKeys", "apiKeySourceType", "binaryMediaTypes",
            "description", "disableDefaultEndpoint", "metrics", "minimumCompressionSize", "resourcePolicy",
            "restApiId", "restApiResources", "restApiRootResourceId", "request", "shouldStartNameWithService",
            "stage", "usagePlan", "websocketApiId");
    private static final List<String> API_KEY_OPTIONS = List.of("name", "value", "description", "customerId",
            "enabled");
    private static final List<String> REST_API_LOG_OPTIONS = List.of("accessLogging", "executionLogging", "format",
            "fullExecutionData", "level", "role", "roleManagedExternally");
    private static final Pattern MEDIA_TYPE = Pattern.compile("^\\S+/\\S+$");

    private ApiGatewaySchema() {
    }

    /** Every violation of the service's REST API provider settings. */
    public static List<Violation> violations(Service service) {
        OptionChecks checks = new OptionChecks("provider.apiGateway");
        MapNode provider = service.config().get("provider").filter(MapNode.class::isInstance)
                .map(MapNode.class::cast).orElse(null);
        if (provider == null) {
            return List.of();
        }
        provider.field("endpointType").ifPresent(f -> {
            String text = Options.coercesToString(f.value()) ? Options.string(f.value()).orElse("")
                    : null;
            if (!Options.unresolved(f.value()) && (text == null
                    || List.of("REGIONAL", "EDGE", "PRIVATE").stream().noneMatch(t -> t.equalsIgnoreCase(text)))) {
                checks.add(Violation.VALUE, OptionChecks.where(f), "provider.endpointType must be REGIONAL, EDGE or"
                        + " PRIVATE (any case); got " + Options.show(f.value()));
            }
        });
        provider.get("logs").filter(MapNode.class::isInstance).flatMap(l -> ((MapNode) l).field("restApi"))
                .ifPresent(f -> restApiLogs(checks, f));
        provider.field("apiGateway").ifPresent(f -> apiGateway(checks, f));
        return checks.violations();
    }

    private static void restApiLogs(OptionChecks checks, MapNode.Field field) {
        if (Options.unresolved(field.value()) || Options.bool(field.value()).isPresent()) {
            return;
        }
        if (!(field.value() instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "provider.logs.restApi must be true, false or a"
                    + " mapping; got " + Options.show(field.value()));
            return;
        }
        for (MapNode.Field f : map.fields()) {
            switch (f.key()) {
                case "accessLogging", "executionLogging", "fullExecutionData", "roleManagedExternally" ->
                        checks.bool("logs.restApi." + f.key(), f);
                case "level" -> checks.oneOf("logs.restApi.level", f, List.of("INFO", "ERROR"));
                default -> {
                }
            }
        }
        for (MapNode.Field f : map.fields()) {
            if (!REST_API_LOG_OPTIONS.contains(f.key())) {
                checks.add(Violation.UNKNOWN_KEY, f.keyRef(), "provider.logs.restApi has no option '" + f.key() + "'"
                        + Spelling.hint(f.key(), REST_API_LOG_OPTIONS) + "; allowed: "
                        + String.join(", ", REST_API_LOG_OPTIONS));
            }
        }
    }

    private static void apiGateway(OptionChecks checks, MapNode.Field field) {
        if (Options.unresolved(field.value())) {
            return;
        }
        if (!(field.value() instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "provider.apiGateway must be a mapping; got "
                    + Options.show(field.value()));
            return;
        }
        for (MapNode.Field f : map.fields()) {
            Node value = f.value();
            if (Options.unresolved(value)) {
                continue;
            }
            switch (f.key()) {
                case "disableDefaultEndpoint", "metrics", "shouldStartNameWithService" -> checks.bool(f.key(), f);
                case "minimumCompressionSize" -> checks.integer(f.key(), f, 0, 10485760);
                case "apiKeySourceType" -> {
                    String text = Options.coercesToString(value) ? Options.string(value).orElse("")
                            : "";
                    if (!text.equalsIgnoreCase("HEADER") && !text.equalsIgnoreCase("AUTHORIZER")) {
                        checks.add(Violation.VALUE, OptionChecks.where(f), "provider.apiGateway.apiKeySourceType must"
                                + " be HEADER or AUTHORIZER; got " + Options.show(value));
                    }
                }
                case "binaryMediaTypes" -> {
                    List<Node> items = value instanceof ListNode list ? list.items() : List.of(value);
                    for (Node item : items) {
                        if (!Options.unresolved(item) && !(Options.coercesToString(item)
                                && MEDIA_TYPE.matcher(Options.string(item).orElse("")).matches())) {
                            checks.add(Violation.VALUE, value instanceof ListNode ? item.ref() : OptionChecks.where(f),
                                    "provider.apiGateway.binaryMediaTypes must list media types such as image/png"
                                            + " or */*; got " + Options.show(item));
                        }
                    }
                }
                case "request" -> request(checks, f);
                case "apiKeys" -> apiKeys(checks, f);
                case "usagePlan" -> usagePlans(checks, f);
                default -> {
                }
            }
        }
        checks.unknownKeys("", map, OPTIONS);
    }

    private static void request(OptionChecks checks, MapNode.Field field) {
        if (!(field.value() instanceof MapNode map)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "provider.apiGateway.request must be a mapping with"
                    + " schemas; got " + Options.show(field.value()));
            return;
        }
        map.field("schemas").ifPresent(s -> {
            if (!(s.value() instanceof MapNode schemas)) {
                checks.add(Violation.VALUE, OptionChecks.where(s), "provider.apiGateway.request.schemas must map"
                        + " model ids to {schema, name, description}; got " + Options.show(s.value()));
                return;
            }
            for (MapNode.Field model : schemas.fields()) {
                String path = "request.schemas." + model.key();
                if (!(model.value() instanceof MapNode settings)) {
                    checks.add(Violation.VALUE, OptionChecks.where(model), "provider.apiGateway." + path
                            + " must be a mapping with schema (and name, description); got " + Options.show(model.value()));
                    continue;
                }
                if (settings.get("schema").isEmpty()) {
                    checks.add(Violation.VALUE, model.keyRef(), "provider.apiGateway." + path + " needs schema: the"
                            + " JSON schema itself goes under schema, with optional name and description");
                }
                checks.unknownKeys(path, settings, List.of("schema", "name", "description"));
            }
        });
        checks.unknownKeys("request", map, List.of("schemas"));
    }

    private static void apiKeys(OptionChecks checks, MapNode.Field field) {
        if (!(field.value() instanceof ListNode list)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "provider.apiGateway.apiKeys must be a list of key"
                    + " names, {name, value, description, customerId, enabled} mappings or {<usage plan>: [keys]};"
                    + " got " + Options.show(field.value()));
            return;
        }
        for (Node item : list.items()) {
            if (item instanceof MapNode map && map.size() == 1 && map.fields().get(0).value() instanceof ListNode keys
                    && !API_KEY_OPTIONS.contains(map.keys().get(0))) {
                for (Node key : keys.items()) {
                    if (key instanceof MapNode keyMap) {
                        checks.unknownKeys("apiKeys." + map.keys().get(0), keyMap, API_KEY_OPTIONS);
                    }
                }
            } else if (item instanceof MapNode map) {
                checks.unknownKeys("apiKeys", map, API_KEY_OPTIONS);
                map.field("enabled").ifPresent(e -> checks.bool("apiKeys.enabled", e));
            } else if (!Options.coercesToString(item)) {
                checks.add(Violation.VALUE, item.ref(), "provider.apiGateway.apiKeys items must be key names or"
                        + " mappings; got " + Options.show(item));
            }
        }
    }

    private static void usagePlans(OptionChecks checks, MapNode.Field field) {
        Node value = field.value();
        if (value instanceof ListNode list) {
            for (Node item : list.items()) {
                if (!(item instanceof MapNode map) || map.size() != 1) {
                    checks.add(Violation.VALUE, item.ref(), "provider.apiGateway.usagePlan items must be"
                            + " {<plan name>: {quota, throttle}}; got " + Options.show(item));
                    continue;
                }
                MapNode.Field plan = map.fields().get(0);
                if (plan.value() instanceof MapNode settings) {
                    usagePlan(checks, "usagePlan." + plan.key(), settings);
                }
            }
        } else if (value instanceof MapNode settings) {
            usagePlan(checks, "usagePlan", settings);
        } else if (!Options.unresolved(value)) {
            checks.add(Violation.VALUE, OptionChecks.where(field), "provider.apiGateway.usagePlan must be {quota,"
                    + " throttle} or a list of named plans; got " + Options.show(value));
        }
    }

    private static void usagePlan(OptionChecks checks, String path, MapNode settings) {
        settings.get("quota").filter(MapNode.class::isInstance).map(MapNode.class::cast).ifPresent(quota -> {
            for (MapNode.Field f : quota.fields()) {
                switch (f.key()) {
                    case "limit", "offset" -> checks.integer(path + ".quota." + f.key(), f, 0, Integer.MAX_VALUE);
                    case "period" -> checks.oneOf(path + ".quota.period", f, List.of("DAY", "WEEK", "MONTH"));
                    default -> {
                    }
                }
            }
            checks.unknownKeys(path + ".quota", quota, List.of("limit", "offset", "period"));
        });
        settings.get("throttle").filter(MapNode.class::isInstance).map(MapNode.class::cast).ifPresent(throttle -> {
            for (MapNode.Field f : throttle.fields()) {
                if (f.key().equals("burstLimit") || f.key().equals("rateLimit")) {
                    checks.integer(path + ".throttle." + f.key(), f, 0, Integer.MAX_VALUE);
                }
            }
            checks.unknownKeys(path + ".throttle", throttle, List.of("burstLimit", "rateLimit"));
        });
        checks.unknownKeys(path, settings, List.of("quota", "throttle"));
    }
}
