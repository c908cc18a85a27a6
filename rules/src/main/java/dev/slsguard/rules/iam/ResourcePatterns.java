package dev.slsguard.rules.iam;

import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IntrinsicText;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's {@code Resource} value as ARN patterns. Intrinsics become patterns where their
 * text shows the ARN: {@code Fn::Sub} and {@code Fn::Join} of literals and references. For
 * matching against resource types every reference is a wildcard ({@code ${AWS::Partition}} may be
 * any partition); for "is this a wildcard?" only the pseudo parameters (partition, region,
 * account) are, and a reference to a stack resource is a specific name. {@code Ref} and
 * {@code Fn::GetAtt} alone are scoped and unknown.
 */
public final class ResourcePatterns {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");
    private static final Set<String> PSEUDO = Set.of("AWS::Partition", "AWS::Region", "AWS::AccountId",
            "AWS::URLSuffix");

    private ResourcePatterns() {
    }

    /** The pattern to match against ARN formats: any reference is {@code *}. Empty when unknown. */
    public static Optional<String> matching(CfnValue value) {
        return text(value, true);
    }

    /** The pattern with only the user's own wildcards (and pseudo parameters) as wildcards. */
    public static Optional<String> wildcards(CfnValue value) {
        return text(value, false);
    }

    /** The value as the user wrote it, for messages. */
    public static String display(CfnValue value) {
        if (value instanceof CfnValue.Literal literal) {
            return literal.value();
        }
        if (value instanceof CfnValue.Sub sub) {
            return "!Sub " + sub.template();
        }
        if (value instanceof CfnValue.Ref ref) {
            return "!Ref " + ref.logicalId();
        }
        if (value instanceof CfnValue.GetAtt att) {
            return "!GetAtt " + att.resource() + "." + att.attribute();
        }
        return wildcards(value).orElseGet(() -> IntrinsicText.of(value.toJson()));
    }

    private static Optional<String> text(CfnValue value, boolean referencesAreWildcards) {
        if (value instanceof CfnValue.Literal literal) {
            return Optional.of(literal.value());
        }
        if (value instanceof CfnValue.Sub sub) {
            if (!sub.raw().path("Fn::Sub").isTextual() && sub.raw().path("Fn::Sub").size() > 1
                    && sub.raw().path("Fn::Sub").get(1).size() > 0) {
                return Optional.empty(); // variables of the two-element form may be anything
            }
            Matcher m = SUB_VARIABLE.matcher(sub.template());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement;
                if (!m.group(1).isEmpty()) {
                    replacement = "${" + m.group(2) + "}"; // ${!Literal}
                } else if (referencesAreWildcards || PSEUDO.contains(m.group(2))) {
                    replacement = "*";
                } else {
                    replacement = "{" + m.group(2) + "}";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        }
        if (value instanceof CfnValue.Join join) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < join.parts().size(); i++) {
                if (i > 0) {
                    out.append(join.delimiter());
                }
                CfnValue part = join.parts().get(i);
                Optional<String> text = part instanceof CfnValue.Ref ref && PSEUDO.contains(ref.logicalId())
                        ? Optional.of("*") : text(part, referencesAreWildcards);
                if (text.isPresent()) {
                    out.append(text.get());
                } else if (referencesAreWildcards) {
                    out.append('*');
                } else {
                    out.append("{ref}");
                }
            }
            return Optional.of(out.toString());
        }
        return Optional.empty();
    }
}
