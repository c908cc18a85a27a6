package dev.slsguard.compilers.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * v3's {@code mergeIamTemplates}: one log group per function (unless {@code disableLogs}), and
 * {@code IamRoleLambdaExecution} unless an existing role is used. The role is written without
 * statements; its core logs statements and the user's declared statements become
 * {@link IamStatement} facts that the merge stage puts back, after the rules ran.
 */
public final class ExecutionRoleCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String LOG_ARN = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:";

    private ExecutionRoleCompiler() {
    }

    public static void compile(CompileContext context) {
        ServiceSettings settings = context.settings();
        if (context.functions().isEmpty()) {
            return;
        }
        for (FunctionSettings function : context.functions()) {
            if (!logsDisabled(function)) {
                context.mergeResource(Naming.logGroupLogicalId(function.key()), logGroup(function, settings),
                        Optional.of(function.key()), function.ref());
                PropertyOrigins.logGroup(context, function);
            }
        }
        if (!settings.executionRole()) {
            return;
        }
        SourceRef origin = settings.provider().field("iam").map(MapNode.Field::keyRef).orElse(settings.ref());
        context.putResource(Naming.ROLE_LOGICAL_ID, role(context), Optional.empty(), origin);
        PropertyOrigins.role(context);
        addLogStatements(context);
        addDeclaredStatements(context);
    }

    /** {@code disableLogs}, coerced like v3's schema does. */
    public static boolean logsDisabled(FunctionSettings function) {
        return Js.truthy(function.value("disableLogs"));
    }

    private static ObjectNode logGroup(FunctionSettings function, ServiceSettings settings) {
        ObjectNode group = JSON.objectNode();
        group.put("Type", "AWS::Logs::LogGroup");
        ObjectNode properties = group.putObject("Properties");
        properties.put("LogGroupName", Naming.logGroupName(function.name()));
        JsonNode retention = function.value("logRetentionInDays");
        if (!Js.truthy(retention)) {
            retention = settings.providerValue("logRetentionInDays");
        }
        if (Js.truthy(retention)) {
            properties.set("RetentionInDays", retention);
        }
        JsonNode protection = function.value("logDataProtectionPolicy");
        if (!Js.truthy(protection)) {
            protection = settings.providerValue("logDataProtectionPolicy");
        }
        if (Js.truthy(protection)) {
            properties.set("DataProtectionPolicy", protection);
        }
        return group;
    }

    private static ObjectNode role(CompileContext context) {
        ServiceSettings settings = context.settings();
        ObjectNode role = Cfn.lambdaRole(Naming.policyName(settings.name(), settings.stage()));
        ObjectNode properties = (ObjectNode) role.get("Properties");
        JsonNode path = settings.roleValue("path");
        properties.set("Path", Js.truthy(path) ? path : JSON.textNode("/"));
        JsonNode name = settings.roleValue("name");
        properties.set("RoleName", Js.truthy(name) ? name : Naming.defaultRoleName(settings.name(), settings.stage()));
        JsonNode tags = settings.roleValue("tags");
        if (Js.truthy(tags) && tags.isObject()) {
            ArrayNode list = properties.putArray("Tags");
            for (Map.Entry<String, JsonNode> tag : tags.properties()) {
                list.addObject().put("Key", tag.getKey()).set("Value", tag.getValue());
            }
        }
        JsonNode boundary = settings.roleValue("permissionsBoundary");
        if (!Js.truthy(boundary)) {
            boundary = settings.roleValue("permissionBoundary");
        }
        if (!Js.truthy(boundary)) {
            boundary = settings.providerValue("rolePermissionsBoundary");
        }
        if (Js.truthy(boundary)) {
            properties.set("PermissionsBoundary", boundary);
        }

        JsonNode managed = settings.roleValue("managedPolicies");
        if (!Js.truthy(managed)) {
            managed = settings.providerValue("iamManagedPolicies");
        }
        if (Js.truthy(managed) && managed.isArray()) {
            managed.forEach(p -> managedPolicies(properties).add(p));
        }
        boolean anyVpc = context.functions().stream().anyMatch(f -> f.config().has("vpc"))
                || Js.truthy(settings.providerValue("vpc"));
        if (anyVpc) {
            managedPolicies(properties).add(
                    Cfn.partitionArn(Cfn.text(":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")));
        }
        return role;
    }

    private static ArrayNode managedPolicies(ObjectNode properties) {
        JsonNode existing = properties.get("ManagedPolicyArns");
        return existing instanceof ArrayNode array ? array : properties.putArray("ManagedPolicyArns");
    }

    private static void addLogStatements(CompileContext context) {
        ServiceSettings settings = context.settings();
        ObjectNode create = JSON.objectNode();
        create.put("Effect", "Allow");
        create.putArray("Action").add("logs:CreateLogStream").add("logs:CreateLogGroup").add("logs:TagResource");
        ArrayNode createResources = create.putArray("Resource");
        ObjectNode put = JSON.objectNode();
        put.put("Effect", "Allow");
        put.putArray("Action").add("logs:PutLogEvents");
        ArrayNode putResources = put.putArray("Resource");

        String prefix = settings.canonicalPrefix();
        boolean anyCanonical = false;
        List<String> disabledCanonical = new ArrayList<>();
        SourceRef denyRef = null;
        for (FunctionSettings function : context.functions()) {
            boolean disabled = logsDisabled(function);
            if (function.name().startsWith(prefix)) {
                if (disabled) {
                    disabledCanonical.add(function.name());
                    if (denyRef == null) {
                        denyRef = function.config().field("disableLogs").map(MapNode.Field::keyRef)
                                .orElse(function.ref());
                    }
                } else {
                    anyCanonical = true;
                }
                continue;
            }
            if (!disabled) {
                String group = Naming.logGroupName(function.name());
                createResources.add(Cfn.sub(LOG_ARN + group + ":*"));
                putResources.add(Cfn.sub(LOG_ARN + group + ":*:*"));
            }
        }
        ObjectNode deny = null;
        if (anyCanonical) {
            String group = Naming.logGroupName(prefix);
            createResources.add(Cfn.sub(LOG_ARN + group + "*:*"));
            putResources.add(Cfn.sub(LOG_ARN + group + "*:*:*"));
            if (!disabledCanonical.isEmpty()) {
                deny = JSON.objectNode();
                deny.put("Effect", "Deny");
                deny.put("Action", "logs:PutLogEvents");
                ArrayNode denied = deny.putArray("Resource");
                disabledCanonical.forEach(name -> denied.add(Cfn.sub(LOG_ARN + Naming.logGroupName(name) + ":*")));
            }
        }
        SourceRef ref = settings.ref();
        context.statements().push(StatementFacts.of(create, IamStatement.CORE, "core.logs", Optional.empty(), ref,
                StatementOrder.core(0)));
        context.statements().push(StatementFacts.of(put, IamStatement.CORE, "core.logs", Optional.empty(), ref,
                StatementOrder.core(1)));
        if (deny != null) {
            context.statements().push(StatementFacts.of(deny, IamStatement.CORE, "core.logs.disableLogs",
                    Optional.empty(), denyRef, StatementOrder.core(2)));
        }
    }

    private static void addDeclaredStatements(CompileContext context) {
        ServiceSettings settings = context.settings();
        Optional<Node> statements = settings.roleConfig().get("statements");
        String source = "provider.iam.role.statements";
        if (statements.isEmpty() || !Js.truthy(settings.roleValue("statements"))) {
            statements = settings.provider().get("iamRoleStatements");
            source = "provider.iamRoleStatements";
        }
        if (statements.isPresent()) {
            DeclaredStatements.read(statements.get(), source).forEach(context.statements()::push);
        }
    }
}
