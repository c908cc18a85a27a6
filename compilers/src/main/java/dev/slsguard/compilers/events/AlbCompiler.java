package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.AlbEvent;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.text.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code alb} events: Lambda targets of Application Load Balancer listener rules
 * ({@code package/compile/events/alb}). Each event is read and checked as v3's {@code validate}
 * does (listener ARN, conditions, target group name, authorizers, and the priority against the
 * events compiled before); {@link #finish} then adds, as v3 does for all events in turn, the target
 * groups, the listener rules and the two invoke permissions of each function. Like v3, events of
 * one function on one load balancer with the same {@code multiValueHeaders} share one target group,
 * which the last of them writes.
 */
public final class AlbCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern LISTENER_ARN = Pattern.compile(
            "arn:aws[\\w-]*:elasticloadbalancing:.+:listener/app/[\\w-]+/([\\w-]+)/([\\w-]+)");
    private static final String PRINCIPAL = "elasticloadbalancing.amazonaws.com";
    /** v3 writes the conditions in this order, whatever the user's order. */
    private static final List<String> CONDITIONS = List.of("path", "host", "method", "header", "query", "ip");

    @Override
    public EventType eventType() {
        return EventType.ALB;
    }

    /**
     * One event as v3 reads it.
     *
     * @param albId          the load balancer's id from the ARN, or the listener's Ref
     * @param listenerId     the listener's id from the ARN, or its Ref
     * @param conditions     the conditions v3 copies, lists made of single values
     * @param multiValue     {@code multiValueHeaders} when truthy, else false
     * @param authorizers    the names in {@code authorizer}
     * @param healthCheck    the health check settings with {@code enabled: true}, when given
     */
    private record Target(EventItem event, String albId, String listenerId, JsonNode listenerArn, JsonNode priority,
                          ObjectNode conditions, JsonNode multiValue, Optional<JsonNode> targetGroupName,
                          List<String> authorizers, Optional<ObjectNode> healthCheck) {

        FunctionSettings function() {
            return event.function();
        }

        boolean multiValueHeaders() {
            return Js.truthy(multiValue);
        }

        String targetGroupId() {
            return Naming.albTargetGroupLogicalId(function().key(), albId, multiValueHeaders());
        }

        String listenerRuleId() {
            return Naming.albListenerRuleLogicalId(function().key(), Js.string(priority));
        }
    }

    private record Reading(Optional<Target> target, List<Refusal> refusals) {
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        Reading reading = read(event, context.settings());
        if (!reading.refusals().isEmpty()) {
            return new CompileResult.Refused(reading.refusals());
        }
        if (reading.target().isEmpty()) {
            return CompileResult.SKIPPED;
        }
        List<Target> earlier = new ArrayList<>();
        for (EventItem compiled : context.compiledEvents(eventType())) {
            read(compiled, context.settings()).target().ifPresent(earlier::add);
        }
        Optional<Refusal> priority = priorityInUse(reading.target().get(), earlier);
        return priority.<CompileResult>map(r -> new CompileResult.Refused(List.of(r))).orElse(CompileResult.COMPILED);
    }

    private static Reading read(EventItem event, ServiceSettings settings) {
        Node config = event.config();
        if (config instanceof ScalarNode) {
            return new Reading(Optional.empty(), List.of()); // v3 ignores it; the schema validation reports it
        }
        MapNode options = config instanceof MapNode map ? map : new MapNode(config.ref(), List.of());
        JsonNode value = config instanceof MapNode ? NodeJson.toJson(config) : JSON.objectNode();
        List<Refusal> refusals = new ArrayList<>();

        String[] ids = listener(event, options, value.get("listenerArn"), refusals);
        JsonNode conditionsValue = value.get("conditions");
        ObjectNode conditions = JSON.objectNode();
        if (!Js.present(conditionsValue)) {
            refusals.add(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION, event.ref(), "alb event needs"
                    + " conditions, when the listener forwards to the function: path, host, method, header, query"
                    + " or ip; Serverless Framework v3 stops packaging on it with a TypeError"));
        } else {
            if (conditionsValue.isObject()) {
                for (String kind : CONDITIONS) {
                    JsonNode condition = conditionsValue.get(kind);
                    if (Js.truthy(condition)) {
                        conditions.set(kind, kind.equals("query") || condition.isArray() ? condition
                                : JSON.arrayNode().add(condition));
                    }
                }
            }
            if (keyCount(conditionsValue) == 0) {
                refusals.add(CompileResult.refusal(event, "ALB_NO_CONDITIONS", where(event, options, "conditions"),
                        "alb event needs at least one condition (path, host, method, header, query or ip) saying"
                                + " which requests go to the function; Serverless Framework v3 refuses this"
                                + " (ALB_NO_CONDITIONS)"));
            }
        }
        JsonNode targetGroupName = value.get("targetGroupName");
        JsonNode prefix = settings.providerValue("alb", "targetGroupPrefix");
        if (Js.truthy(targetGroupName) && Js.truthy(prefix)) {
            refusals.add(CompileResult.refusal(event, "ALB_TARGET_GROUP_NAME_EXCLUSIVE",
                    where(event, options, "targetGroupName"), "targetGroupName cannot be combined with"
                            + " provider.alb.targetGroupPrefix ('" + Js.string(prefix) + "'): remove one of them;"
                            + " Serverless Framework v3 refuses both (ALB_TARGET_GROUP_NAME_EXCLUSIVE)"));
        }
        List<String> authorizers = authorizers(event, options, value.get("authorizer"), settings, refusals);
        JsonNode healthCheckValue = value.get("healthCheck");
        Optional<ObjectNode> healthCheck = Optional.empty();
        if (Js.truthy(healthCheckValue)) {
            ObjectNode check = healthCheckValue.isObject() ? ((ObjectNode) healthCheckValue).deepCopy()
                    : JSON.objectNode();
            check.put("enabled", true);
            healthCheck = Optional.of(check);
        }
        if (!refusals.isEmpty() || ids == null) {
            return new Reading(Optional.empty(), refusals);
        }
        JsonNode multiValue = value.get("multiValueHeaders");
        return new Reading(Optional.of(new Target(event, ids[0], ids[1], value.get("listenerArn"),
                value.get("priority"), conditions, Js.truthy(multiValue) ? multiValue : JSON.booleanNode(false),
                Optional.ofNullable(targetGroupName).filter(Js::truthy), authorizers, healthCheck)), List.of());
    }

    /** v3's {@code validateListenerArn}: the load balancer's and the listener's ids, or null when refused. */
    private static String[] listener(EventItem event, MapNode options, JsonNode arn, List<Refusal> refusals) {
        if (arn != null && (arn.isObject() || arn.isArray())) {
            JsonNode ref = arn.get("Ref");
            if (Js.truthy(ref)) {
                return new String[] {Js.string(ref), Js.string(ref)};
            }
        }
        if (arn != null && arn.isTextual()) {
            Matcher m = LISTENER_ARN.matcher(arn.textValue());
            if (m.matches()) {
                return new String[] {m.group(1), m.group(2)};
            }
            refusals.add(CompileResult.refusal(event, "ALB_INVALID_LISTENER_ARN", where(event, options, "listenerArn"),
                    "alb listenerArn must be the ARN of an Application Load Balancer listener"
                            + " (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)"
                            + (arn.textValue().contains(":listener/net/") ? ", not of a Network Load Balancer's" : "")
                            + ", or !Ref of a listener; Serverless Framework v3 refuses this (ALB_INVALID_LISTENER_ARN)"));
            return null;
        }
        Optional<String> got = options.get("listenerArn").map(n -> n instanceof MapNode map && map.size() == 1
                ? map.keys().get(0) : Details.show(n));
        refusals.add(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION, where(event, options, "listenerArn"),
                got.map(g -> "alb listenerArn must be the listener's ARN or !Ref of a listener resource or parameter;"
                        + " got " + g + ", which Serverless Framework v3 cannot read (it stops packaging with a"
                        + " TypeError)").orElse("alb event needs listenerArn, the listener's ARN or !Ref of a"
                        + " listener; Serverless Framework v3 stops packaging on it with a TypeError")));
        return null;
    }

    /** {@code Object.keys(conditions).length}: keys of a mapping, items of a list, characters of text. */
    private static int keyCount(JsonNode conditions) {
        if (conditions.isObject() || conditions.isArray()) {
            return conditions.size();
        }
        return conditions.isTextual() ? conditions.textValue().length() : 0;
    }

    /** v3's {@code validateEventAuthorizers}: every name must be a key of {@code provider.alb.authorizers}. */
    private static List<String> authorizers(EventItem event, MapNode options, JsonNode value, ServiceSettings settings,
                                            List<Refusal> refusals) {
        List<String> names = new ArrayList<>();
        if (!Js.truthy(value)) {
            return names;
        }
        JsonNode configured = settings.providerValue("alb", "authorizers");
        List<String> defined = configured != null && configured.isObject() ? keys(configured) : List.of();
        Node given = options.get("authorizer").orElseThrow();
        List<Node> items = given instanceof ListNode list ? list.items() : List.of(given);
        for (Node item : items) {
            String name = Js.string(NodeJson.toJson(item));
            names.add(name);
            if (!defined.contains(name) || !Js.truthy(configured.get(name))) {
                refusals.add(CompileResult.refusal(event, "ALB_MISSING_AUTHORIZER", item.ref(), "alb authorizer '"
                        + name + "' is not defined in provider.alb.authorizers" + Spelling.hint(name, defined)
                        + (defined.isEmpty() ? " (none is defined)" : "; defined: " + String.join(", ", defined))
                        + "; Serverless Framework v3 refuses this (ALB_MISSING_AUTHORIZER)"));
            }
        }
        return names;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * v3's {@code validatePriorities}: one function cannot use a priority twice, even on two
     * listeners (its listener rules are named after the priority), and two functions cannot share
     * a priority on one listener.
     */
    private static Optional<Refusal> priorityInUse(Target target, List<Target> earlier) {
        MapNode options = (MapNode) target.event().config();
        for (Target other : earlier) {
            if (!samePriority(target.priority(), other.priority())) {
                continue;
            }
            boolean sameFunction = other.function().key().equals(target.function().key());
            boolean sameListener = other.listenerId().equals(target.listenerId());
            if (sameFunction && !sameListener) {
                return Optional.of(CompileResult.refusal(target.event(), "ALB_PRIORITY_ALREADY_IN_USE",
                        where(target.event(), options, "priority"), "priority " + Js.string(target.priority())
                                + " is already used by event " + (other.event().index() + 1) + " of this function on another"
                                + " listener: Serverless Framework v3 names a function's listener rules after their"
                                + " priority, so each alb event of a function needs its own priority even on different"
                                + " listeners; it refuses this (ALB_PRIORITY_ALREADY_IN_USE)"));
            }
            if (!sameFunction && sameListener) {
                return Optional.of(CompileResult.refusal(target.event(), "ALB_PRIORITY_ALREADY_IN_USE",
                        where(target.event(), options, "priority"), "priority " + Js.string(target.priority())
                                + " is already used on this listener by function " + other.function().key() + ": rules of one listener"
                                + " need distinct priorities; Serverless Framework v3 refuses this"
                                + " (ALB_PRIORITY_ALREADY_IN_USE)"));
            }
        }
        return Optional.empty();
    }

    /** JavaScript's {@code ===} on two priorities. */
    private static boolean samePriority(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        return a.isValueNode() && a.equals(b);
    }

    /** Where a refusal of an option points: see {@link Details#where}; the event item when the option is missing. */
    private static SourceRef where(EventItem event, MapNode options, String key) {
        return options.field(key).map(Details::where).orElse(event.ref());
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        List<Target> targets = new ArrayList<>();
        for (EventItem event : context.compiledEvents(eventType())) {
            read(event, context.settings()).target().ifPresent(targets::add);
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        ServiceSettings settings = context.settings();
        JsonNode authorizers = settings.providerValue("alb", "authorizers");
        Optional<Refusal> unreadable = unreadableAuthorizer(targets.get(0).event(), settings, authorizers);
        if (unreadable.isPresent()) {
            return List.of(unreadable.get());
        }
        for (Target target : targets) {
            context.putResource(target.targetGroupId(), targetGroup(settings, target), Optional.of(target.function().key()),
                    target.event().ref());
        }
        for (Target target : targets) {
            context.putResource(target.listenerRuleId(), listenerRule(target, authorizers),
                    Optional.of(target.function().key()), target.event().ref());
        }
        for (Target target : targets) {
            FunctionSettings function = target.function();
            ObjectNode invoke = permission(function);
            ObjectNode alb = invoke.deepCopy();
            ((ObjectNode) alb.get("Properties")).set("SourceArn", Cfn.ref(target.targetGroupId()));
            context.mergeResource(Naming.albPermissionLogicalId(function.key()), alb, Optional.of(function.key()),
                    target.event().ref());
            context.mergeResource(Naming.albRegisterTargetPermissionLogicalId(function.key()), invoke,
                    Optional.of(function.key()), target.event().ref());
        }
        for (Target target : targets) {
            context.addEventFact(fact(target, authorizers));
        }
        return List.of();
    }

    /**
     * v3 sets {@code onUnauthenticatedRequest} on every authorizer before it reads the events, and
     * fails with a TypeError on one that is not a mapping.
     */
    private static Optional<Refusal> unreadableAuthorizer(EventItem firstEvent, ServiceSettings settings,
                                                          JsonNode authorizers) {
        if (authorizers == null || !authorizers.isObject()) {
            return Optional.empty();
        }
        MapNode configured = (MapNode) settings.provider().at("alb", "authorizers").orElseThrow();
        for (MapNode.Field field : configured.fields()) {
            JsonNode value = authorizers.get(field.key());
            if (!value.isObject() && !value.isArray()) {
                return Optional.of(CompileResult.refusal(firstEvent, Refusal.V3_UNREADABLE_OPTION, Details.where(field),
                        "provider.alb.authorizers." + field.key() + " must be a mapping (type: cognito or oidc and"
                                + " its settings); got " + Details.show(field.value()) + ", on which Serverless"
                                + " Framework v3 stops packaging with a TypeError"));
            }
        }
        return Optional.empty();
    }

    private static ObjectNode targetGroup(ServiceSettings settings, Target target) {
        FunctionSettings function = target.function();
        ObjectNode group = JSON.objectNode();
        group.put("Type", "AWS::ElasticLoadBalancingV2::TargetGroup");
        ObjectNode properties = group.putObject("Properties");
        properties.put("TargetType", "lambda");
        properties.putArray("Targets").addObject().set("Id", function.target());
        JsonNode prefix = settings.providerValue("alb", "targetGroupPrefix");
        properties.set("Name", target.targetGroupName().<JsonNode>map(JsonNode::deepCopy).orElseGet(() -> JSON.textNode(
                Naming.albTargetGroupName(Js.truthy(prefix) ? Js.string(prefix) : "", settings.name(), function.key(),
                        target.albId(), target.multiValueHeaders(), settings.stage()))));
        ObjectNode tag = properties.putArray("Tags").addObject();
        tag.put("Key", "Name");
        tag.put("Value", Naming.albTargetGroupNameTag(settings.name(), function.key(), target.albId(), false,
                settings.stage()));
        ObjectNode attribute = properties.putArray("TargetGroupAttributes").addObject();
        attribute.put("Key", "lambda.multi_value_headers.enabled");
        attribute.set("Value", target.multiValue().deepCopy());
        properties.put("HealthCheckEnabled", false);
        target.healthCheck().ifPresent(check -> healthCheck(properties, check));
        ArrayNode dependsOn = group.putArray("DependsOn");
        dependsOn.add(Naming.albRegisterTargetPermissionLogicalId(function.key()));
        function.targetAlias().map(TargetAlias::logicalId).ifPresent(dependsOn::add);
        return group;
    }

    /** v3's health check defaults, overridden by what the event sets. */
    private static void healthCheck(ObjectNode properties, ObjectNode check) {
        properties.put("HealthCheckPath", "/");
        properties.put("HealthCheckIntervalSeconds", 35);
        properties.put("HealthCheckTimeoutSeconds", 30);
        properties.put("HealthyThresholdCount", 5);
        properties.put("UnhealthyThresholdCount", 5);
        properties.putObject("Matcher").put("HttpCode", "200");
        setIfPresent(properties, "HealthCheckEnabled", check.get("enabled"));
        setIfPresent(properties, "HealthCheckIntervalSeconds", check.get("intervalSeconds"));
        setIfPresent(properties, "HealthCheckPath", check.get("path"));
        setIfPresent(properties, "HealthCheckTimeoutSeconds", check.get("timeoutSeconds"));
        setIfPresent(properties, "HealthyThresholdCount", check.get("healthyThresholdCount"));
        if (Js.truthy(check.get("unhealthyThresholdCount"))) {
            properties.set("UnhealthyThresholdCount", check.get("unhealthyThresholdCount"));
        }
        JsonNode matcher = check.get("matcher");
        if (Js.truthy(matcher) && Js.truthy(matcher.get("httpCode"))) {
            properties.putObject("Matcher").set("HttpCode", matcher.get("httpCode"));
        }
    }

    private static ObjectNode listenerRule(Target target, JsonNode authorizers) {
        ObjectNode rule = JSON.objectNode();
        rule.put("Type", "AWS::ElasticLoadBalancingV2::ListenerRule");
        ObjectNode properties = rule.putObject("Properties");
        ArrayNode actions = properties.putArray("Actions");
        int order = 0;
        for (String name : target.authorizers()) {
            JsonNode auth = authorizers.get(name);
            ObjectNode action = actions.addObject();
            boolean cognito = "cognito".equals(auth.path("type").textValue());
            action.put("Type", cognito ? "authenticate-cognito" : "authenticate-oidc");
            action.put("Order", ++order);
            ObjectNode config = action.putObject(cognito ? "AuthenticateCognitoConfig" : "AuthenticateOidcConfig");
            List<Map.Entry<String, String>> keys = cognito
                    ? List.of(Map.entry("UserPoolArn", "userPoolArn"), Map.entry("UserPoolClientId", "userPoolClientId"),
                            Map.entry("UserPoolDomain", "userPoolDomain"))
                    : List.of(Map.entry("AuthorizationEndpoint", "authorizationEndpoint"),
                            Map.entry("ClientId", "clientId"), Map.entry("Issuer", "issuer"),
                            Map.entry("TokenEndpoint", "tokenEndpoint"), Map.entry("UserInfoEndpoint", "userInfoEndpoint"));
            for (Map.Entry<String, String> key : keys) {
                setIfPresent(config, key.getKey(), auth.get(key.getValue()));
            }
            config.set("OnUnauthenticatedRequest", onUnauthenticatedRequest(auth));
            setIfPresent(config, "AuthenticationRequestExtraParams", auth.get("requestExtraParams"));
            setIfPresent(config, "Scope", auth.get("scope"));
            setIfPresent(config, "SessionCookieName", auth.get("sessionCookieName"));
            setIfPresent(config, "SessionTimeout", auth.get("sessionTimeout"));
            if (!cognito) {
                if (Js.truthy(auth.get("clientSecret"))) {
                    config.set("ClientSecret", auth.get("clientSecret"));
                } else {
                    config.put("UseExistingClientSecret", true);
                }
            }
        }
        ObjectNode forward = actions.addObject();
        forward.put("Type", "forward");
        forward.set("TargetGroupArn", Cfn.ref(target.targetGroupId()));
        if (order > 0) {
            forward.put("Order", order + 1);
        }
        properties.set("Conditions", conditions(target.conditions()));
        properties.set("ListenerArn", target.listenerArn().deepCopy());
        if (target.priority() != null) {
            properties.set("Priority", target.priority().deepCopy());
        }
        return rule;
    }

    /** {@code auth.onUnauthenticatedRequest || 'deny'}. */
    private static JsonNode onUnauthenticatedRequest(JsonNode auth) {
        JsonNode value = auth.get("onUnauthenticatedRequest");
        return Js.truthy(value) ? value : JSON.textNode("deny");
    }

    private static ArrayNode conditions(ObjectNode conditions) {
        ArrayNode out = JSON.arrayNode();
        if (conditions.has("path")) {
            out.addObject().put("Field", "path-pattern").set("Values", conditions.get("path"));
        }
        if (conditions.has("host")) {
            condition(out, "host-header", "HostHeaderConfig").set("Values", conditions.get("host"));
        }
        if (conditions.has("method")) {
            condition(out, "http-request-method", "HttpRequestMethodConfig").set("Values", conditions.get("method"));
        }
        if (conditions.has("header")) {
            for (JsonNode header : conditions.get("header")) {
                ObjectNode config = condition(out, "http-header", "HttpHeaderConfig");
                setIfPresent(config, "HttpHeaderName", header.get("name"));
                setIfPresent(config, "Values", header.get("values"));
            }
        }
        if (conditions.has("query")) {
            ArrayNode values = condition(out, "query-string", "QueryStringConfig").putArray("Values");
            conditions.get("query").properties().forEach(e -> values.addObject().put("Key", e.getKey())
                    .set("Value", e.getValue()));
        }
        if (conditions.has("ip")) {
            condition(out, "source-ip", "SourceIpConfig").set("Values", conditions.get("ip"));
        }
        return out;
    }

    private static ObjectNode condition(ArrayNode conditions, String field, String config) {
        ObjectNode condition = conditions.addObject();
        condition.put("Field", field);
        return condition.putObject(config);
    }

    /** The invoke permission v3 writes for the load balancer (with the alias in DependsOn, after Properties). */
    private static ObjectNode permission(FunctionSettings function) {
        ObjectNode permission = JSON.objectNode();
        permission.put("Type", "AWS::Lambda::Permission");
        ObjectNode properties = permission.putObject("Properties");
        properties.set("FunctionName", function.target());
        properties.put("Action", "lambda:InvokeFunction");
        properties.put("Principal", PRINCIPAL);
        function.targetAlias().map(TargetAlias::logicalId)
                .ifPresent(alias -> permission.putArray("DependsOn").add(alias));
        return permission;
    }

    private static AlbEvent fact(Target target, JsonNode authorizers) {
        boolean authenticates = target.authorizers().stream().map(name -> authorizers.get(name))
                .anyMatch(auth -> !"allow".equals(onUnauthenticatedRequest(auth).asText()));
        List<String> paths = new ArrayList<>();
        JsonNode path = target.conditions().get("path");
        if (path != null) {
            path.forEach(p -> paths.add(Js.string(p)));
        }
        EventItem event = target.event();
        return new AlbEvent(event.function().key(), event.index(), CfnValue.of(target.listenerArn()), target.albId(),
                target.listenerId(), target.targetGroupId(), target.listenerRuleId(), target.authorizers(),
                authenticates, paths, event.options(), event.ref());
    }

    private static void setIfPresent(ObjectNode object, String key, JsonNode value) {
        if (Js.present(value)) {
            object.set(key, value.deepCopy());
        }
    }
}
