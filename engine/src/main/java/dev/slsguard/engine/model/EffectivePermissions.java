package dev.slsguard.engine.model;

import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Effective permissions of a function: every statement its role grants (core, derived, declared,
 * managed, {@code resources:}), in role order, each with its origin. The role is the function's
 * own {@code role:}, else its per-function role when it has {@code iamRoleStatements} (the
 * serverless-iam-roles-per-function plugin; that role also gets the execution role's core
 * statements and those derived for the function, and with {@code iamRoleStatementsInherit: true}
 * the provider's declared and managed statements), else {@code provider.iam.role} /
 * {@code provider.role}, else {@code IamRoleLambdaExecution}. A role given as an ARN is outside
 * the stack: nothing is known about it.
 */
public final class EffectivePermissions {

    /** The execution role v3 creates. */
    public static final String EXECUTION_ROLE = "IamRoleLambdaExecution";

    private static final Comparator<IamStatement> ORDER = Comparator.comparing(IamStatement::role)
            .thenComparing(IamStatement::orderKey);

    private EffectivePermissions() {
    }

    /** Every statement {@code function} can use, with its origin. */
    public static List<PermissionGrant> of(Service service, Function function, Collection<IamStatement> statements) {
        String role = roleOf(service, function, statements);
        return statements(role, function.key(), function.config(), statements).stream()
                .map(s -> new PermissionGrant(function.key(), role, s, describe(s))).toList();
    }

    /**
     * Every statement {@code function} can use, for callers without the {@link Service} (reports):
     * like {@link #of(Service, Function, Collection)} with the execution role as the service's role.
     */
    public static List<PermissionGrant> of(Function function, Collection<IamStatement> statements) {
        String role = roleOf(function, statements);
        return statements(role, function.key(), function.config(), statements).stream()
                .map(s -> new PermissionGrant(function.key(), role, s, describe(s))).toList();
    }

    /** The role of {@code function} as {@link #of(Function, Collection)} takes it (the service map's). */
    public static String roleOf(Function function, Collection<IamStatement> statements) {
        return ownRole(function, statements).orElse(EXECUTION_ROLE);
    }

    /**
     * {@link #roleOf(Function, Collection)} of each function, by function key, in one pass over the
     * statements (a role per function found by scanning every statement grows with functions x statements).
     */
    public static Map<String, String> roleOfEach(Collection<Function> functions, Collection<IamStatement> statements) {
        Map<String, String> own = ownRoles(statements);
        Map<String, String> roles = new HashMap<>();
        for (Function f : functions) {
            roles.put(f.key(), f.role().isPresent() ? roleName(f.role().get()) : own.getOrDefault(f.key(), EXECUTION_ROLE));
        }
        return roles;
    }

    /** The role of each function that has statements of its own, by function key: its first such statement's. */
    private static Map<String, String> ownRoles(Collection<IamStatement> statements) {
        Map<String, String> own = new HashMap<>();
        for (IamStatement s : statements) {
            s.function().filter(f -> isOwnDeclared(s, f)).ifPresent(f -> own.putIfAbsent(f, s.role()));
        }
        return own;
    }

    /**
     * The statements {@link #of(Function, Collection)} gives each function, without their origins in
     * words, by function key in the order given, in one pass over the statements: functions that run
     * with a role without statements of their own share one list (the service map of 500 functions).
     */
    public static Map<String, List<IamStatement>> statementsOf(Collection<Function> functions,
                                                               Collection<IamStatement> statements) {
        Map<String, List<IamStatement>> byRole = new HashMap<>();
        Map<String, String> ownRole = new HashMap<>();
        java.util.Set<String> ownStatements = new java.util.HashSet<>(); // function key + role
        for (IamStatement s : statements) {
            byRole.computeIfAbsent(s.role(), k -> new ArrayList<>()).add(s);
            s.function().filter(f -> isOwnDeclared(s, f)).ifPresent(f -> {
                ownRole.putIfAbsent(f, s.role());
                ownStatements.add(f + "\n" + s.role());
            });
        }
        Map<String, List<IamStatement>> shared = new HashMap<>();
        byRole.forEach((role, list) -> {
            list.sort(ORDER);
            shared.put(role, java.util.Collections.unmodifiableList(list));
        });
        Map<String, List<IamStatement>> out = new LinkedHashMap<>();
        for (Function f : functions) {
            String role = f.role().isPresent() ? roleName(f.role().get()) : ownRole.getOrDefault(f.key(), EXECUTION_ROLE);
            out.put(f.key(), ownStatements.contains(f.key() + "\n" + role)
                    ? statements(role, f.key(), f.config(), statements) : shared.getOrDefault(role, List.of()));
        }
        return out;
    }

    /**
     * The role of each function ({@link #roleOf}), keyed by function key in function order, in one
     * pass over the statements.
     */
    public static Map<String, String> rolesOf(Service service, Collection<Function> functions,
                                              Collection<IamStatement> statements) {
        Map<String, String> own = ownRoles(statements);
        List<Function> ordered = new ArrayList<>(functions);
        ordered.sort(Comparator.comparingInt(Function::index));
        Map<String, String> roles = new LinkedHashMap<>();
        String shared = null;
        for (Function f : ordered) {
            String role;
            if (f.role().isPresent()) {
                role = roleName(f.role().get());
            } else if (own.containsKey(f.key())) {
                role = own.get(f.key());
            } else {
                if (shared == null) {
                    shared = roleOf(service, new Function(f.key(), f.name(), f.index(), f.logicalId(), f.runtime(),
                            f.timeout(), f.memorySize(), Optional.empty(), f.ref(), f.config()), List.of());
                }
                role = shared;
            }
            roles.put(f.key(), role);
        }
        return roles;
    }

    /** True when {@code function} has {@code iamRoleStatementsInherit: true}. */
    public static boolean inherits(Function function) {
        return function.config().get("iamRoleStatementsInherit").filter(ScalarNode.class::isInstance)
                .map(n -> Boolean.TRUE.equals(((ScalarNode) n).value())).orElse(false);
    }

    /** The role {@code function} runs with (logical id, or the ARN of a role outside the stack). */
    public static String roleOf(Service service, Function function, Collection<IamStatement> statements) {
        Optional<String> own = ownRole(function, statements);
        if (own.isPresent()) {
            return own.get();
        }
        if (service.executionRole()) {
            return EXECUTION_ROLE;
        }
        MapNode config = service.config();
        Optional<Node> providerRole = config.at("provider", "iam", "role").filter(n -> !(n instanceof MapNode))
                .or(() -> config.at("provider", "role"));
        return providerRole.map(n -> roleName(CfnValue.of(Nodes.toJson(n)))).orElse(EXECUTION_ROLE);
    }

    /** The function's {@code role:}, else its per-function role. */
    private static Optional<String> ownRole(Function function, Collection<IamStatement> statements) {
        if (function.role().isPresent()) {
            return Optional.of(roleName(function.role().get()));
        }
        return statements.stream().filter(s -> isOwnDeclared(s, function.key())).map(IamStatement::role).findFirst();
    }

    /** The statements {@code role} grants when {@code function} runs with it, sorted by role and order. */
    private static List<IamStatement> statements(String role, String functionKey, MapNode config,
                                                 Collection<IamStatement> statements) {
        boolean perFunction = statements.stream().anyMatch(s -> isOwnDeclared(s, functionKey) && s.role().equals(role));
        boolean inherit = config.get("iamRoleStatementsInherit").filter(ScalarNode.class::isInstance)
                .map(n -> Boolean.TRUE.equals(((ScalarNode) n).value())).orElse(false);
        List<IamStatement> out = new ArrayList<>();
        for (IamStatement s : statements) {
            if (s.role().equals(role)) {
                out.add(s);
            } else if (perFunction && s.role().equals(EXECUTION_ROLE)) {
                // a statement derived once for the whole service (sqs) counts when it was caused by this function
                boolean serves = s.function().map(functionKey::equals).orElse(IamStatement.CORE.equals(s.origin())
                        || s.ref().pointer().startsWith("/functions/" + functionKey + "/"));
                if (s.automatic() && serves
                        || inherit && (IamStatement.DECLARED.equals(s.origin()) || IamStatement.MANAGED.equals(s.origin()))) {
                    out.add(s);
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static boolean isOwnDeclared(IamStatement s, String functionKey) {
        return IamStatement.DECLARED.equals(s.origin()) && s.function().filter(functionKey::equals).isPresent()
                && s.source().equals("functions." + functionKey + ".iamRoleStatements");
    }

    /** {@code Ref: X} and {@code Fn::GetAtt: [X, Arn]} name X; a plain name is a logical id; an ARN stays. */
    private static String roleName(CfnValue value) {
        if (value instanceof CfnValue.Ref ref) {
            return ref.logicalId();
        }
        if (value instanceof CfnValue.GetAtt att) {
            return att.resource();
        }
        return value.literal().orElse(value.toJson().toString());
    }

    /** Where a statement comes from, in words. */
    public static String describe(IamStatement s) {
        String at = s.ref().toString();
        return switch (s.origin()) {
            case IamStatement.DERIVED -> "derived by " + s.source() + " from " + s.ref().pointer() + " (" + at + ")";
            case IamStatement.CORE -> s.source().startsWith(IamStatement.MANAGED_POLICY_PREFIX)
                    ? "added by Serverless Framework: AWS managed policy "
                            + s.source().substring(IamStatement.MANAGED_POLICY_PREFIX.length()) + " (" + at + ")"
                    : "added by Serverless Framework (" + s.source() + ", " + at + ")";
            case IamStatement.MANAGED -> "AWS managed policy "
                    + s.source().substring(IamStatement.MANAGED_POLICY_PREFIX.length()) + " attached at " + at;
            case IamStatement.DECLARED -> "declared in " + s.source() + " at " + at;
            case IamStatement.RESOURCE -> "written in " + s.source() + " at " + at;
            default -> s.origin() + " " + s.source() + " at " + at;
        };
    }
}
