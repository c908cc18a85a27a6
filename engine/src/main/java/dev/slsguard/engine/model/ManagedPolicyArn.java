package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ARN of an AWS managed policy ({@code arn:aws:iam::aws:policy/<path>}) written as a
 * string, as {@code Fn::Sub} with {@code ${AWS::Partition}}, or as {@code Fn::Join} with
 * {@code Ref: AWS::Partition}.
 */
public final class ManagedPolicyArn {

    private static final Pattern AWS_POLICY = Pattern.compile("^arn:aws[a-z-]*:iam::aws:policy/(.+)$");

    private ManagedPolicyArn() {
    }

    /** The policy's path ({@code AdministratorAccess}, {@code service-role/AWSLambdaRole}), if an AWS one. */
    public static Optional<String> path(JsonNode arn) {
        return text(arn).map(AWS_POLICY::matcher).filter(Matcher::matches).map(m -> m.group(1));
    }

    private static Optional<String> text(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        if (!value.isObject() || value.size() != 1) {
            return Optional.empty();
        }
        JsonNode sub = value.get("Fn::Sub");
        if (sub != null) {
            JsonNode template = sub.isArray() ? sub.path(0) : sub;
            return template.isTextual()
                    ? Optional.of(template.textValue().replace("${AWS::Partition}", "aws")) : Optional.empty();
        }
        JsonNode join = value.get("Fn::Join");
        if (join != null && join.isArray() && join.size() == 2 && join.get(0).isTextual() && join.get(1).isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : join.get(1)) {
                if (part.isTextual()) {
                    parts.add(part.textValue());
                } else if (part.isObject() && "AWS::Partition".equals(part.path("Ref").asText(null))) {
                    parts.add("aws");
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(String.join(join.get(0).textValue(), parts));
        }
        return Optional.empty();
    }
}
