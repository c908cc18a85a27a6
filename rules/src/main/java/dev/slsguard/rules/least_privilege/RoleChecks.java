package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.EffectivePermissions;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.ManagedPolicyArn;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.rules.Violation;
import dev.slsguard.rules.iam.Globs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of roles as a whole (SLS-IAM-006..009). */
public final class RoleChecks {

    /** How many functions the shared-role note lists by name. */
    private static final int LISTED = 5;

    /** Managed policies SLS-IAM-006 reports (cfn_nag W43/W44). */
    static final Set<String> ADMIN_POLICIES = Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");

    private RoleChecks() {
    }

    /**
     * True for a statement expanded from one of the policies SLS-IAM-006 reports once, at the ARN:
     * the other least-privilege rules leave its statements alone.
     */
    public static boolean fromAdminPolicy(IamStatement s) {
        return s.source().startsWith(IamStatement.MANAGED_POLICY_PREFIX)
                && ADMIN_POLICIES.contains(s.source().substring(IamStatement.MANAGED_POLICY_PREFIX.length()));
    }

    /**
     * SLS-IAM-006: AdministratorAccess, PowerUserAccess or IAMFullAccess attached to the execution
     * role ({@code provider.iam.role.managedPolicies}, legacy {@code provider.iamManagedPolicies}) or to
     * a role under {@code resources:}, at the ARN entry; ARNs written with Fn::Join / Fn::Sub of the
     * partition count.
     */
    public static List<Violation> adminPolicies(Service service) {
        List<Violation> out = new ArrayList<>();
        MapNode root = service.config();
        for (String[] path : List.of(new String[] {"provider", "iam", "role", "managedPolicies"},
                new String[] {"provider", "iamManagedPolicies"})) {
            root.at(path).ifPresent(list -> adminEntries(list, "the execution role " + EffectivePermissions.EXECUTION_ROLE,
                    out));
        }
        root.at("resources", "Resources").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .ifPresent(resources -> resources.fields().forEach(f -> {
                    if (f.value() instanceof MapNode definition && isType(definition, "AWS::IAM::Role")) {
                        definition.at("Properties", "ManagedPolicyArns")
                                .ifPresent(list -> adminEntries(list, "role " + f.key(), out));
                    }
                }));
        return out;
    }

    private static void adminEntries(Node list, String role, List<Violation> out) {
        if (!(list instanceof ListNode items)) {
            return;
        }
        for (Node item : items.items()) {
            ManagedPolicyArn.path(Nodes.toJson(item)).filter(ADMIN_POLICIES::contains)
                    .ifPresent(name -> out.add(new Violation("admin-policy", item.ref(), "attaches the AWS managed"
                            + " policy " + name + " to " + role + ", which grants whoever uses the role "
                            + adminScope(name) + "; attach no administrator policy and grant the actions the functions"
                            + " call on the resources they use")));
        }
    }

    private static String adminScope(String name) {
        return switch (name) {
            case "AdministratorAccess" -> "every action on every resource";
            case "PowerUserAccess" -> "every action except most of IAM and Organizations, on every resource";
            default -> "every IAM action, enough to grant itself anything else";
        };
    }

    /**
     * SLS-IAM-007: an Allow trust statement of an {@code AWS::IAM::Role} under {@code resources:}
     * whose principal is {@code *} (also {@code AWS: "*"}), or that uses {@code NotPrincipal}.
     */
    public static List<Violation> openTrust(Service service) {
        List<Violation> out = new ArrayList<>();
        service.config().at("resources", "Resources").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .ifPresent(resources -> resources.fields().forEach(f -> {
                    if (f.value() instanceof MapNode definition && isType(definition, "AWS::IAM::Role")) {
                        definition.at("Properties", "AssumeRolePolicyDocument", "Statement")
                                .ifPresent(statements -> trustStatements(f.key(), statements, out));
                    }
                }));
        return out;
    }

    private static void trustStatements(String role, Node statements, List<Violation> out) {
        List<Node> list = statements instanceof ListNode l ? l.items() : List.of(statements);
        for (Node node : list) {
            if (!(node instanceof MapNode statement) || !text(statement.get("Effect")).equals("Allow")) {
                continue;
            }
            statement.field("NotPrincipal").ifPresent(f -> out.add(new Violation("not-principal", f.keyRef(),
                    "lets every principal except those in NotPrincipal assume role " + role + "; name the service"
                            + " (lambda.amazonaws.com) or the account that needs to assume it with Principal")));
            Optional<Node> principal = statement.get("Principal");
            if (principal.isEmpty()) {
                continue;
            }
            for (Node star : stars(principal.get())) {
                out.add(new Violation("star-principal", star.ref(), "lets any AWS principal (\"*\") assume role " + role
                        + "; name the service (lambda.amazonaws.com) or the account that needs to assume it"));
            }
        }
    }

    /** The {@code *} entries of a principal: {@code "*"}, {@code AWS: "*"}, {@code AWS: ["*"]}. */
    private static List<Node> stars(Node principal) {
        List<Node> out = new ArrayList<>();
        if (principal instanceof ScalarNode && text(Optional.of(principal)).equals("*")) {
            out.add(principal);
        } else if (principal instanceof MapNode map) {
            map.get("AWS").ifPresent(aws -> {
                List<Node> items = aws instanceof ListNode l ? l.items() : List.of(aws);
                items.stream().filter(i -> text(Optional.of(i)).equals("*")).forEach(out::add);
            });
        }
        return out;
    }

    /**
     * SLS-IAM-008: a role shared by functions whose own events need different things while the
     * role also grants statements of the user's (declared, managed, {@code resources:}): every
     * function gets all of them. Once per role, at {@code provider.iam} (or the legacy key, or the
     * role's resource key).
     */
    public static List<Violation> sharedRoles(Service service, Collection<?> functions, Collection<?> statements,
                                              Collection<?> sources) {
        List<IamStatement> all = iamStatements(statements);
        List<Function> ordered = ordered(functions);
        Map<String, String> roles = EffectivePermissions.rolesOf(service, ordered, all);
        Map<String, List<Function>> byRole = new LinkedHashMap<>();
        for (Function f : ordered) {
            byRole.computeIfAbsent(roles.get(f.key()), k -> new ArrayList<>()).add(f);
        }
        Map<String, List<IamStatement>> grantedByRole = new HashMap<>();
        for (IamStatement s : all) {
            if (!s.automatic() && "Allow".equals(s.effect())) {
                grantedByRole.computeIfAbsent(s.role(), k -> new ArrayList<>()).add(s);
            }
        }
        FunctionNeeds needs = null;
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<String, List<Function>> e : byRole.entrySet()) {
            String role = e.getKey();
            List<Function> users = e.getValue();
            List<IamStatement> granted = grantedByRole.getOrDefault(role, List.of());
            if (users.size() < 2 || granted.isEmpty()) {
                continue;
            }
            if (needs == null) {
                needs = FunctionNeeds.of(statements, sources);
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (Function f : users) {
                distinct.add(needs.of(f.key()).stream().map(n -> n.action() + " " + FunctionNeeds.key(n.resource())).sorted()
                        .toList().toString());
            }
            if (distinct.size() < 2) {
                continue;
            }
            List<String> perFunction = new ArrayList<>();
            for (Function f : users.subList(0, Math.min(LISTED, users.size()))) {
                perFunction.add(f.key() + ": " + FunctionNeeds.describe(needs.of(f.key())));
            }
            if (users.size() > LISTED) {
                perFunction.add((users.size() - LISTED) + " more");
            }
            out.add(new Violation("shared-role", roleRef(service, role, granted.get(0)), "role " + role + " is shared by "
                    + users.size() + " functions whose events need different permissions, and each of them also gets"
                    + (granted.size() == 1 ? " the statement" : " all " + granted.size() + " statements")
                    + " granted to the role by hand (declared, managed policies, resources:); per-function roles would"
                    + " give each what its events need (" + String.join(" | ", perFunction) + ") plus only the"
                    + " statements its own code uses"));
        }
        return out;
    }

    private static SourceRef roleRef(Service service, String role, IamStatement first) {
        MapNode root = service.config();
        if (role.equals(EffectivePermissions.EXECUTION_ROLE)) {
            Optional<MapNode> provider = root.get("provider").filter(MapNode.class::isInstance).map(MapNode.class::cast);
            for (String key : List.of("iam", "iamRoleStatements", "iamManagedPolicies")) {
                Optional<SourceRef> ref = provider.flatMap(p -> p.field(key)).map(MapNode.Field::keyRef);
                if (ref.isPresent()) {
                    return ref.get();
                }
            }
        }
        return root.at("resources", "Resources").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .flatMap(r -> r.field(role)).map(MapNode.Field::keyRef).orElse(first.ref());
    }

    /**
     * SLS-IAM-009: an Action pattern of the user's ({@code sqs:*}) that covers what a function's own
     * event already needs on a Resource entry of the same statement, and more: {@code sqs:*} on the
     * queue an sqs event reads, where v3 grants sqs:ReceiveMessage, sqs:DeleteMessage and
     * sqs:GetQueueAttributes itself. At the action entry, once per entry.
     *
     * @param patterns  the {@link ActionEntry}s with a wildcard (but {@code *})
     * @param resources the {@link ResourceEntry}s
     */
    public static List<Violation> overGrants(Service service, Collection<?> functions, Collection<?> statements,
                                             Collection<?> sources, Collection<?> patterns, Collection<?> resources) {
        Map<IamStatement, List<ActionEntry>> globs = byStatement(patterns, ActionEntry.class);
        List<Violation> out = new ArrayList<>();
        if (globs.isEmpty()) {
            return out;
        }
        Map<IamStatement, List<ResourceEntry>> resourcesOf = byStatement(resources, ResourceEntry.class);
        List<IamStatement> candidates = new ArrayList<>(globs.keySet());
        candidates.sort(Comparator.comparing(IamStatement::role).thenComparing(IamStatement::orderKey));
        List<Function> ordered = ordered(functions);
        Map<String, String> roles = EffectivePermissions.rolesOf(service, ordered, iamStatements(statements));
        Set<String> inheriting = new HashSet<>();
        for (Function f : ordered) {
            if (!roles.get(f.key()).equals(EffectivePermissions.EXECUTION_ROLE) && EffectivePermissions.inherits(f)) {
                inheriting.add(f.key());
            }
        }
        FunctionNeeds needs = FunctionNeeds.of(statements, sources);
        Map<String, Violation> byEntry = new LinkedHashMap<>();
        for (IamStatement s : candidates) {
            boolean inheritable = s.role().equals(EffectivePermissions.EXECUTION_ROLE)
                    && (IamStatement.DECLARED.equals(s.origin()) || IamStatement.MANAGED.equals(s.origin()));
            for (ResourceEntry resource : resourcesOf.getOrDefault(s, List.of())) {
                for (Map.Entry<String, List<Need>> need : needs.on(FunctionNeeds.key(resource.value())).entrySet()) {
                    String function = need.getKey();
                    boolean applies = s.role().equals(roles.get(function))
                            || inheritable && inheriting.contains(function);
                    if (!applies) {
                        continue;
                    }
                    for (ActionEntry action : globs.get(s)) {
                        String glob = action.text();
                        List<Need> covered = need.getValue().stream().filter(n -> Globs.matchesAction(glob, n.action()))
                                .toList();
                        if (covered.isEmpty() || byEntry.containsKey(key(action.where()))) {
                            continue;
                        }
                        String neededActions = String.join(", ", covered.stream().map(Need::action).toList());
                        byEntry.put(key(action.where()), new Violation("over-grant", action.where(), "grants " + glob
                                + " on " + Resources.describe(resource.value()) + " to function " + function
                                + ", whose own events need only " + neededActions + " there, which Serverless Framework"
                                + " already grants (" + covered.get(0).by().source() + "); remove " + glob
                                + " or narrow it to the other actions the function calls"));
                    }
                }
            }
        }
        out.addAll(byEntry.values());
        return out;
    }

    /** The parts by their statement (the same fact), each list in the statement's order. */
    private static <P extends StatementPart> Map<IamStatement, List<P>> byStatement(Collection<?> parts, Class<P> type) {
        Map<IamStatement, List<P>> out = new IdentityHashMap<>();
        for (Object o : parts) {
            P part = type.cast(o);
            out.computeIfAbsent(part.statement(), k -> new ArrayList<>()).add(part);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt(StatementPart::index)));
        return out;
    }

    private static String key(SourceRef where) {
        return where.file() + "#" + where.pointer() + "@" + where.line() + ":" + where.column();
    }

    private static List<IamStatement> iamStatements(Collection<?> statements) {
        List<IamStatement> out = new ArrayList<>();
        statements.forEach(o -> {
            if (o instanceof IamStatement s) {
                out.add(s);
            }
        });
        out.sort(Comparator.comparing(IamStatement::role).thenComparing(IamStatement::orderKey));
        return out;
    }

    private static List<Function> ordered(Collection<?> functions) {
        List<Function> out = new ArrayList<>();
        functions.forEach(o -> {
            if (o instanceof Function f) {
                out.add(f);
            }
        });
        out.sort(Comparator.comparingInt(Function::index));
        return out;
    }

    private static boolean isType(MapNode definition, String type) {
        return text(definition.get("Type")).equals(type);
    }

    private static String text(Optional<Node> node) {
        return node.filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text()).orElse("");
    }
}
