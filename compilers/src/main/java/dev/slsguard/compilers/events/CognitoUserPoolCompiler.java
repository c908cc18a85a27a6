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
import dev.slsguard.compilers.custom.CustomResources;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.CognitoUserPoolEvent;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cognitoUserPool} events ({@code package/compile/events/cognito-user-pool.js}). Triggers
 * of pools the service creates: one {@code AWS::Cognito::UserPool} {@code CognitoUserPool<Pool>}
 * per pool name, with every trigger in its {@code LambdaConfig} (custom senders with their
 * {@code KMSKeyID}), then one {@code AWS::Lambda::Permission} per trigger for
 * {@code cognito-idp.amazonaws.com}. Triggers of existing pools ({@code existing: true}): one
 * {@code Custom::CognitoUserPool} per function, {@code <Fn>CustomCognitoUserPool1}, those of one
 * pool run one after another, and the framework's custom-resource function that applies them (its
 * role's statements are derivation rules).
 *
 * <p>v3 refuses a function with triggers on two existing pools, a custom sender without
 * {@code kmsKeyId}, and two different keys for one pool.
 */
public final class CognitoUserPoolCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFAULT_LAMBDA_VERSION = "V1_0";

    /**
     * One trigger, read the way v3 reads it.
     *
     * @param kms       {@code kmsKeyId} as JSON, {@code null} when absent
     * @param poolWhere where a refusal about the pool points
     * @param kmsWhere  where a refusal about the key points
     */
    private record Trigger(EventItem event, String pool, String trigger, boolean existing, boolean forceDeploy,
                           JsonNode kms, JsonNode lambdaVersion, SourceRef poolWhere, SourceRef kmsWhere,
                           SourceRef triggerRef) {

        boolean customSender() {
            return trigger.equals("CustomSMSSender") || trigger.equals("CustomEmailSender");
        }

        /** v3 compares keys as values, then as JSON text. */
        boolean sameKey(Trigger other) {
            return Js.stringify(kms).equals(Js.stringify(other.kms));
        }
    }

    @Override
    public EventType eventType() {
        return EventType.COGNITO_USER_POOL;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        if (!Js.truthy(NodeJson.toJson(event.config()))) {
            return CompileResult.SKIPPED; // v3 compiles nothing for an empty value; the schema validation reports it
        }
        boolean existing = event.config() instanceof MapNode map
                && Js.truthy(NodeJson.toJsonOrNull(map.get("existing")));
        Optional<Trigger> read = read(event);
        if (read.isEmpty()) {
            if (existing) {
                return CompileResult.SKIPPED; // no pool or trigger: the schema validation reports it
            }
            return CompileResult.refused(event, Refusal.V3_UNREADABLE_OPTION, event.ref(), "cognitoUserPool event"
                    + " without pool and trigger as text makes Serverless Framework v3 fail to package the service"
                    + " (it crashes naming the pool's resources); give pool: <name> and trigger: <source>");
        }
        Trigger trigger = read.get();
        List<Trigger> earlier = context.compiledEvents(eventType()).stream().flatMap(e -> read(e).stream())
                .filter(t -> t.existing() == trigger.existing()).toList();
        List<Refusal> refusals = new ArrayList<>();
        if (trigger.existing()) {
            earlier.stream().filter(t -> t.event().function().key().equals(event.function().key())).findFirst()
                    .filter(first -> !first.pool().equals(trigger.pool()))
                    .ifPresent(first -> refusals.add(CompileResult.refusal(event,
                            "COGNITO_MULTIPLE_USER_POOLS_PER_FUNCTION", trigger.poolWhere(), "function "
                                    + event.function().key() + " already configures existing user pool '"
                                    + first.pool() + "' (line " + first.event().ref().line() + "), and Serverless"
                                    + " Framework v3 allows one existing pool per function: move the triggers of '"
                                    + trigger.pool() + "' to another function")));
        }
        if (trigger.customSender()) {
            if (!Js.truthy(trigger.kms())) {
                refusals.add(CompileResult.refusal(event, "COGNITO_KMS_KEY_NOT_SET", event.ref(), trigger.trigger()
                        + " of user pool '" + trigger.pool() + "' has no kmsKeyId: Cognito encrypts the codes it"
                        + " sends to a custom sender with a KMS key, and Serverless Framework v3 refuses to package"
                        + " without one; add kmsKeyId: <KMS key ARN>"));
            } else {
                earlier.stream().filter(t -> t.pool().equals(trigger.pool()) && t.customSender())
                        .filter(t -> !t.sameKey(trigger)).findFirst()
                        .ifPresent(other -> refusals.add(CompileResult.refusal(event,
                                "COGNITO_KMS_KEY_ID_NOT_SAME_FOR_SINGLE_USER_POOL", trigger.kmsWhere(), "user pool '"
                                        + trigger.pool() + "' already has another KMS key for its custom sender (line "
                                        + other.event().ref().line() + "); a pool has one key for all its custom"
                                        + " senders, and Serverless Framework v3 refuses two: use the same kmsKeyId")));
            }
        }
        return refusals.isEmpty() ? CompileResult.COMPILED : new CompileResult.Refused(refusals);
    }

    /** The trigger as v3 reads it; empty when pool or trigger is not text. */
    private static Optional<Trigger> read(EventItem event) {
        if (!(event.config() instanceof MapNode options)) {
            return Optional.empty();
        }
        Optional<MapNode.Field> pool = options.field("pool");
        Optional<MapNode.Field> trigger = options.field("trigger");
        JsonNode poolValue = pool.map(f -> NodeJson.toJson(f.value())).orElse(null);
        JsonNode triggerValue = trigger.map(f -> NodeJson.toJson(f.value())).orElse(null);
        if (poolValue == null || !poolValue.isTextual() || triggerValue == null || !triggerValue.isTextual()) {
            return Optional.empty();
        }
        Optional<MapNode.Field> kms = options.field("kmsKeyId");
        return Optional.of(new Trigger(event, poolValue.textValue(), triggerValue.textValue(),
                Js.truthy(NodeJson.toJsonOrNull(options.get("existing"))),
                Js.truthy(NodeJson.toJsonOrNull(options.get("forceDeploy"))),
                kms.map(f -> NodeJson.toJson(f.value())).orElse(null),
                NodeJson.toJsonOrNull(options.get("lambdaVersion")), Details.where(pool.get()),
                kms.map(Details::where).orElse(event.ref()), trigger.get().value().ref()));
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        List<Trigger> triggers = context.compiledEvents(eventType()).stream().flatMap(e -> read(e).stream()).toList();
        List<Trigger> created = triggers.stream().filter(t -> !t.existing()).toList();
        List<Trigger> existing = triggers.stream().filter(Trigger::existing).toList();
        newPools(created, context);
        existingPools(existing, context);
        for (Trigger trigger : triggers) {
            FunctionSettings function = trigger.event().function();
            String resourceId = trigger.existing() ? Naming.customCognitoUserPoolLogicalId(function.key())
                    : Naming.cognitoUserPoolLogicalId(trigger.pool());
            Optional<String> permissionId = trigger.existing() ? Optional.empty()
                    : Optional.of(Naming.cognitoPermissionLogicalId(function.key(), trigger.pool(), trigger.trigger()));
            context.addEventFact(new CognitoUserPoolEvent(function.key(), function.index(), trigger.event().index(),
                    trigger.pool(), trigger.trigger(), trigger.existing(),
                    Optional.ofNullable(trigger.kms()).filter(Js::truthy).map(CfnValue::of), resourceId, permissionId,
                    trigger.event().options(), trigger.event().ref(), trigger.triggerRef()));
        }
        if (!existing.isEmpty()) {
            CustomResources.add(context, CustomResources.Kind.COGNITO_USER_POOL, eventType(),
                    existing.get(0).event().ref());
        }
        return List.of();
    }

    /** Every pool (in the order first named) with all its triggers, then each trigger's permission. */
    private static void newPools(List<Trigger> triggers, CompileContext context) {
        Map<String, List<Trigger>> byPool = new LinkedHashMap<>();
        triggers.forEach(t -> byPool.computeIfAbsent(t.pool(), p -> new ArrayList<>()).add(t));
        byPool.forEach((pool, poolTriggers) -> {
            ObjectNode lambdaConfig = JSON.objectNode();
            ArrayNode dependsOn = JSON.arrayNode();
            for (Trigger trigger : poolTriggers) {
                FunctionSettings function = trigger.event().function();
                if (trigger.customSender()) {
                    ObjectNode sender = lambdaConfig.putObject(trigger.trigger());
                    sender.set("LambdaArn", function.target());
                    sender.set("LambdaVersion", lambdaVersion(trigger));
                    lambdaConfig.set("KMSKeyID", trigger.kms());
                } else {
                    lambdaConfig.set(trigger.trigger(), function.target());
                }
                dependsOn.add(function.targetAlias().map(TargetAlias::logicalId).orElse(function.logicalId()));
            }
            ObjectNode userPool = JSON.objectNode();
            userPool.put("Type", "AWS::Cognito::UserPool");
            ObjectNode properties = userPool.putObject("Properties");
            properties.put("UserPoolName", pool);
            properties.set("LambdaConfig", lambdaConfig);
            userPool.set("DependsOn", dependsOn);
            context.mergeResource(Naming.cognitoUserPoolLogicalId(pool), userPool, Optional.empty(),
                    poolTriggers.get(0).event().ref());
        });
        for (Trigger trigger : triggers) {
            FunctionSettings function = trigger.event().function();
            ObjectNode permission = Cfn.invokePermission(function.targetAlias().map(TargetAlias::logicalId),
                    function.target(), "cognito-idp.amazonaws.com",
                    Cfn.getAtt(Naming.cognitoUserPoolLogicalId(trigger.pool()), "Arn"));
            context.mergeResource(Naming.cognitoPermissionLogicalId(function.key(), trigger.pool(), trigger.trigger()),
                    permission, Optional.of(function.key()), trigger.event().ref());
        }
    }

    /** One custom resource per function with its triggers; those of one pool wait for each other. */
    private static void existingPools(List<Trigger> triggers, CompileContext context) {
        Map<String, List<String>> resourcesByPool = new LinkedHashMap<>();
        for (Trigger trigger : triggers) {
            FunctionSettings function = trigger.event().function();
            String resourceId = Naming.customCognitoUserPoolLogicalId(function.key());
            ObjectNode config = JSON.objectNode();
            config.put("Trigger", trigger.trigger());
            if (trigger.customSender()) {
                config.set("LambdaVersion", lambdaVersion(trigger));
                config.set("KMSKeyID", trigger.kms());
            }
            List<String> chain = resourcesByPool.computeIfAbsent(trigger.pool(), p -> new ArrayList<>());
            if (!chain.contains(resourceId)) {
                chain.add(resourceId);
            }
            Optional<ObjectNode> resource = context.resource(resourceId).map(r -> (ObjectNode) r.definition());
            if (resource.isPresent()) {
                ((ArrayNode) resource.get().path("Properties").path("UserPoolConfigs")).add(config);
                continue;
            }
            ObjectNode custom = CustomResources.resource(CustomResources.Kind.COGNITO_USER_POOL,
                    "Custom::CognitoUserPool", function);
            ObjectNode properties = (ObjectNode) custom.get("Properties");
            properties.put("UserPoolName", trigger.pool());
            properties.putArray("UserPoolConfigs").add(config);
            if (trigger.forceDeploy()) {
                // v3 writes Date.now() to force an update on every deploy; slsguard's output is deterministic
                properties.put("ForceDeploy", 0);
            }
            context.mergeResource(resourceId, custom, Optional.of(function.key()), trigger.event().ref());
        }
        CustomResources.chain(context, resourcesByPool.values());
    }

    /** {@code lambdaVersion || 'V1_0'}: v3 reads the option, though its schema does not allow it. */
    private static JsonNode lambdaVersion(Trigger trigger) {
        return Js.truthy(trigger.lambdaVersion()) ? trigger.lambdaVersion() : JSON.textNode(DEFAULT_LAMBDA_VERSION);
    }
}
