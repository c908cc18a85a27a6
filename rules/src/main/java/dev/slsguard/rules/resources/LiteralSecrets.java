package dev.slsguard.rules.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Passwords and tokens written into the template as plain text: a database's master password, a
 * cache's auth token, a broker user's password. A dynamic reference
 * ({@code {{resolve:secretsmanager:...}}}), an intrinsic ({@code !Ref Parameter}, {@code !Sub} of a
 * reference) or a placeholder variable is not plain text. The values are never put into messages.
 */
public final class LiteralSecrets {

    /** The credential properties per resource type; {@code "[]"} steps into every item of a list. */
    private static final Map<String, List<String>> PATHS = Map.ofEntries(
            Map.entry("AWS::RDS::DBInstance", List.of("MasterUserPassword")),
            Map.entry("AWS::RDS::DBCluster", List.of("MasterUserPassword")),
            Map.entry("AWS::DocDB::DBCluster", List.of("MasterUserPassword")),
            Map.entry("AWS::Redshift::Cluster", List.of("MasterUserPassword")),
            Map.entry("AWS::ElastiCache::ReplicationGroup", List.of("AuthToken")),
            Map.entry("AWS::AmazonMQ::Broker", List.of("Users", "[]", "Password")),
            Map.entry("AWS::OpenSearchService::Domain",
                    List.of("AdvancedSecurityOptions", "MasterUserOptions", "MasterUserPassword")),
            Map.entry("AWS::Elasticsearch::Domain",
                    List.of("AdvancedSecurityOptions", "MasterUserOptions", "MasterUserPassword")),
            Map.entry("AWS::DMS::Endpoint", List.of("Password")),
            Map.entry("AWS::DirectoryService::SimpleAD", List.of("Password")),
            Map.entry("AWS::DirectoryService::MicrosoftAD", List.of("Password")),
            Map.entry("AWS::IAM::User", List.of("LoginProfile", "Password")));

    private LiteralSecrets() {
    }

    /** The resource types whose credentials are checked. */
    public static boolean checks(String type) {
        return PATHS.containsKey(type);
    }

    /** The credentials of {@code resource} written as plain, non-empty text. */
    public static List<Property> of(TemplateResource resource) {
        List<String> path = PATHS.get(resource.type());
        if (path == null) {
            return List.of();
        }
        List<Property> current = List.of(resource.property());
        for (String step : path) {
            List<Property> next = new ArrayList<>();
            for (Property p : current) {
                if (step.equals("[]")) {
                    next.addAll(p.items());
                } else {
                    next.add(p.get(step));
                }
            }
            current = next;
        }
        return current.stream().filter(p -> p.known() && p.json().isValueNode() && !p.text().orElse("").isEmpty())
                .toList();
    }
}
