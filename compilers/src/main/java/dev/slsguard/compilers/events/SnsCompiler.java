package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.SnsEvent;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;
import java.util.Optional;

/**
 * {@code sns} events ({@code package/compile/events/sns.js}). A topic name makes the framework
 * create {@code SNSTopic<Name>}; the function's subscription is written inline in the topic, or
 * as an {@code AWS::SNS::Subscription} of its own when the event has a filter or redrive policy.
 * An ARN subscribes to an existing topic with {@code <Fn>SnsSubscription<Name>}. Every event gets
 * {@code <Fn>LambdaPermission<Name>SNS}; a redrive policy also gets the dead-letter queue's
 * {@code AWS::SQS::QueuePolicy}. A topic shared by several events is created once, by the first,
 * and later inline subscriptions are appended to it, as v3 does.
 */
public final class SnsCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public EventType eventType() {
        return EventType.SNS;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        JsonNode sns = NodeJson.toJson(event.config());
        if (!Js.truthy(sns)) {
            return CompileResult.SKIPPED; // v3 skips a falsy sns event; the schema validation reports it
        }
        FunctionSettings function = event.function();
        Optional<MapNode> object = event.config() instanceof MapNode map ? Optional.of(map) : Optional.empty();
        String topicName;
        JsonNode topicArn = null;
        Optional<String> region = Optional.empty();
        SourceRef topicRef = event.config().ref();
        if (sns.isObject()) {
            JsonNode arn = sns.get("arn");
            JsonNode givenName = sns.get("topicName");
            String nameFromArn = null;
            if (Js.truthy(arn)) {
                topicArn = arn;
                topicRef = object.flatMap(m -> m.get("arn")).map(Node::ref).orElse(topicRef);
                if (arn.isTextual()) {
                    List<String> segments = Naming.snsArnSegments(arn.textValue());
                    nameFromArn = segments.get(segments.size() - 1);
                    if (segments.size() > 3 && !segments.get(3).equals(context.settings().region())) {
                        region = Optional.of(segments.get(3));
                    }
                }
            }
            if (Js.truthy(givenName)) {
                if (!givenName.isTextual()) {
                    return CompileResult.SKIPPED; // a malformed topicName: the schema validation reports it
                }
                topicName = givenName.textValue();
                if (topicArn == null) {
                    topicRef = object.flatMap(m -> m.get("topicName")).map(Node::ref).orElse(topicRef);
                }
            } else if (topicArn != null && !topicArn.isTextual()) {
                return CompileResult.refused(event, "SNS_MISSING_TOPIC_NAME", event.ref(), "sns event of function "
                        + function.key() + " gives arn as an intrinsic without topicName: Serverless Framework v3"
                        + " cannot name the subscription and refuses to package (SNS_MISSING_TOPIC_NAME); add"
                        + " topicName with the topic's name");
            } else {
                topicName = nameFromArn;
            }
            if (topicName == null || topicName.isEmpty()) {
                return CompileResult.SKIPPED; // no topic at all: the schema validation reports it
            }
        } else if (sns.isValueNode()) {
            String text = sns.asText();
            if (text.startsWith("arn:")) {
                topicArn = JSON.textNode(text);
                topicName = Naming.snsTopicName(text);
            } else {
                topicName = text;
            }
        } else {
            return CompileResult.SKIPPED; // a list: the schema validation reports it
        }

        Optional<String> alias = function.targetAlias().map(TargetAlias::logicalId);
        ObjectNode endpoint = function.target();

        JsonNode redrivePolicy = null;
        Optional<CfnValue> deadLetterTarget = Optional.empty();
        Optional<String> queuePolicyId = Optional.empty();
        ObjectNode queuePolicy = null;
        JsonNode redrive = sns.isObject() ? sns.get("redrivePolicy") : null;
        if (Js.truthy(redrive)) {
            JsonNode targetArn;
            JsonNode targetUrl;
            JsonNode arnOption = redrive.get("deadLetterTargetArn");
            JsonNode refOption = redrive.get("deadLetterTargetRef");
            JsonNode importOption = redrive.get("deadLetterTargetImport");
            if (Js.truthy(arnOption)) {
                if (!arnOption.isTextual()) {
                    return CompileResult.SKIPPED; // a malformed queue ARN: the schema validation reports it
                }
                targetArn = arnOption;
                targetUrl = queueUrl(arnOption.textValue());
            } else if (Js.truthy(refOption)) {
                ObjectNode getAtt = JSON.objectNode();
                getAtt.putArray("Fn::GetAtt").add(refOption).add("Arn");
                targetArn = getAtt;
                targetUrl = JSON.objectNode().set("Ref", refOption);
            } else if (importOption != null && importOption.isObject()) {
                targetArn = importValue(importOption.get("arn"));
                targetUrl = importValue(importOption.get("url"));
            } else {
                return CompileResult.SKIPPED; // v3 crashes (TypeError) on a malformed policy; the schema reports it
            }
            redrivePolicy = JSON.objectNode().set("deadLetterTargetArn", targetArn);
            deadLetterTarget = Optional.of(CfnValue.of(targetArn));
            String policyId = Naming.topicDlqPolicyLogicalId(function.key(), topicName);
            queuePolicyId = Optional.of(policyId);
            queuePolicy = queuePolicy(policyId, targetArn, topicArn, targetUrl);
        }

        JsonNode filterPolicy = sns.isObject() ? sns.get("filterPolicy") : null;
        JsonNode filterPolicyScope = sns.isObject() ? sns.get("filterPolicyScope") : null;
        SourceRef origin = event.ref();
        Optional<String> owner = Optional.of(function.key());
        if (queuePolicy != null) {
            context.putResource(queuePolicyId.get(), queuePolicy, owner,
                    object.flatMap(m -> m.get("redrivePolicy")).map(Node::ref).orElse(origin));
        }

        String subscriptionId = Naming.snsSubscriptionLogicalId(function.key(), topicName);
        boolean created = topicArn == null;
        Optional<String> ownSubscription = Optional.empty();
        Optional<String> topicId = Optional.empty();
        if (!created) {
            ObjectNode subscription = JSON.objectNode();
            subscription.put("Type", "AWS::SNS::Subscription");
            alias.ifPresent(a -> subscription.put("DependsOn", a));
            ObjectNode properties = subscription.putObject("Properties");
            properties.set("TopicArn", topicArn);
            properties.put("Protocol", "lambda");
            properties.set("Endpoint", endpoint.deepCopy());
            setIfDefined(properties, "FilterPolicy", filterPolicy);
            setIfDefined(properties, "FilterPolicyScope", filterPolicyScope);
            setIfDefined(properties, "RedrivePolicy", redrivePolicy);
            region.ifPresent(r -> properties.put("Region", r));
            context.mergeResource(subscriptionId, subscription, owner, origin);
            ownSubscription = Optional.of(subscriptionId);
        } else {
            topicArn = createdTopicArn(topicName);
            String id = Naming.topicLogicalId(topicName);
            topicId = Optional.of(id);
            if (context.resource(id).isEmpty()) {
                ObjectNode topic = JSON.objectNode();
                topic.put("Type", "AWS::SNS::Topic");
                alias.ifPresent(a -> topic.put("DependsOn", a));
                ObjectNode properties = topic.putObject("Properties");
                properties.put("TopicName", topicName);
                JsonNode displayName = sns.isObject() ? sns.get("displayName") : null;
                if (Js.truthy(displayName)) {
                    properties.set("DisplayName", displayName);
                }
                context.mergeResource(id, topic, owner, topicRef);
            }
            if (Js.truthy(filterPolicy) || redrivePolicy != null) {
                ObjectNode subscription = JSON.objectNode();
                subscription.put("Type", "AWS::SNS::Subscription");
                ObjectNode properties = subscription.putObject("Properties");
                properties.set("Endpoint", endpoint.deepCopy());
                properties.put("Protocol", "lambda");
                properties.set("TopicArn", Cfn.ref(id));
                setIfDefined(properties, "FilterPolicy", filterPolicy);
                setIfDefined(properties, "FilterPolicyScope", filterPolicyScope);
                setIfDefined(properties, "RedrivePolicy", redrivePolicy);
                context.mergeResource(subscriptionId, subscription, owner, origin);
                ownSubscription = Optional.of(subscriptionId);
            } else {
                appendInlineSubscription(context, id, endpoint);
            }
        }

        String permissionId = Naming.snsPermissionLogicalId(function.key(), topicName);
        ObjectNode permission = Cfn.invokePermission(alias, endpoint.deepCopy(), "sns.amazonaws.com",
                topicArn.deepCopy());
        context.mergeResource(permissionId, permission, owner, origin);

        CfnValue topic = CfnValue.of(topicArn);
        context.addEventFact(new SnsEvent(function.key(), event.index(), topicName, topic, created, topicId,
                ownSubscription, permissionId, Js.truthy(filterPolicy), region, deadLetterTarget, queuePolicyId,
                event.options(), event.ref(), topicRef));
        context.addEventFact(event.source(EventSource.SNS_TOPIC, topic, topicRef));
        return CompileResult.COMPILED;
    }

    /** Adds {@code {Endpoint, Protocol}} to the created topic's {@code Subscription} list. */
    private static void appendInlineSubscription(CompileContext context, String topicId, ObjectNode endpoint) {
        Resource topic = context.resource(topicId).orElseThrow();
        ObjectNode definition = topic.definition().deepCopy();
        JsonNode properties = definition.get("Properties");
        ObjectNode props = properties instanceof ObjectNode o ? o : definition.putObject("Properties");
        JsonNode list = props.get("Subscription");
        ArrayNode subscriptions = list instanceof ArrayNode a ? a : props.putArray("Subscription");
        ObjectNode subscription = subscriptions.addObject();
        subscription.set("Endpoint", endpoint.deepCopy());
        subscription.put("Protocol", "lambda");
        context.putResource(topicId, definition, topic.function(), topic.origin());
    }

    /** The ARN of a topic the framework creates: {@code arn:<partition>:sns:<region>:<account>:<name>}. */
    private static ObjectNode createdTopicArn(String topicName) {
        return Cfn.regionalArn("sns", Cfn.text(":"), Cfn.text(topicName));
    }

    /** The queue URL v3 builds from a dead-letter queue ARN: {@code https://sqs.<region>.<suffix>/<account>/<name>}. */
    private static ObjectNode queueUrl(String arn) {
        String[] parts = arn.split(":", -1);
        int n = parts.length;
        String name = parts[n - 1];
        String account = n > 1 ? parts[n - 2] : "undefined";
        String region = n > 2 ? parts[n - 3] : "undefined";
        return Cfn.join("", Cfn.text("https://sqs." + region + "."), Cfn.ref("AWS::URLSuffix"),
                Cfn.text("/" + account + "/" + name));
    }

    private static ObjectNode importValue(JsonNode value) {
        ObjectNode node = JSON.objectNode();
        if (value != null) {
            node.set("Fn::ImportValue", value);
        }
        return node;
    }

    private static ObjectNode queuePolicy(String id, JsonNode targetArn, JsonNode topicArn, JsonNode targetUrl) {
        ObjectNode policy = JSON.objectNode();
        policy.put("Type", "AWS::SQS::QueuePolicy");
        ObjectNode properties = policy.putObject("Properties");
        ObjectNode document = properties.putObject("PolicyDocument");
        document.put("Version", "2012-10-17");
        document.put("Id", id);
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "sns.amazonaws.com");
        statement.put("Action", "sqs:SendMessage");
        statement.set("Resource", targetArn.deepCopy());
        ObjectNode arnEquals = statement.putObject("Condition").putObject("ArnEquals");
        if (topicArn != null) {
            // a topic the framework creates has no ARN yet at this point in v3: the condition stays empty
            arnEquals.set("aws:SourceArn", topicArn.deepCopy());
        }
        properties.putArray("Queues").add(targetUrl);
        return policy;
    }

    private static void setIfDefined(ObjectNode properties, String key, JsonNode value) {
        if (value != null) {
            properties.set(key, value.deepCopy());
        }
    }
}
