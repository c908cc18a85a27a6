package dev.slsguard.reports.map;

import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each event of {@code functions.*.events} names as its source, by event type: the queue,
 * stream, topic, bucket, cluster or broker (a box shared with grants on the same resource), the API
 * and the first segment of its routes, the schedule, the event bus, ... and where the event's
 * failures go. One place lists every event type v3 knows.
 */
final class EventSourceNames {

    /** The box an event comes from and the arrow's label. */
    record Source(ServiceMap.Box box, String label) {
    }

    private final ResourceNames resources;

    EventSourceNames(ResourceNames resources) {
        this.resources = resources;
    }

    Source of(EventDecl event) {
        Setting o = event.options();
        String how = event.invocation().name().toLowerCase(Locale.ROOT);
        String type = event.type();
        return switch (type) {
            case "sqs", "stream" -> new Source(resource(o.isScalar() ? o : o.get("arn"), type, type.equals("sqs") ? "sqs" : ""),
                    type + (o.get("type").isText() ? " (" + o.get("type").textOr("") + ")" : "") + " · " + how);
            case "sns" -> new Source(resource(o.isScalar() ? o : o.has("arn") ? o.get("arn") : o.get("topicName"),
                    "SNS topic", "sns"), "sns · " + how);
            case "s3" -> new Source(resource(o.isScalar() ? o : o.get("bucket"), "S3 bucket", "s3"),
                    "s3" + (o.get("event").isText() ? " " + o.get("event").textOr("") : "") + " · " + how);
            case "msk", "activemq", "rabbitmq" -> new Source(resource(o.get("arn"), type, type.equals("msk") ? "kafka" : "mq"),
                    type + topic(o) + " · " + how);
            case "kafka" -> new Source(named("kafka", "Kafka cluster", String.join(", ", texts(o.get("bootstrapServers"))),
                    "kafka"), "kafka" + topic(o) + " · " + how);
            case "http" -> new Source(route("REST API", routePath(o, "path")), "http " + method(o) + " · " + how);
            case "httpApi" -> new Source(route("HTTP API", routePath(o, "path")), "httpApi " + method(o) + " · " + how);
            case "websocket" -> new Source(named("websocket", "WebSocket API", "routes", "apigateway"),
                    "websocket " + (o.isScalar() ? o.textOr("") : o.get("route").textOr("")) + " · " + how);
            case "alb" -> new Source(resource(o.get("listenerArn"), "ALB listener", "elasticloadbalancing"), "alb · " + how);
            case "schedule" -> new Source(named("schedule", "schedule", schedule(o), "scheduler"), "schedule · " + how);
            case "eventBridge" -> new Source(bus(o.get("eventBus")), "eventBridge · " + how);
            case "cloudwatchEvent" -> new Source(bus(Setting.absent("eventBus", o.ref())), "cloudwatchEvent · " + how);
            case "cloudwatchLog" -> new Source(named("log-group", "log group",
                    o.isScalar() ? o.textOr("") : o.get("logGroup").textOr(""), "logs"), "cloudwatchLog · " + how);
            case "cognitoUserPool" -> new Source(named("user-pool", "Cognito user pool", o.get("pool").textOr(""),
                    "cognito-idp"), "cognitoUserPool " + o.get("trigger").textOr("") + " · " + how);
            case "iot" -> new Source(named("iot", "IoT rule", o.has("name") ? o.get("name").textOr("")
                    : o.get("sql").textOr(""), "iot"), "iot · " + how);
            case "iotFleetProvisioning" -> new Source(named("iot-fleet", "IoT fleet provisioning",
                    o.get("templateName").textOr("template"), "iot"), "iotFleetProvisioning · " + how);
            case "alexaSkill", "alexaSmartHome" -> new Source(named("alexa", "Alexa skill",
                    o.isScalar() ? o.textOr("") : o.get("appId").textOr(""), "alexa"), type + " · " + how);
            case "cloudFront" -> new Source(named("cloudfront", "CloudFront distribution",
                    o.get("origin").isText() ? o.get("origin").textOr("") : "the service's distribution", "cloudfront"),
                    "cloudFront " + o.get("eventType").textOr("") + " · " + how);
            default -> new Source(named("event", "event " + type, "not an event type v3 knows", ""), type);
        };
    }

    /** Where the event's failed batches or undelivered events go. */
    List<ServiceMap.Box> failures(EventDecl event) {
        Setting o = event.options();
        List<ServiceMap.Box> out = new ArrayList<>();
        if (o.isMap()) {
            destination(o.at("destinations", "onFailure")).ifPresent(out::add);
            Setting dlq = o.get("deadLetterQueueArn");
            if (dlq.present() && !dlq.isNull()) {
                out.add(resource(dlq, "queue", "sqs"));
            }
        }
        return out;
    }

    /** Where the function's own failed asynchronous invocations go ({@code destinations.onFailure}, {@code onError}). */
    List<ServiceMap.Box> failures(Setting function) {
        List<ServiceMap.Box> out = new ArrayList<>();
        destination(function.at("destinations", "onFailure")).ifPresent(out::add);
        Setting onError = function.get("onError");
        if (onError.present() && !onError.isNull()) {
            out.add(resource(onError, "dead-letter target", ""));
        }
        return out;
    }

    private Optional<ServiceMap.Box> destination(Setting onFailure) {
        if (!onFailure.present() || onFailure.isNull()) {
            return Optional.empty();
        }
        if (onFailure.isMap() && !onFailure.isIntrinsic()) {
            return Optional.of(resource(onFailure.get("arn"), onFailure.get("type").textOr("destination"), ""));
        }
        return Optional.of(resource(onFailure, "function", "lambda"));
    }

    private ServiceMap.Box resource(Setting value, String kind, String service) {
        if (!value.present() || value.isNull()) {
            return named("unknown", kind, "not given", service);
        }
        if (value.isScalar()) {
            return resources.literal(value.textOr(""), kind, service);
        }
        return resources.of(CfnValue.of(value.toJson()));
    }

    private ServiceMap.Box bus(Setting eventBus) {
        if (!eventBus.present() || eventBus.isNull()) {
            return named("bus", "event bus", "default", "events");
        }
        if (eventBus.isScalar() && !eventBus.isArn()) {
            return named("bus", "event bus", eventBus.textOr(""), "events");
        }
        return resource(eventBus, "event bus", "events");
    }

    /** API routes grouped by the API and the first segment of their path ({@code /items}). */
    private static ServiceMap.Box route(String api, String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String group = "/" + (slash < 0 ? trimmed : trimmed.substring(0, slash));
        return named("routes:" + api, api, group, "apigateway");
    }

    private static String routePath(Setting o, String key) {
        if (o.isScalar()) {
            String text = o.textOr("").trim();
            int space = text.indexOf(' ');
            return space < 0 ? text : text.substring(space + 1).trim();
        }
        return o.get(key).textOr("");
    }

    private static String method(Setting o) {
        if (o.isScalar()) {
            String text = o.textOr("").trim();
            int space = text.indexOf(' ');
            return space < 0 ? "*" : text.substring(0, space).toUpperCase(Locale.ROOT);
        }
        return o.get("method").textOr("*").toUpperCase(Locale.ROOT);
    }

    private static String topic(Setting o) {
        Setting topic = o.has("topic") ? o.get("topic") : o.get("queue");
        return topic.isText() ? " " + topic.textOr("") : "";
    }

    private static String schedule(Setting o) {
        Setting rate = o.isScalar() ? o : o.get("rate");
        if (rate.isList()) {
            return String.join(", ", texts(rate));
        }
        return rate.textOr("");
    }

    private static List<String> texts(Setting list) {
        if (list.isScalar()) {
            return List.of(list.textOr(""));
        }
        return list.items().stream().map(item -> item.textOr(item.shown())).toList();
    }

    private static ServiceMap.Box named(String kind, String what, String name, String service) {
        return new ServiceMap.Box("source:" + kind + ":" + name, ServiceMap.Kind.SOURCE, name, what, service,
                List.of(), Optional.empty());
    }
}
