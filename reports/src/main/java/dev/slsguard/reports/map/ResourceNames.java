package dev.slsguard.reports.map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IntrinsicText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the resource a CloudFormation value points at, so that a queue an event reads, a grant on
 * it and a failure destination all meet in one box: a resource of the template (by logical id, through
 * {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} or {@code Fn::Join}), an external ARN, or {@code *}.
 */
final class ResourceNames {

    static final String EVERY = "every:*";
    /** One part of an ARN written with variables: text without colons, or a whole {@code ${AWS::Region}}. */
    private static final String PART = "(?:\\$\\{[^}]*}|[^:$])*";
    private static final Pattern SUB_ARN = Pattern.compile("^arn:" + PART + ":([a-z0-9-]+):" + PART + ":" + PART + ":");
    private static final Pattern SUB_REF = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    private final JsonNode resources;

    /** @param template the compiled template */
    ResourceNames(JsonNode template) {
        this.resources = template.path("Resources");
    }

    /** The box for what {@code value} names. */
    ServiceMap.Box of(CfnValue value) {
        return of(value, 0);
    }

    private ServiceMap.Box of(CfnValue value, int depth) {
        Optional<String> logicalId = logicalId(value);
        if (logicalId.isPresent()) {
            return templateResource(logicalId.get(), depth);
        }
        if (value instanceof CfnValue.Literal literal) {
            return literal(literal.value(), "", "");
        }
        if (value instanceof CfnValue.Sub sub) {
            // arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:x is shown as log-group:x
            Matcher arn = SUB_ARN.matcher(sub.template());
            return arn.find() ? box("sub:" + sub.template(), sub.template().substring(arn.end()),
                    arn.group(1) + " · !Sub", arn.group(1))
                    : box("sub:" + sub.template(), IntrinsicText.of(sub.toJson()), "!Sub", "");
        }
        if (value instanceof CfnValue.ImportValue importValue) {
            String name = importValue.name().literal().orElseGet(() -> IntrinsicText.of(importValue.name().toJson()));
            return box("import:" + name, name, "!ImportValue", "");
        }
        String json = value.toJson().toString();
        return box("value:" + json, IntrinsicText.of(value.toJson()), "value", "");
    }

    /**
     * A resource written as plain text: {@code *}, an ARN, or a name ({@code kind} says of what, of
     * which AWS {@code service}).
     */
    ServiceMap.Box literal(String text, String kind, String service) {
        if (text.equals("*")) {
            return new ServiceMap.Box(EVERY, ServiceMap.Kind.EVERY_RESOURCE, "*", "every resource", "", List.of(),
                    Optional.empty());
        }
        if (text.startsWith("arn:")) {
            String[] parts = text.split(":", 6);
            String arnService = parts.length > 2 ? parts[2] : "";
            String name = parts.length > 5 ? parts[5] : text;
            String account = parts.length > 4 && !parts[4].isEmpty() ? " · account " + parts[4] : "";
            return box("arn:" + text, name, arnService + " ARN" + account, arnService);
        }
        return box("name:" + kind + ":" + text, text, kind.isEmpty() ? "name" : kind, service);
    }

    /** The logical id of the template resource the value names, if it names one. */
    Optional<String> logicalId(CfnValue value) {
        String id = null;
        if (value instanceof CfnValue.Ref ref) {
            id = ref.logicalId();
        } else if (value instanceof CfnValue.GetAtt getAtt) {
            id = getAtt.resource();
        } else if (value instanceof CfnValue.Sub sub) {
            Matcher m = SUB_REF.matcher(sub.template());
            while (m.find() && id == null) {
                if (resources.has(m.group(1))) {
                    id = m.group(1);
                }
            }
        } else if (value instanceof CfnValue.Join join) {
            for (CfnValue part : join.parts()) {
                Optional<String> inner = logicalId(part);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.ofNullable(id).filter(resources::has);
    }

    private ServiceMap.Box templateResource(String logicalId, int depth) {
        JsonNode resource = resources.path(logicalId);
        String type = resource.path("Type").asText("");
        // a Kinesis consumer is drawn as the stream it reads: grants on either reach the same data
        if (type.equals("AWS::Kinesis::StreamConsumer") && depth == 0) {
            JsonNode stream = resource.path("Properties").path("StreamARN");
            if (!stream.isMissingNode()) {
                return of(CfnValue.of(stream), depth + 1);
            }
        }
        String[] parts = type.split("::");
        String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
        return box("resource:" + logicalId, logicalId, type, service);
    }

    private static ServiceMap.Box box(String id, String title, String detail, String service) {
        return new ServiceMap.Box(id, ServiceMap.Kind.RESOURCE, title, detail, service, List.of(), Optional.empty());
    }
}
