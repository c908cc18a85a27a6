package dev.slsguard.compilers.core;

import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import java.util.List;
import java.util.Optional;

/**
 * The template's source map for the core resources: which setting determines each property of a
 * function, its log group and the execution role, so that a problem with a property (a memory size
 * CloudFormation rejects, a generated name over its length limit) is reported at that setting. A
 * name v3 generates points at what it is generated from: a function's name at its key, the role's
 * name at {@code service} (both include the service name and stage).
 */
final class PropertyOrigins {

    /** A property of {@code AWS::Lambda::Function}, the function setting and the provider setting behind it. */
    private record Row(String property, String own, List<String> provider) {
    }

    private static final List<Row> FUNCTION = List.of(
            new Row("Handler", "handler", List.of()),
            new Row("Runtime", "runtime", List.of("runtime")),
            new Row("RuntimeManagementConfig", "runtimeManagement", List.of("runtimeManagement")),
            new Row("MemorySize", "memorySize", List.of("memorySize")),
            new Row("Timeout", "timeout", List.of("timeout")),
            new Row("Architectures", "architecture", List.of("architecture")),
            new Row("Description", "description", List.of()),
            new Row("Tags", "tags", List.of("tags")),
            new Row("EphemeralStorage", "ephemeralStorageSize", List.of()),
            new Row("DeadLetterConfig", "onError", List.of()),
            new Row("KmsKeyArn", "kmsKeyArn", List.of("kmsKeyArn")),
            new Row("TracingConfig", "tracing", List.of("tracing", "lambda")),
            new Row("Environment", "environment", List.of("environment")),
            new Row("Role", "role", List.of()),
            new Row("VpcConfig", "vpc", List.of("vpc")),
            new Row("FileSystemConfigs", "fileSystemConfig", List.of()),
            new Row("ReservedConcurrentExecutions", "reservedConcurrency", List.of()),
            new Row("Layers", "layers", List.of("layers")),
            new Row("ImageConfig", "image", List.of()),
            new Row("Code", "image", List.of()));

    private PropertyOrigins() {
    }

    /** The function's {@code AWS::Lambda::Function}: each property at the setting it comes from. */
    static void function(CompileContext context, FunctionSettings function) {
        ServiceSettings settings = context.settings();
        String id = function.logicalId();
        context.origin(id, List.of("Properties", "FunctionName"), setting(function.config(), "name")
                .orElse(function.ref()));
        for (Row row : FUNCTION) {
            Optional<SourceRef> where = setting(function.config(), row.own());
            if (where.isEmpty() && !row.provider().isEmpty()) {
                where = setting(settings.provider(), row.provider().toArray(String[]::new));
            }
            where.ifPresent(ref -> context.origin(id, List.of("Properties", row.property()), ref));
        }
        for (MapNode environment : maps(settings.provider().get("environment"), function.config().get("environment"))) {
            for (MapNode.Field variable : environment.fields()) {
                context.origin(id, List.of("Properties", "Environment", "Variables", variable.key()),
                        ref(variable));
            }
        }
        setting(function.config(), "condition").ifPresent(ref -> context.origin(id, List.of("Condition"), ref));
        setting(function.config(), "dependsOn").ifPresent(ref -> context.origin(id, List.of("DependsOn"), ref));
    }

    /** A function's log group: its name comes from the function's name, its retention from the settings. */
    static void logGroup(CompileContext context, FunctionSettings function) {
        ServiceSettings settings = context.settings();
        String id = Naming.logGroupLogicalId(function.key());
        context.origin(id, List.of("Properties", "LogGroupName"), setting(function.config(), "name")
                .orElse(function.ref()));
        for (String[] row : new String[][] {{"RetentionInDays", "logRetentionInDays"},
                {"DataProtectionPolicy", "logDataProtectionPolicy"}}) {
            setting(function.config(), row[1]).or(() -> setting(settings.provider(), row[1]))
                    .ifPresent(ref -> context.origin(id, List.of("Properties", row[0]), ref));
        }
    }

    /**
     * {@code IamRoleLambdaExecution}: its generated name and policy name at {@code service}, unless
     * {@code provider.iam.role.name} is set; the other properties at their {@code provider.iam.role} settings.
     */
    static void role(CompileContext context) {
        ServiceSettings settings = context.settings();
        MapNode role = settings.roleConfig();
        String id = Naming.ROLE_LOGICAL_ID;
        context.origin(id, List.of("Properties", "RoleName"), setting(role, "name").orElse(settings.ref()));
        context.origin(id, List.of("Properties", "Policies", "0", "PolicyName"), settings.ref());
        setting(role, "path").ifPresent(ref -> context.origin(id, List.of("Properties", "Path"), ref));
        setting(role, "tags").ifPresent(ref -> context.origin(id, List.of("Properties", "Tags"), ref));
        setting(role, "permissionsBoundary").or(() -> setting(role, "permissionBoundary"))
                .or(() -> setting(settings.provider(), "rolePermissionsBoundary"))
                .ifPresent(ref -> context.origin(id, List.of("Properties", "PermissionsBoundary"), ref));
        Optional<Node> managed = role.get("managedPolicies").or(() -> settings.provider().get("iamManagedPolicies"));
        if (managed.isPresent() && managed.get() instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                context.origin(id, List.of("Properties", "ManagedPolicyArns", String.valueOf(i)),
                        list.items().get(i).ref());
            }
        }
    }

    /** Where a setting was written: its value's line for a scalar, its key's for a mapping or list. */
    static Optional<SourceRef> setting(MapNode config, String... path) {
        MapNode current = config;
        for (int i = 0; i < path.length - 1; i++) {
            Optional<Node> next = current.get(path[i]);
            if (next.isEmpty() || !(next.get() instanceof MapNode map)) {
                return Optional.empty();
            }
            current = map;
        }
        return current.field(path[path.length - 1]).map(PropertyOrigins::ref);
    }

    private static SourceRef ref(MapNode.Field field) {
        return field.value() instanceof MapNode || field.value() instanceof ListNode ? field.keyRef()
                : field.value().ref();
    }

    /** The given nodes that are mappings, in order (the function's entries override the provider's). */
    @SafeVarargs
    private static List<MapNode> maps(Optional<Node>... nodes) {
        return java.util.Arrays.stream(nodes).flatMap(Optional::stream).filter(MapNode.class::isInstance)
                .map(MapNode.class::cast).toList();
    }
}
