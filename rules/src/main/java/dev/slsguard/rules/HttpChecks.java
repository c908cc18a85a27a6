package dev.slsguard.rules;

import dev.slsguard.engine.text.Spelling;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The conditions under which Serverless Framework v3 refuses to package {@code http} events (its
 * {@code API_GATEWAY_*} errors and the crashes of its REST API compiler) and the warnings it
 * prints for them. Each {@link Violation}'s kind is one of the constants below.
 */
public final class HttpChecks {

    public static final String MISSING_AUTHORIZER_NAME_OR_ARN = "API_GATEWAY_MISSING_AUTHORIZER_NAME_OR_ARN";
    public static final String MISSING_AUTHORIZER_NAME = "API_GATEWAY_MISSING_AUTHORIZER_NAME";
    public static final String AUTHORIZER_ARN_WITHOUT_NAME = "authorizer-arn-without-name";
    public static final String AUTHORIZER_FUNCTION_MISSING = "authorizer-function-missing";
    public static final String INVALID_COGNITO_CLAIMS = "API_GATEWAY_INVALID_COGNITO_CLAIMS";
    public static final String MISSING_REQUEST_URI = "API_GATEWAY_MISSING_REQUEST_URI";
    public static final String MISSING_CONNECTION_ID = "API_GATEWAY_MISSING_CONNECTION_ID";
    public static final String MISSING_STATUS_CODES = "missing-status-codes";
    public static final String PROXY_REQUEST = "proxy-request";
    public static final String PROXY_RESPONSE = "proxy-response";
    public static final String MISSING_ROOT_RESOURCE_ID = "API_GATEWAY_MISSING_REST_API_ROOT_RESOURCE_ID";
    public static final String EXTERNAL_API_TRACING = "API_GATEWAY_EXTERNAL_API_TRACING";
    public static final String EXTERNAL_API_LOGS = "API_GATEWAY_EXTERNAL_API_LOGS";
    public static final String INVALID_STAGE_NAME = "API_GATEWAY_INVALID_STAGE_NAME";
    public static final String INVALID_VPC_ENDPOINT_IDS = "API_GATEWAY_INVALID_VPC_ENDPOINT_IDS_CONFIG";
    public static final String KEY_WITHOUT_USAGE_PLAN = "API_GATEWAY_KEY_WITHOUT_USAGE_PLAN";

    private HttpChecks() {
    }

    private static Optional<String> text(Node node) {
        return Options.coercesToString(node) ? Options.string(node) : Optional.empty();
    }

    private static boolean truthy(Optional<Node> node) {
        if (node.isEmpty() || node.get() instanceof MapNode || node.get() instanceof ListNode) {
            return node.isPresent();
        }
        ScalarNode scalar = (ScalarNode) node.get();
        Object value = scalar.value();
        return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
                && !(value instanceof Number n && n.doubleValue() == 0);
    }

    private static SourceRef keyRef(MapNode map, String key, SourceRef fallback) {
        return map.field(key).map(MapNode.Field::keyRef).orElse(fallback);
    }

    /** v3's errors and warnings for one {@code http} event. */
    public static List<Violation> eventViolations(EventDecl event, Service service) {
        List<Violation> out = new ArrayList<>();
        Node config = event.config();
        if (!(config instanceof MapNode map) || Options.unresolved(config)) {
            return out;
        }
        String integration = HttpSchema.integration(config);
        map.field("authorizer").ifPresent(f -> authorizer(f, integration, service, out));
        if (integration.equals("HTTP") || integration.equals("HTTP_PROXY")) {
            Optional<Node> request = map.get("request");
            boolean uri = request.isPresent() && request.get() instanceof MapNode r && truthy(r.get("uri"));
            if (!uri) {
                out.add(new Violation(MISSING_REQUEST_URI, keyRef(map, "integration", event.ref()),
                        "http integration " + integration + " needs request.uri, the backend URL to forward to;"
                                + " Serverless Framework v3 refuses to package without it"
                                + " (API_GATEWAY_MISSING_REQUEST_URI)"));
            } else {
                Optional<String> type = map.get("connectionType").flatMap(HttpChecks::text)
                        .map(t -> t.toUpperCase(Locale.ROOT).replaceFirst("-", "_"));
                if (type.filter("VPC_LINK"::equals).isPresent() && !truthy(map.get("connectionId"))) {
                    out.add(new Violation(MISSING_CONNECTION_ID, keyRef(map, "connectionType", event.ref()),
                            "connectionType " + map.get("connectionType").flatMap(HttpChecks::text).orElse("")
                                    + " needs connectionId, the id of the VPC link; Serverless Framework v3 refuses"
                                    + " to package without it (API_GATEWAY_MISSING_CONNECTION_ID)"));
                }
            }
        }
        Optional<Node> response = map.get("response");
        boolean codes = response.isPresent() && response.get() instanceof MapNode r
                && r.get("statusCodes").filter(MapNode.class::isInstance).isPresent();
        if (integration.equals("HTTP") && response.isEmpty() && uriPresent(map)) {
            out.add(new Violation(MISSING_STATUS_CODES, keyRef(map, "integration", event.ref()),
                    "http integration HTTP without response: Serverless Framework v3 crashes (TypeError) while"
                            + " mapping responses; add response.statusCodes, e.g. {200: {pattern: ''}}"));
        }
        if (integration.equals("MOCK") && response.isPresent() && !codes) {
            out.add(new Violation(MISSING_STATUS_CODES, keyRef(map, "response", event.ref()),
                    "http integration MOCK with a response but no response.statusCodes: Serverless Framework v3"
                            + " crashes (TypeError) while mapping responses; add statusCodes, e.g. {200: {pattern: ''}}"));
        }
        if (integration.equals("AWS_PROXY") || integration.equals("HTTP_PROXY")) {
            List<String> allowed = integration.equals("AWS_PROXY") ? List.of("parameters", "schema", "schemas")
                    : List.of("parameters", "uri", "schema", "schemas");
            map.get("request").filter(MapNode.class::isInstance).map(MapNode.class::cast).ifPresent(request -> {
                for (MapNode.Field f : request.fields()) {
                    if (!allowed.contains(f.key())) {
                        out.add(new Violation(PROXY_REQUEST, f.keyRef(), "request." + f.key() + " has no effect with"
                                + " the " + integration + " integration (only request." + String.join(", request.", allowed)
                                + " apply): Serverless Framework v3 drops it; remove it or use integration "
                                + (integration.equals("AWS_PROXY") ? "lambda" : "http")));
                    }
                }
            });
            map.field("response").ifPresent(f -> out.add(new Violation(PROXY_RESPONSE, f.keyRef(), "response has no"
                    + " effect with the " + integration + " integration, where the backend writes the whole response:"
                    + " Serverless Framework v3 drops it; remove it or use integration "
                    + (integration.equals("AWS_PROXY") ? "lambda" : "http"))));
        }
        return out;
    }

    private static boolean uriPresent(MapNode map) {
        return map.get("request").filter(MapNode.class::isInstance).map(r -> truthy(((MapNode) r).get("uri")))
                .orElse(false);
    }

    private static List<String> functionKeys(Service service) {
        return service.config().get("functions").filter(MapNode.class::isInstance)
                .map(f -> ((MapNode) f).keys()).orElse(List.of());
    }

    private static void authorizer(MapNode.Field field, String integration, Service service, List<Violation> out) {
        Node value = field.value();
        if (Options.unresolved(value)) {
            return;
        }
        String functionName = null;
        SourceRef functionRef = field.value().ref();
        Node arn = null;
        Node claims = null;
        if (value instanceof ScalarNode && Options.isString(value)) {
            String text = Options.string(value).orElse("");
            if (text.isEmpty() || text.equalsIgnoreCase("AWS_IAM")) {
                return;
            }
            if (!text.contains(":")) {
                functionName = text;
            } else {
                arn = value;
            }
        } else if (value instanceof MapNode map) {
            Optional<String> type = map.get("type").flatMap(HttpChecks::text);
            boolean external = type.isPresent() && !type.get().isEmpty() && truthy(map.get("authorizerId"));
            if (external || type.filter(t -> t.equalsIgnoreCase("AWS_IAM")).isPresent()) {
                return;
            }
            Optional<Node> name = map.get("name");
            if (truthy(map.get("arn"))) {
                arn = map.get("arn").get();
                boolean named = name.filter(n -> Options.isString(n)).isPresent();
                if (!named && !Options.isArnString(arn) && !(arn instanceof ScalarNode)) {
                    boolean cognito = type.filter(t -> t.equalsIgnoreCase("COGNITO_USER_POOLS")).isPresent();
                    out.add(new Violation(cognito ? MISSING_AUTHORIZER_NAME : AUTHORIZER_ARN_WITHOUT_NAME, field.keyRef(),
                            cognito ? "a COGNITO_USER_POOLS authorizer whose arn is an intrinsic function needs name;"
                                    + " Serverless Framework v3 refuses to package without it"
                                    + " (API_GATEWAY_MISSING_AUTHORIZER_NAME)"
                                    : "an authorizer whose arn is an intrinsic function needs name (v3 derives the"
                                    + " name from a literal ARN only and crashes with a TypeError otherwise)"));
                }
            } else if (truthy(name)) {
                functionName = name.flatMap(HttpChecks::text).orElse(null);
                functionRef = name.get().ref();
            } else {
                out.add(new Violation(MISSING_AUTHORIZER_NAME_OR_ARN, field.keyRef(), "authorizer needs name (a"
                        + " function of this service) or arn (a Lambda function or Cognito user pool ARN);"
                        + " Serverless Framework v3 refuses to package without one"
                        + " (API_GATEWAY_MISSING_AUTHORIZER_NAME_OR_ARN)"));
                return;
            }
            claims = map.get("claims").orElse(null);
        } else {
            return;
        }
        if (functionName != null && !functionKeys(service).contains(functionName)) {
            out.add(new Violation(AUTHORIZER_FUNCTION_MISSING, functionRef, "authorizer '" + functionName
                    + "' is not a function of this service" + Spelling.hint(functionName, functionKeys(service))
                    + ": Serverless Framework v3 refuses to package; name one of the service's functions or give"
                    + " the authorizer's ARN"));
        }
        boolean cognitoArn = arn != null && Options.isArnString(arn)
                && Options.string(arn).orElse("").matches("^arn:[a-zA-Z-]*:cognito-idp.*");
        boolean hasClaims = claims != null && (!(claims instanceof ListNode list) || !list.items().isEmpty());
        if (integration.equals("AWS_PROXY") && cognitoArn && hasClaims) {
            out.add(new Violation(INVALID_COGNITO_CLAIMS, claimsRef(field), "Cognito claims are mapped only by the"
                    + " lambda (non-proxy) integration; with the default lambda-proxy integration the function reads"
                    + " them from the event. Serverless Framework v3 refuses to package this"
                    + " (API_GATEWAY_INVALID_COGNITO_CLAIMS): remove claims or set integration: lambda"));
        }
    }

    private static SourceRef claimsRef(MapNode.Field authorizer) {
        return authorizer.value() instanceof MapNode map ? keyRef(map, "claims", authorizer.keyRef())
                : authorizer.keyRef();
    }

    /** v3's service-wide errors of the REST API settings; only meaningful when the service has http events. */
    public static List<Violation> serviceViolations(Service service, SourceRef firstEvent) {
        List<Violation> out = new ArrayList<>();
        MapNode provider = service.config().get("provider").filter(MapNode.class::isInstance)
                .map(MapNode.class::cast).orElse(null);
        MapNode api = provider == null ? null : provider.get("apiGateway").filter(MapNode.class::isInstance)
                .map(MapNode.class::cast).orElse(null);
        boolean external = api != null && truthy(api.get("restApiId"));
        if (external && !truthy(api.get("restApiRootResourceId"))) {
            out.add(new Violation(MISSING_ROOT_RESOURCE_ID, keyRef(api, "restApiId", firstEvent),
                    "provider.apiGateway.restApiId needs provider.apiGateway.restApiRootResourceId, the id of the"
                            + " external API's root resource; Serverless Framework v3 refuses to package without it"
                            + " (API_GATEWAY_MISSING_REST_API_ROOT_RESOURCE_ID)"));
        }
        if (external) {
            provider.get("tracing").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                    .flatMap(t -> t.field("apiGateway")).filter(f -> !isNull(f.value()))
                    .ifPresent(f -> out.add(new Violation(EXTERNAL_API_TRACING, f.keyRef(), "provider.tracing.apiGateway"
                            + " cannot apply to an external REST API (provider.apiGateway.restApiId): its stage is not"
                            + " managed here. Serverless Framework v3 refuses to package this"
                            + " (API_GATEWAY_EXTERNAL_API_TRACING); remove the setting")));
            provider.get("logs").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                    .flatMap(t -> t.field("restApi")).filter(f -> !isNull(f.value()))
                    .ifPresent(f -> out.add(new Violation(EXTERNAL_API_LOGS, f.keyRef(), "provider.logs.restApi"
                            + " cannot apply to an external REST API (provider.apiGateway.restApiId): its stage is not"
                            + " managed here. Serverless Framework v3 refuses to package this"
                            + " (API_GATEWAY_EXTERNAL_API_LOGS); remove the setting")));
        }
        if (!service.stage().matches("^[-_a-zA-Z0-9]+$")) {
            SourceRef where = provider == null ? firstEvent : provider.get("stage")
                    .filter(n -> text(n).filter(service.stage()::equals).isPresent()).map(Node::ref).orElse(firstEvent);
            out.add(new Violation(INVALID_STAGE_NAME, where, "stage '" + service.stage() + "' is not a valid API"
                    + " Gateway stage name (letters, digits, - and _ only); Serverless Framework v3 refuses to"
                    + " package http events with it (API_GATEWAY_INVALID_STAGE_NAME)"));
        }
        if (provider != null && !external) {
            Optional<String> type = provider.get("endpointType").flatMap(HttpChecks::text);
            Optional<MapNode.Field> ids = provider.field("vpcEndpointIds").filter(f -> truthy(Optional.of(f.value())));
            if (type.isPresent() && !type.get().isEmpty() && ids.isPresent()
                    && !type.get().equalsIgnoreCase("PRIVATE")) {
                out.add(new Violation(INVALID_VPC_ENDPOINT_IDS, ids.get().keyRef(), "provider.vpcEndpointIds"
                        + " apply only to PRIVATE APIs but endpointType is " + type.get() + "; Serverless Framework"
                        + " v3 refuses to package this (API_GATEWAY_INVALID_VPC_ENDPOINT_IDS_CONFIG): set"
                        + " endpointType: PRIVATE or remove vpcEndpointIds"));
            }
        }
        if (api != null) {
            keysWithoutPlan(api, out);
        }
        return out;
    }

    /** The earliest of the service's http events in the file, where service-wide problems without a key of their own go. */
    public static SourceRef firstRef(List<?> events) {
        SourceRef best = null;
        for (Object o : events) {
            SourceRef ref = ((EventDecl) o).ref();
            if (best == null || ref.line() < best.line() || (ref.line() == best.line() && ref.column() < best.column())) {
                best = ref;
            }
        }
        return best;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.value() == null;
    }

    private static void keysWithoutPlan(MapNode api, List<Violation> out) {
        Optional<Node> keys = api.get("apiKeys");
        if (keys.isEmpty() || !(keys.get() instanceof ListNode list)) {
            return;
        }
        Optional<Node> plans = api.get("usagePlan");
        List<String> names = new ArrayList<>();
        if (plans.isPresent() && plans.get() instanceof ListNode planList) {
            for (Node plan : planList.items()) {
                if (plan instanceof MapNode m && m.size() > 0) {
                    names.add(m.keys().get(0));
                }
            }
        } else {
            names.add("default");
        }
        for (Node key : list.items()) {
            if (key instanceof MapNode m && m.size() > 0) {
                MapNode.Field first = m.fields().get(0);
                boolean object = first.value() instanceof MapNode || first.value() instanceof ListNode;
                if (!names.isEmpty() && !names.contains(first.key()) && object) {
                    out.add(new Violation(KEY_WITHOUT_USAGE_PLAN, first.keyRef(), "API keys '" + first.key()
                            + "' belong to no usage plan (plans: " + String.join(", ", names) + "); Serverless"
                            + " Framework v3 refuses to package this (API_GATEWAY_KEY_WITHOUT_USAGE_PLAN): add a"
                            + " usagePlan entry named " + first.key() + " or rename the key group"));
                }
            }
        }
    }
}
