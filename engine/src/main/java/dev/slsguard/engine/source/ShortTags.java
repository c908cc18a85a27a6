package dev.slsguard.engine.source;

import java.util.Set;

/**
 * CloudFormation short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub} ...) and the long
 * form key each becomes, as Serverless Framework's YAML schema maps them.
 */
final class ShortTags {

    private static final Set<String> NAMES = Set.of("And", "Base64", "Cidr", "Condition", "Equals",
            "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Not", "Or", "Ref", "Select",
            "Split", "Sub");

    private ShortTags() {
    }

    /** Whether {@code tag} (as the parser reports it, e.g. {@code !Ref}) is a CloudFormation short tag. */
    static boolean isShortTag(String tag) {
        return tag != null && tag.startsWith("!") && NAMES.contains(tag.substring(1));
    }

    /** {@code !Ref} -> {@code Ref}, {@code !Condition} -> {@code Condition}, {@code !Sub} -> {@code Fn::Sub}. */
    static String longForm(String tag) {
        String name = tag.substring(1);
        return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
    }

    static boolean isGetAtt(String tag) {
        return "!GetAtt".equals(tag);
    }

    /** Names for a message listing what is supported. */
    static String supported() {
        return "!Ref, !GetAtt, !Sub, !Join, !ImportValue, !If, !Select, !Split, !FindInMap, !GetAZs, "
                + "!Base64, !Cidr, !Equals, !And, !Or, !Not, !Condition";
    }
}
