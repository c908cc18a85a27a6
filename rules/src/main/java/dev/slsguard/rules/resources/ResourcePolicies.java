package dev.slsguard.rules.resources;

import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resource-based policies of the template, statement by statement: who may use a bucket,
 * queue, topic, KMS key, secret, ECR repository, event bus, search domain or function.
 */
public final class ResourcePolicies {

    /** The policy document's property and the guarded service, per resource type. */
    private record Document(String property, String service) {
    }

    private static final Map<String, Document> DOCUMENTS = Map.ofEntries(
            Map.entry("AWS::S3::BucketPolicy", new Document("PolicyDocument", "s3")),
            Map.entry("AWS::SQS::QueuePolicy", new Document("PolicyDocument", "sqs")),
            Map.entry("AWS::SQS::QueueInlinePolicy", new Document("PolicyDocument", "sqs")),
            Map.entry("AWS::SNS::TopicPolicy", new Document("PolicyDocument", "sns")),
            Map.entry("AWS::SNS::TopicInlinePolicy", new Document("PolicyDocument", "sns")),
            Map.entry("AWS::KMS::Key", new Document("KeyPolicy", "kms")),
            Map.entry("AWS::KMS::ReplicaKey", new Document("KeyPolicy", "kms")),
            Map.entry("AWS::SecretsManager::ResourcePolicy", new Document("ResourcePolicy", "secretsmanager")),
            Map.entry("AWS::ECR::Repository", new Document("RepositoryPolicyText", "ecr")),
            Map.entry("AWS::OpenSearchService::Domain", new Document("AccessPolicies", "es")),
            Map.entry("AWS::Elasticsearch::Domain", new Document("AccessPolicies", "es")),
            Map.entry("AWS::Events::EventBus", new Document("Policy", "events")));

    private ResourcePolicies() {
    }

    /** True for a resource type this class reads policies of. */
    public static boolean holdsPolicy(String type) {
        return DOCUMENTS.containsKey(type) || type.equals("AWS::Events::EventBusPolicy")
                || type.equals("AWS::Lambda::Permission");
    }

    /** Every statement of {@code resource}'s policy (none for a resource without one). */
    public static List<PolicyStatement> statements(Service service, Resource resource) {
        TemplateResource view = TemplateResource.of(service, resource);
        Document document = DOCUMENTS.get(resource.type());
        if (document != null) {
            return documentStatements(view, view.property(document.property()).parsed(), document.service());
        }
        if (resource.type().equals("AWS::Lambda::Permission")) {
            return List.of(new PolicyStatement(view, "lambda", view.property(), PolicyStatement.Form.LAMBDA_PERMISSION, -1));
        }
        if (resource.type().equals("AWS::Events::EventBusPolicy")) {
            Property statement = view.property("Statement").parsed();
            if (statement.present()) {
                return List.of(new PolicyStatement(view, "events", statement, PolicyStatement.Form.DOCUMENT, -1));
            }
            return List.of(new PolicyStatement(view, "events", view.property(), PolicyStatement.Form.BUS_PERMISSION, -1));
        }
        return List.of();
    }

    private static List<PolicyStatement> documentStatements(TemplateResource view, Property document, String service) {
        Property statements = document.get("Statement");
        List<PolicyStatement> out = new ArrayList<>();
        boolean list = statements.known() && statements.json().isArray();
        List<Property> items = statements.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).known() && items.get(i).json().isObject()) {
                out.add(new PolicyStatement(view, service, items.get(i), PolicyStatement.Form.DOCUMENT,
                        list && items.size() > 1 ? i : -1));
            }
        }
        return out;
    }
}
