package dev.slsguard.rules.iam;

import java.util.List;
import java.util.Locale;

/**
 * One IAM action of the catalogue.
 *
 * @param service       service prefix ({@code s3})
 * @param name          action name in its original case ({@code GetObject})
 * @param accessLevel   {@code List}, {@code Read}, {@code Write}, {@code Tagging} or
 *                      {@code Permissions management}
 * @param resourceTypes the resource types it accepts; empty when it only accepts {@code *}
 * @param conditionKeys the condition keys it supports besides the global ones
 */
public record IamAction(String service, String name, String accessLevel, List<ResourceType> resourceTypes,
                        List<String> conditionKeys) {

    public static final String PERMISSIONS_MANAGEMENT = "Permissions management";

    public IamAction {
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** {@code s3:GetObject}. */
    public String fullName() {
        return service + ":" + name;
    }

    /** Accepts no resource type: {@code Resource: "*"} is the only choice. */
    public boolean wildcardOnly() {
        return resourceTypes.isEmpty();
    }

    /**
     * The ARN (may contain {@code *} and {@code ?} globs) matches one of its resource types; a
     * wildcard-only action accepts only {@code *}.
     */
    public boolean accepts(String arn) {
        if (wildcardOnly()) {
            return Globs.matches(arn, "*"); // IAM compares the policy's resource with "*" itself
        }
        for (ResourceType type : resourceTypes) {
            if (type.accepts(arn)) {
                return true;
            }
        }
        return false;
    }

    /** Access level {@code Permissions management}. */
    public boolean permissionsManagement() {
        return PERMISSIONS_MANAGEMENT.equals(accessLevel);
    }

    /** The resource type to suggest in messages (see below). */
    public ResourceType primaryType() {
        // a type the action requires (ses:SendEmail: the identity, not the optional configuration set),
        // else the first that is not an S3 access point, else the first
        return resourceTypes.stream().filter(t -> t.required() && !accessPoint(t)).findFirst()
                .or(() -> resourceTypes.stream().filter(t -> !accessPoint(t)).findFirst())
                .orElse(resourceTypes.get(0));
    }

    private static boolean accessPoint(ResourceType type) {
        return type.name().toLowerCase(Locale.ROOT).startsWith("accesspoint");
    }

    /** The lower-case full name, the key it is looked up by. */
    String key() {
        return fullName().toLowerCase(Locale.ROOT);
    }
}
