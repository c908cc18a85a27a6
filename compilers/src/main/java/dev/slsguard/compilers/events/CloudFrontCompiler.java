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
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.CloudFrontEvent;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cloudFront} events ({@code package/compile/events/cloud-front.js}): Lambda@Edge. First
 * the cache policies of {@code provider.cloudFront.cachePolicies}
 * ({@code CloudFrontCachePolicy<Name>}), then, when any event compiles, an
 * {@code AWS::Lambda::Permission} per function ({@code <Fn>LambdaFunctionInvokePermission}) that
 * lets CloudFront invoke its version, and the service's one {@code CloudFrontDistribution}: the
 * events' origins and cache behaviours, merged the way v3 merges them (same origin id, same path
 * pattern and origin), the behaviour without path pattern as the default one, with its outputs.
 * What v3 changes on the functions themselves is done by {@code FunctionCompiler}; the role's
 * trust and log statement are derivation rules.
 */
public final class CloudFrontCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** AWS's managed cache policy CachingOptimized, which v3 gives a behaviour without one of its own. */
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final Set<String> EVENT_TYPES = Set.of("viewer-request", "viewer-response", "origin-request",
            "origin-response");

    /** A cache behaviour being built, with the events that added a function association to it. */
    private record Behavior(ObjectNode json, List<EventItem> events, List<EventItem> associationEvents) {
    }

    @Override
    public EventType eventType() {
        return EventType.CLOUD_FRONT;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        JsonNode value = NodeJson.toJson(event.config());
        if (!Js.truthy(value)) {
            return CompileResult.SKIPPED; // v3 compiles nothing for an empty value; the schema validation reports it
        }
        MapNode options = event.config() instanceof MapNode map ? map : new MapNode(event.ref(), List.of());
        List<Refusal> refusals = new ArrayList<>(limits(event, options));
        Optional<ObjectNode> origin = origin(value.get("origin"));
        if (origin.isEmpty()) {
            refusals.add(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION,
                    options.field("origin").map(Details::where).orElse(event.ref()), "cloudFront event without an"
                            + " origin domain makes Serverless Framework v3 fail to package the service (it crashes"
                            + " naming the origin); give origin: https://<domain>/<path> or a mapping with DomainName"));
        }
        JsonNode policyName = value.path("cachePolicy").get("name");
        if (Js.truthy(policyName) && !cachePolicies(context.settings()).containsKey(Js.string(policyName))) {
            refusals.add(CompileResult.refusal(event, "UNRECOGNIZED_CLOUDFRONT_CACHE_POLICY",
                    options.at("cachePolicy", "name").map(Node::ref).orElse(event.ref()), "cache policy '"
                            + Js.string(policyName) + "' is not one of provider.cloudFront.cachePolicies, and"
                            + " Serverless Framework v3 refuses to package; define it there, or give the id of an"
                            + " existing policy as cachePolicy.id"));
        }
        if (origin.isPresent() && Js.truthy(value.get("isDefaultOrigin"))) {
            String id = origin.get().get("Id").textValue();
            context.compiledEvents(eventType()).stream()
                    .filter(e -> Js.truthy(NodeJson.toJson(e.config()).get("isDefaultOrigin")))
                    .filter(e -> origin(NodeJson.toJson(e.config()).get("origin"))
                            .filter(o -> !o.get("Id").textValue().equals(id)).isPresent())
                    .findFirst().ifPresent(other -> refusals.add(CompileResult.refusal(event,
                            "CLOUDFRONT_MULTIPLE_DEFAULT_ORIGIN_EVENTS",
                            options.field("isDefaultOrigin").map(Details::where).orElse(event.ref()),
                            "the cloudFront event at line " + other.ref().line() + " already makes another origin"
                                    + " the default one, and Serverless Framework v3 refuses two; keep"
                                    + " isDefaultOrigin: true on one event")));
        }
        return refusals.isEmpty() ? CompileResult.COMPILED : new CompileResult.Refused(refusals);
    }

    /**
     * v3's check before packaging: the function's own memory and timeout against the limits of
     * the event's kind (viewer events, also without eventType: 128 MB and 5 s; origin events:
     * 10240 MB and 30 s). An eventType v3 has no limits for makes it crash.
     */
    private static List<Refusal> limits(EventItem event, MapNode options) {
        List<Refusal> refusals = new ArrayList<>();
        JsonNode eventType = NodeJson.toJsonOrNull(options.get("eventType"));
        if (eventType != null && !(eventType.isTextual() && EVENT_TYPES.contains(eventType.textValue()))) {
            refusals.add(CompileResult.refusal(event, Refusal.V3_UNREADABLE_OPTION,
                    Details.where(options.field("eventType").orElseThrow()), "cloudFront eventType "
                            + Details.show(options.get("eventType").orElseThrow()) + " makes Serverless Framework v3"
                            + " fail to package the service (it has no Lambda@Edge limits for it); use viewer-request,"
                            + " viewer-response, origin-request or origin-response"));
            return refusals;
        }
        Optional<String> kind = Optional.ofNullable(eventType).map(JsonNode::textValue);
        boolean viewer = kind.map(k -> k.startsWith("viewer-")).orElse(true);
        String what = kind.map(k -> k + " event").orElse("event without eventType (checked as a viewer event)");
        int maxMemory = viewer ? CloudFrontEvent.VIEWER_MAX_MEMORY : CloudFrontEvent.ORIGIN_MAX_MEMORY;
        int maxTimeout = viewer ? CloudFrontEvent.VIEWER_MAX_TIMEOUT : CloudFrontEvent.ORIGIN_MAX_TIMEOUT;
        limit(event, "memorySize", maxMemory, "MB", "LAMBDA_EDGE_UNSUPPORTED_MEMORY_SIZE", what).ifPresent(refusals::add);
        limit(event, "timeout", maxTimeout, "seconds", "LAMBDA_EDGE_UNSUPPORTED_TIMEOUT_VALUE", what)
                .ifPresent(refusals::add);
        return refusals;
    }

    /** The refusal of the function's own {@code key} (memorySize, timeout) when it is above the event's limit. */
    private static Optional<Refusal> limit(EventItem event, String key, int max, String unit, String code, String what) {
        FunctionSettings function = event.function();
        JsonNode value = function.value(key);
        if (value == null || !value.isNumber() || value.doubleValue() <= max) {
            return Optional.empty();
        }
        return Optional.of(CompileResult.refusal(event, code, Details.where(function.config().field(key).orElseThrow()),
                "function " + function.key() + " has " + key + " " + Js.string(value) + ", but Lambda@Edge allows at"
                        + " most " + max + " " + unit + " for its " + what + " at line " + event.ref().line()
                        + ", and Serverless Framework v3 refuses to package; set " + key + " to " + max + " or less"));
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        ServiceSettings settings = context.settings();
        Map<String, JsonNode> policies = cachePolicies(settings);
        policies.forEach((name, config) -> {
            ObjectNode policy = JSON.objectNode();
            policy.put("Type", "AWS::CloudFront::CachePolicy");
            ObjectNode policyConfig = policy.putObject("Properties").putObject("CachePolicyConfig");
            if (config.isObject()) {
                policyConfig.setAll((ObjectNode) config.deepCopy());
            }
            policyConfig.put("Name", Naming.cloudFrontCachePolicyName(settings.name(), settings.stage(), name));
            context.putResource(Naming.cloudFrontCachePolicyLogicalId(name), policy, Optional.empty(),
                    settings.provider().at("cloudFront", "cachePolicies", name).map(Node::ref)
                            .orElse(settings.provider().ref()));
        });

        List<EventItem> events = context.compiledEvents(eventType());
        if (events.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> origins = new ArrayList<>();
        List<Behavior> behaviors = new ArrayList<>();
        Optional<ObjectNode> defaultOrigin = Optional.empty();
        Map<String, String> versions = new HashMap<>();
        for (EventItem event : events) {
            JsonNode value = NodeJson.toJson(event.config());
            String version = versions.computeIfAbsent(event.function().key(), k -> versionId(context, event.function()));
            ObjectNode origin = origin(value.get("origin")).orElseThrow();
            String originId = origin.get("Id").textValue();
            Optional<ObjectNode> known = origins.stream().filter(o -> o.get("Id").textValue().equals(originId))
                    .findFirst();
            if (known.isPresent()) {
                origin = extendDeep(known.get(), origin);
            } else {
                origins.add(origin);
            }
            if (Js.truthy(value.get("isDefaultOrigin"))) {
                defaultOrigin = Optional.of(origin);
            }
            ObjectNode behavior = behavior(value, originId, version);
            JsonNode path = behavior.get("PathPattern");
            Optional<Behavior> same = behaviors.stream().filter(b -> b.json().get("TargetOriginId").equals(
                    behavior.get("TargetOriginId")) && java.util.Objects.equals(b.json().get("PathPattern"), path))
                    .findFirst();
            if (same.isPresent()) {
                int before = same.get().json().get("LambdaFunctionAssociations").size();
                extendDeep(same.get().json(), behavior);
                same.get().events().add(event);
                if (same.get().json().get("LambdaFunctionAssociations").size() > before) {
                    same.get().associationEvents().add(event);
                }
            } else {
                behaviors.add(new Behavior(behavior, new ArrayList<>(List.of(event)), new ArrayList<>(List.of(event))));
            }
        }
        // the behaviours without a path pattern first, the others in their order (a stable sort)
        List<Behavior> sorted = new ArrayList<>(behaviors.stream().filter(b -> !b.json().has("PathPattern")).toList());
        behaviors.stream().filter(b -> b.json().has("PathPattern")).forEach(sorted::add);

        List<Refusal> refusals = serviceRefusals(context, events, sorted, origins, defaultOrigin);
        if (!refusals.isEmpty()) {
            return refusals;
        }
        List<ObjectNode> cacheBehaviors = new ArrayList<>(sorted.stream().map(Behavior::json).toList());
        if (cacheBehaviors.get(0).has("PathPattern")) {
            // CloudFront needs a default behaviour: v3 copies the first one, for the default origin
            ObjectNode copy = cacheBehaviors.get(0).deepCopy();
            copy.remove(List.of("PathPattern", "LambdaFunctionAssociations"));
            copy.put("TargetOriginId", defaultOrigin.orElse(origins.get(0)).get("Id").textValue());
            cacheBehaviors.add(0, copy);
        }

        ObjectNode distributionArn = Cfn.join("", Cfn.text(""), Cfn.text("arn:"), Cfn.ref("AWS::Partition"),
                Cfn.text(":cloudfront::"), Cfn.ref("AWS::AccountId"), Cfn.text(":distribution/"),
                Cfn.ref(Naming.CLOUD_FRONT_DISTRIBUTION_LOGICAL_ID));
        for (EventItem event : events) {
            FunctionSettings function = event.function();
            ObjectNode permission = JSON.objectNode();
            permission.put("Type", "AWS::Lambda::Permission");
            ObjectNode properties = permission.putObject("Properties");
            properties.set("FunctionName", Cfn.ref(versions.get(function.key())));
            properties.put("Action", "lambda:InvokeFunction");
            properties.put("Principal", "edgelambda.amazonaws.com");
            properties.set("SourceArn", distributionArn.deepCopy());
            context.putResource(Naming.lambdaAtEdgePermissionLogicalId(function.key()), permission,
                    Optional.of(function.key()), event.ref());
        }

        ObjectNode distribution = JSON.objectNode();
        distribution.put("Type", "AWS::CloudFront::Distribution");
        ObjectNode config = distribution.putObject("Properties").putObject("DistributionConfig");
        config.put("Comment", settings.name() + " " + settings.stage());
        config.put("Enabled", true);
        config.set("DefaultCacheBehavior", cacheBehaviors.get(0));
        ArrayNode originList = config.putArray("Origins");
        origins.forEach(originList::add);
        if (cacheBehaviors.size() > 1) {
            ArrayNode list = config.putArray("CacheBehaviors");
            cacheBehaviors.subList(1, cacheBehaviors.size()).forEach(list::add);
        }
        context.putResource(Naming.CLOUD_FRONT_DISTRIBUTION_LOGICAL_ID, distribution, Optional.empty(),
                events.get(0).ref());
        context.putOutput(Naming.CLOUD_FRONT_DISTRIBUTION_LOGICAL_ID, "CloudFront Distribution Id",
                Cfn.ref(Naming.CLOUD_FRONT_DISTRIBUTION_LOGICAL_ID));
        context.putOutput(Naming.CLOUD_FRONT_DOMAIN_NAME_OUTPUT_ID, "CloudFront Distribution Domain Name",
                Cfn.getAtt(Naming.CLOUD_FRONT_DISTRIBUTION_LOGICAL_ID, "DomainName"));

        for (EventItem event : events) {
            MapNode options = (MapNode) event.config();
            JsonNode value = NodeJson.toJson(options);
            JsonNode path = value.get("pathPattern");
            context.addEventFact(new CloudFrontEvent(event.function().key(), event.index(),
                    Optional.ofNullable(value.get("eventType")).filter(JsonNode::isTextual).map(JsonNode::textValue),
                    Optional.ofNullable(path).filter(JsonNode::isTextual).map(JsonNode::textValue),
                    origin(value.get("origin")).orElseThrow().get("Id").textValue(),
                    Naming.lambdaAtEdgePermissionLogicalId(event.function().key()), event.options(), event.ref(),
                    options.get("eventType").map(Node::ref).orElse(event.ref())));
            context.addEventFact(event.source(EventSource.CLOUDFRONT_DISTRIBUTION, CfnValue.of(distributionArn),
                    event.ref()));
        }
        return List.of();
    }

    /**
     * What v3 checks once every event is read: the us-east-1 region, one behaviour per path
     * pattern, one association per event type in a behaviour, and a default origin when no
     * behaviour is the default one and there are several origins.
     */
    private static List<Refusal> serviceRefusals(CompileContext context, List<EventItem> events, List<Behavior> sorted,
                                                 List<ObjectNode> origins, Optional<ObjectNode> defaultOrigin) {
        List<Refusal> refusals = new ArrayList<>();
        ServiceSettings settings = context.settings();
        if (!settings.region().equals("us-east-1")) {
            SourceRef where = settings.provider().field("region").map(Details::where).orElse(events.get(0).ref());
            refusals.add(CompileResult.refusal(events.get(0), "CLOUDFRONT_INVALID_REGION", where, "the service is"
                    + " deployed to " + settings.region() + ", but CloudFront runs Lambda@Edge functions only from"
                    + " us-east-1, and Serverless Framework v3 refuses to package cloudFront events elsewhere; deploy"
                    + " this service to us-east-1, or move the Lambda@Edge functions to a service there"));
        }
        Set<JsonNode> paths = new HashSet<>();
        for (Behavior behavior : sorted) {
            JsonNode path = behavior.json().path("PathPattern");
            if (!paths.add(path)) {
                EventItem event = behavior.events().get(0);
                refusals.add(CompileResult.refusal(event, "CLOUDFRONT_MULTIPLE_BEHAVIORS_FOR_SINGLE_PATH_PATTERN",
                        ((MapNode) event.config()).field("pathPattern").map(Details::where).orElse(event.ref()),
                        (path.isMissingNode() ? "another cloudFront event already sets the default behaviour (no"
                                + " pathPattern)" : "another cloudFront event already has pathPattern "
                                + path.textValue()) + " for another origin, and Serverless Framework v3 refuses two"
                                + " behaviours for one path pattern; give this event its own pathPattern, or the same"
                                + " origin"));
            }
            Set<JsonNode> types = new HashSet<>();
            ArrayNode associations = (ArrayNode) behavior.json().get("LambdaFunctionAssociations");
            for (int i = 0; i < associations.size(); i++) {
                if (!types.add(associations.get(i).path("EventType"))) {
                    EventItem event = behavior.associationEvents().get(i);
                    refusals.add(CompileResult.refusal(event, "CLOUDFRONT_EVENT_TYPE_NON_UNIQUE_CACHE_BEHAVIOR",
                            ((MapNode) event.config()).field("eventType").map(Details::where).orElse(event.ref()),
                            "another function already runs on " + associations.get(i).path("EventType").asText("this"
                                    + " event type") + " of this cache behaviour (same origin and path pattern), and"
                                    + " CloudFront allows one function per event type, so Serverless Framework v3"
                                    + " refuses to package; use another event type or pathPattern"));
                }
            }
        }
        if (sorted.get(0).json().has("PathPattern") && defaultOrigin.isEmpty() && origins.size() > 1) {
            refusals.add(CompileResult.refusal(events.get(0), "CLOUDFRONT_MULTIPLE_DEFAULT_ORIGIN_EVENTS",
                    events.get(0).ref(), "the cloudFront events use " + origins.size() + " origins and none of them"
                            + " is the default (every event has a pathPattern), and Serverless Framework v3 refuses to"
                            + " choose; add isDefaultOrigin: true to the event whose origin serves every other path"));
        }
        return refusals;
    }

    /** A behaviour as v3 builds it for one event, before merging. */
    private static ObjectNode behavior(JsonNode value, String originId, String version) {
        ObjectNode behavior = JSON.objectNode();
        behavior.put("ViewerProtocolPolicy", "allow-all");
        JsonNode given = value.get("behavior");
        boolean defaultPolicy = true;
        if (given != null && given.isObject()) {
            behavior.setAll((ObjectNode) given.deepCopy());
            if (Js.truthy(given.get("CachePolicyId")) || Js.truthy(given.get("ForwardedValues"))
                    || Js.present(given.get("MaxTTL")) || Js.present(given.get("MinTTL"))
                    || Js.present(given.get("DefaultTTL"))) {
                defaultPolicy = false;
            }
        }
        JsonNode cachePolicy = value.get("cachePolicy");
        if (Js.truthy(cachePolicy)) {
            JsonNode id = cachePolicy.get("id");
            behavior.set("CachePolicyId", Js.truthy(id) ? id
                    : Cfn.ref(Naming.cloudFrontCachePolicyLogicalId(Js.string(cachePolicy.get("name")))));
            defaultPolicy = false;
        }
        if (defaultPolicy) {
            behavior.put("CachePolicyId", CACHING_OPTIMIZED);
        }
        ObjectNode association = JSON.objectNode();
        JsonNode eventType = value.get("eventType");
        if (eventType != null) {
            association.set("EventType", eventType);
        }
        association.set("LambdaFunctionARN", Cfn.ref(version));
        if (Js.present(value.get("includeBody"))) {
            association.set("IncludeBody", value.get("includeBody"));
        }
        behavior.put("TargetOriginId", originId);
        behavior.putArray("LambdaFunctionAssociations").add(association);
        JsonNode path = value.get("pathPattern");
        if (path != null && path.isTextual() && !path.textValue().isEmpty()) {
            behavior.set("PathPattern", path);
        }
        return behavior;
    }

    /**
     * An origin as v3 builds it, with its {@code Id}: a URL gives its host and path (an
     * {@code s3://} URL an S3 origin, any other a custom origin matching the viewer's protocol), a
     * mapping is taken as it is. Empty where v3 cannot name it (no domain).
     */
    static Optional<ObjectNode> origin(JsonNode given) {
        ObjectNode origin = JSON.objectNode();
        if (given != null && given.isTextual()) {
            OriginUrl url = OriginUrl.parse(given.textValue());
            if (url.host().isPresent()) {
                origin.put("DomainName", url.host().get());
            } else {
                origin.putNull("DomainName");
            }
            if (url.path().length() > 1) {
                origin.put("OriginPath", url.path());
            }
            if (url.protocol().equals("s3:")) {
                origin.putObject("S3OriginConfig");
            } else {
                origin.putObject("CustomOriginConfig").put("OriginProtocolPolicy", "match-viewer");
            }
        } else if (given != null && given.isObject()) {
            origin.setAll((ObjectNode) given.deepCopy());
        }
        JsonNode domain = origin.get("DomainName");
        if (domain == null || domain.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode path = origin.get("OriginPath");
        origin.put("Id", Naming.cloudFrontOriginId(Js.truthy(origin.get("S3OriginConfig")), domain,
                Js.truthy(path) ? Optional.of(Js.string(path)) : Optional.empty()));
        return Optional.of(origin);
    }

    /**
     * v3's {@code extendDeep}: adds what {@code target} lacks from {@code source}; lists are
     * concatenated without repeating equal items, mappings are extended the same way, and the
     * target's other values win.
     */
    private static ObjectNode extendDeep(ObjectNode target, JsonNode source) {
        source.properties().forEach(e -> {
            JsonNode existing = target.get(e.getKey());
            if (existing == null) {
                target.set(e.getKey(), e.getValue());
            } else if (existing.isArray()) {
                ArrayNode merged = JSON.arrayNode();
                List<JsonNode> items = new ArrayList<>();
                existing.forEach(items::add);
                if (e.getValue().isArray()) {
                    e.getValue().forEach(items::add);
                } else {
                    items.add(e.getValue());
                }
                for (JsonNode item : items) {
                    boolean seen = false;
                    for (JsonNode kept : merged) {
                        seen |= kept.equals(item);
                    }
                    if (!seen) {
                        merged.add(item);
                    }
                }
                target.set(e.getKey(), merged);
            } else if (existing.isObject() && e.getValue().isObject()) {
                extendDeep((ObjectNode) existing, e.getValue());
            }
        });
        return target;
    }

    /** {@code provider.cloudFront.cachePolicies}, by name in written order. */
    private static Map<String, JsonNode> cachePolicies(ServiceSettings settings) {
        Map<String, JsonNode> policies = new java.util.LinkedHashMap<>();
        JsonNode given = settings.providerValue("cloudFront", "cachePolicies");
        if (given != null && given.isObject()) {
            given.properties().forEach(e -> policies.put(e.getKey(), e.getValue()));
        }
        return policies;
    }

    /** The logical id of the function's version (Lambda@Edge functions are always versioned). */
    private static String versionId(CompileContext context, FunctionSettings function) {
        return context.resources().stream().filter(r -> r.type().equals("AWS::Lambda::Version"))
                .filter(r -> r.definition().path("Properties").path("FunctionName").path("Ref").asText()
                        .equals(function.logicalId()))
                .map(Resource::logicalId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no version of Lambda@Edge function " + function.key()));
    }

    /**
     * What Node's legacy {@code url.parse} reads from an origin URL: the protocol with its colon,
     * the lower-cased host without user or port, and the path without query or fragment.
     */
    private record OriginUrl(String protocol, Optional<String> host, String path) {

        static OriginUrl parse(String url) {
            String rest = url.trim();
            String protocol = "";
            int colon = rest.indexOf(':');
            if (colon > 0 && rest.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                protocol = rest.substring(0, colon + 1).toLowerCase(java.util.Locale.ROOT);
                rest = rest.substring(colon + 1);
            }
            Optional<String> host = Optional.empty();
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
                int end = 0;
                while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
                    end++;
                }
                String authority = rest.substring(0, end);
                rest = rest.substring(end);
                authority = authority.substring(authority.lastIndexOf('@') + 1);
                int port = authority.lastIndexOf(':');
                if (port >= 0 && authority.substring(port + 1).matches("\\d*")) {
                    authority = authority.substring(0, port);
                }
                host = Optional.of(authority.toLowerCase(java.util.Locale.ROOT));
            }
            int query = rest.length();
            for (char c : new char[] {'?', '#'}) {
                int at = rest.indexOf(c);
                if (at >= 0 && at < query) {
                    query = at;
                }
            }
            String path = rest.substring(0, query);
            return new OriginUrl(protocol, host, host.isPresent() && path.isEmpty() ? "/" : path);
        }
    }
}
