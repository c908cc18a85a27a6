package dev.slsguard.rules.least_privilege;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.Report;
import dev.slsguard.engine.text.Spelling;
import dev.slsguard.rules.iam.ConditionKeyType;
import dev.slsguard.rules.iam.Globs;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.IamCatalog;
import dev.slsguard.rules.iam.ResourcePatterns;
import dev.slsguard.rules.iam.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What the least-privilege rules call: the actions and resource types a statement's entries grant
 * (from the IAM action data, cached by entries), the action lists the checks name, the messages,
 * and the one way findings on entries are reported. Which entry gets which finding is the rules'
 * business (least_privilege/*.drl).
 */
public final class LeastPrivilege {

    private static final int LISTED = 5;

    /** Actions that return credentials (cloudsplaining's credentials-exposure list), lower case. */
    static final Set<String> CREDENTIALS = lower(List.of(
            "chime:CreateApiKey", "codepipeline:PollForJobs", "cognito-identity:GetOpenIdToken",
            "cognito-identity:GetOpenIdTokenForDeveloperIdentity", "cognito-identity:GetCredentialsForIdentity",
            "connect:GetFederationToken", "connect:GetFederationTokens", "ecr:GetAuthorizationToken",
            "gamelift:GetInstanceAccess", "gamelift:RequestUploadCredentials", "iam:CreateAccessKey",
            "iam:CreateLoginProfile", "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential",
            "iam:UpdateAccessKey", "lightsail:GetInstanceAccessDetails",
            "lightsail:GetRelationalDatabaseMasterUserPassword", "rds-db:connect", "redshift:GetClusterCredentials",
            "redshift:GetClusterCredentialsWithIAM", "sso:GetRoleCredentials", "mediapackage:RotateChannelCredentials",
            "mediapackage:RotateIngestEndpointCredentials", "sts:AssumeRole", "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithWebIdentity", "sts:GetFederationToken", "sts:GetSessionToken"));

    /** Actions that read data out of the account (cloudsplaining's data-exfiltration list, plus KMS), lower case. */
    static final Set<String> EXFILTRATION = lower(List.of(
            "s3:GetObject", "s3:GetObjectVersion", "ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath", "secretsmanager:GetSecretValue", "kms:Decrypt"));

    /** The actions of a statement's entries, by their distinct texts: statements often repeat them. */
    private static final Map<Set<String>, List<IamAction>> EXPANDED = new ConcurrentHashMap<>();
    /** Their resource types, likewise. */
    private static final Map<Set<String>, Map<String, ResourceType>> TYPES = new ConcurrentHashMap<>();

    private LeastPrivilege() {
    }

    private static Set<String> lower(Collection<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The lower-case full name the action lists above hold. */
    static String key(IamAction action) {
        return action.fullName().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- reporting

    /**
     * Reports one finding per flagged part, each at its own entry; the parts of a statement of an
     * AWS managed policy, which share the policy's ARN and cannot be edited, get one finding that
     * gives the first and counts the others (ReadOnlyAccess alone has hundreds of globs).
     */
    public static <P extends StatementPart> void report(RuleContext kcontext, Collection<?> flagged, Class<P> type,
                                                        Function<P, String> message) {
        List<P> parts = flagged.stream().map(type::cast).sorted(Comparator.comparingInt(StatementPart::index)).toList();
        if (parts.isEmpty()) {
            return;
        }
        IamStatement statement = parts.get(0).statement();
        if (parts.size() > 1 && IamStatement.MANAGED.equals(statement.origin())) {
            int more = parts.size() - 1;
            Report.finding(kcontext, parts.get(0).where(), inContext(statement, message.apply(parts.get(0))
                    + " (The policy statement has " + more + (more == 1 ? " more entry" : " more entries")
                    + " like this.)"));
            return;
        }
        parts.forEach(p -> Report.finding(kcontext, p.where(), inContext(statement, message.apply(p))));
    }

    /**
     * The message of a finding on {@code statement}: as is for statements written in the service,
     * prefixed with the policy's name for statements of an AWS managed policy (reported at its ARN).
     */
    public static String inContext(IamStatement statement, String message) {
        if (statement.source().startsWith(IamStatement.MANAGED_POLICY_PREFIX)) {
            return "Managed policy " + statement.source().substring(IamStatement.MANAGED_POLICY_PREFIX.length())
                    + ": " + message;
        }
        return message;
    }

    // ---------------------------------------------------------------- catalogue

    /** The actions the statement's Action entries grant, but {@code *} (SLS-IAM-001/002's): distinct, sorted. */
    public static List<IamAction> actions(IamStatement statement) {
        return expand(texts(statement.actions()));
    }

    /** The actions the given {@link ActionEntry}s grant: distinct, sorted. */
    public static List<IamAction> actions(Collection<?> entries) {
        return expand(texts(entries.stream().map(e -> ((ActionEntry) e).text()).toList()));
    }

    private static Set<String> texts(Collection<String> actions) {
        Set<String> out = new TreeSet<>();
        for (String a : actions) {
            String t = a.trim();
            if (!t.isEmpty() && !t.equals("*")) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<IamAction> expand(Set<String> texts) {
        return bounded(EXPANDED).computeIfAbsent(texts, k -> {
            TreeMap<String, IamAction> out = new TreeMap<>();
            k.forEach(t -> IamCatalog.builtIn().expand(t).forEach(a -> out.put(key(a), a)));
            return List.copyOf(out.values());
        });
    }

    /** The distinct resource types ({@code service:type}) the statement's actions take, in action order. */
    static Map<String, ResourceType> resourceTypes(IamStatement statement) {
        return bounded(TYPES).computeIfAbsent(texts(statement.actions()), k -> {
            Map<String, ResourceType> out = new LinkedHashMap<>();
            for (IamAction a : expand(k)) {
                a.resourceTypes().forEach(t -> out.putIfAbsent(a.service() + ":" + t.name(), t));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    private static <K, V> Map<K, V> bounded(Map<K, V> cache) {
        if (cache.size() > 5_000) {
            cache.clear();
        }
        return cache;
    }

    // ---------------------------------------------------------------- SLS-IAM-001 .. 005

    /** SLS-IAM-001: Action {@code *} on the statement's own resources. */
    public static String actionStar(IamStatement statement) {
        return "grants every action (Action \"*\") on " + resourceList(statement)
                + "; list the actions the functions call instead (e.g. s3:GetObject)";
    }

    /** SLS-IAM-002: Action {@code *} on Resource {@code *}. */
    public static String administrator(IamStatement statement) {
        return "grants every action on every resource (Action \"*\" on Resource \"*\"): full administrator access for"
                + " every function using role " + statement.role() + ", including iam:PassRole and changing its own"
                + " permissions; grant only the actions the functions call, on the resources they use";
    }

    /** SLS-IAM-003: iam:PassRole, granted by {@code grant}, on every role. */
    public static String passRole(ActionEntry grant) {
        String via = grant.text().equalsIgnoreCase("iam:PassRole") ? "iam:PassRole"
                : "iam:PassRole (via " + grant.text() + ")";
        return "grants " + via + " on every role (Resource \"*\") without an iam:PassedToService condition, so the"
                + " function can hand any role, an administrator's too, to any service; name the roles it passes"
                + " (arn:aws:iam::<account>:role/<name>) and add Condition StringEquals"
                + " iam:PassedToService: <service>.amazonaws.com";
    }

    /** SLS-IAM-004: Allow with NotAction. */
    public static String notAction(IamStatement statement) {
        return "allows every action except " + written(statement, "NotAction") + " (NotAction in an Allow) on "
                + resourceList(statement) + ", including every action AWS adds later;"
                + " list the actions the functions call with Action instead";
    }

    /** SLS-IAM-005: Allow with NotResource. */
    public static String notResource(IamStatement statement) {
        String actions = statement.actions().isEmpty() ? "its actions" : String.join(", ", statement.actions());
        return "allows " + actions + " on every resource except " + written(statement, "NotResource")
                + " (NotResource in an Allow), including resources created later;"
                + " list the resources the functions use with Resource instead";
    }

    private static String written(IamStatement statement, String key) {
        List<String> out = new ArrayList<>();
        JsonNode value = statement.document().get(key);
        if (value != null && value.isArray()) {
            value.forEach(v -> out.add(Resources.describe(CfnValue.of(v))));
        } else if (value != null) {
            out.add(Resources.describe(CfnValue.of(value)));
        }
        return String.join(", ", out);
    }

    private static String resourceList(IamStatement statement) {
        if (statement.resources().isEmpty()) {
            return "every resource";
        }
        return String.join(", ", statement.resources().stream().map(Resources::describe).toList());
    }

    // ---------------------------------------------------------------- SLS-IAM-101

    /** SLS-IAM-101: Resource {@code *} for {@code scoped}, the actions that take resource-level permissions. */
    public static String resourceStar(Collection<?> scoped, Collection<?> entries) {
        List<IamAction> actions = scoped.stream().map(IamAction.class::cast).toList();
        Map<String, String> types = new LinkedHashMap<>();
        for (IamAction a : actions) {
            ResourceType t = a.primaryType();
            types.putIfAbsent(a.service() + ":" + t.name(), t.arnFormat());
            if (types.size() >= 3) {
                break;
            }
        }
        List<String> typeList = types.entrySet().stream()
                .map(e -> e.getKey().substring(e.getKey().indexOf(':') + 1) + " (" + e.getValue() + ")").toList();
        long wildcardOnly = actions(entries).stream().filter(IamAction::wildcardOnly).count();
        return "Resource \"*\" grants " + names(actions) + " on every resource, though "
                + (actions.size() == 1 ? "it supports" : "they support") + " resource-level permissions."
                + " Name the resources the function uses instead, e.g. " + String.join(", ", typeList)
                + (wildcardOnly > 0 ? "; keep \"*\" only for the " + wildcardOnly
                + (wildcardOnly == 1 ? " wildcard-only action, in a statement of its own"
                : " wildcard-only actions, in a statement of their own") : "")
                + ".";
    }

    // ---------------------------------------------------------------- SLS-IAM-102 / 103

    /** SLS-IAM-102: {@code svc:*}. */
    public static String serviceWildcard(ActionEntry entry) {
        List<IamAction> all = entry.actions();
        String service = all.get(0).service();
        List<IamAction> applicable = applicable(all, entry.statement());
        if (applicable.size() == all.size()) {
            return entry.text() + " grants all " + all.size() + " actions of " + service + " " + levels(all)
                    + "." + notable(all) + " List only the " + service + " actions the function calls.";
        }
        return entry.text() + " grants all " + all.size() + " actions of " + service + "; on the statement's"
                + " resources " + applicable.size() + " of them apply " + levels(applicable) + "."
                + notable(applicable) + " List only the " + service + " actions the function calls.";
    }

    /**
     * The actions that can apply to at least one of the statement's resources: all of them when a
     * resource is {@code *} or not known offline; else those with a resource type whose ARN format the
     * resource can match ({@code s3:PutBucketPolicy} does not apply to {@code arn:aws:s3:::bucket/*}).
     */
    static List<IamAction> applicable(List<IamAction> actions, IamStatement statement) {
        List<String> patterns = new ArrayList<>();
        for (CfnValue resource : statement.resources()) {
            Optional<String> pattern = ResourcePatterns.matching(resource);
            if (pattern.isEmpty() || pattern.get().equals("*") || !pattern.get().startsWith("arn:")) {
                return actions;
            }
            patterns.add(pattern.get());
        }
        if (patterns.isEmpty()) {
            return actions; // NotResource: left to its own rule
        }
        return actions.stream().filter(a -> a.resourceTypes().stream()
                .anyMatch(t -> patterns.stream().anyMatch(t::accepts))).toList();
    }

    /** SLS-IAM-103: another pattern matching several actions. */
    public static String broadPattern(ActionEntry entry) {
        List<IamAction> expanded = entry.actions();
        long services = expanded.stream().map(IamAction::service).distinct().count();
        return entry.text() + " matches " + expanded.size() + " actions" + (services > 1 ? " in " + services
                + " services" : "") + " " + levels(expanded) + "." + notable(expanded)
                + " List the actions the function calls instead of a pattern.";
    }

    /** {@code (Permissions management 2, Write 30, Read 12)}: the most dangerous level first. */
    private static String levels(List<IamAction> actions) {
        Map<String, Integer> counts = new TreeMap<>(Comparator.comparingInt(LeastPrivilege::levelOrder)
                .thenComparing(Comparator.naturalOrder()));
        actions.forEach(a -> counts.merge(a.accessLevel(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((level, n) -> parts.add(level + " " + n));
        return "(" + String.join(", ", parts) + ")";
    }

    /** Access levels by the harm they allow: permissions management, write, tagging, read, list. */
    private static int levelOrder(String level) {
        return switch (level) {
            case IamAction.PERMISSIONS_MANAGEMENT -> 0;
            case "Write" -> 1;
            case "Tagging" -> 2;
            case "Read" -> 3;
            case "List" -> 4;
            default -> 5;
        };
    }

    /** Actions by the harm they allow, then (permissions management) by sensitivity, then by name. */
    private static final Comparator<IamAction> DANGER_FIRST = Comparator
            .comparingInt((IamAction a) -> levelOrder(a.accessLevel()))
            .thenComparingInt(a -> a.permissionsManagement() ? sensitivity(a) : 0)
            .thenComparing(IamAction::fullName);

    /** The sensitive actions among an expansion: permissions management, credentials, data. */
    private static String notable(List<IamAction> actions) {
        List<String> parts = new ArrayList<>();
        List<IamAction> pm = actions.stream().filter(IamAction::permissionsManagement)
                .sorted(Comparator.comparingInt(LeastPrivilege::sensitivity)).toList();
        if (!pm.isEmpty()) {
            parts.add("permissions management " + names(pm));
        }
        List<IamAction> credentials = actions.stream().filter(a -> CREDENTIALS.contains(key(a))).toList();
        if (!credentials.isEmpty()) {
            parts.add("credentials " + names(credentials));
        }
        List<IamAction> data = actions.stream().filter(a -> EXFILTRATION.contains(key(a))).toList();
        if (!data.isEmpty()) {
            parts.add("data access " + names(data));
        }
        if (parts.isEmpty()) {
            List<IamAction> writes = actions.stream().filter(a -> a.accessLevel().equals("Write")).toList();
            if (!writes.isEmpty()) {
                parts.add("writes " + names(writes));
            }
        }
        return parts.isEmpty() ? "" : " It includes " + String.join("; ", parts) + ".";
    }

    /** Well-known dangerous permissions first: policies, ACLs, permissions, grants. */
    private static int sensitivity(IamAction action) {
        String n = action.name();
        if (n.contains("Policy") && !n.contains("Status")) {
            return 0;
        }
        if (n.contains("Acl")) {
            return 1;
        }
        if (n.contains("Permission") || n.startsWith("PassRole")) {
            return 2;
        }
        if (n.contains("Grant")) {
            return 3;
        }
        return 4;
    }

    /**
     * {@code s3:PutBucketPolicy, s3:PutObject, s3:GetObject and 4 more}: the most dangerous first
     * (permissions management, write, tagging, read, list), so that the ones a reviewer must see are
     * not among those cut off.
     */
    private static String names(List<IamAction> actions) {
        List<String> shown = actions.stream().sorted(DANGER_FIRST).limit(LISTED).map(IamAction::fullName).toList();
        String text = String.join(", ", shown);
        return actions.size() > LISTED ? text + " and " + (actions.size() - LISTED) + " more" : text;
    }

    // ---------------------------------------------------------------- SLS-IAM-104 / 105

    /** SLS-IAM-104: a wildcard ARN as wide as {@code *}. */
    public static String effectivelyStar(ResourceEntry entry) {
        Map<String, String> covered = entry.everyResourceOf();
        List<String> typeNames = covered.keySet().stream().map(k -> k.substring(k.indexOf(':') + 1)).distinct().toList();
        return entry.display() + " matches every " + list(typeNames, 4) + ", as wide as \"*\" for them. Name the"
                + " resources the function uses (" + covered.values().iterator().next() + " with the names filled in).";
    }

    private static String list(List<String> items, int max) {
        List<String> shown = items.stream().limit(max).toList();
        String text = shown.size() <= 1 ? String.join("", shown)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
        return items.size() > max ? String.join(", ", shown) + " and " + (items.size() - max) + " more" : text;
    }

    /** SLS-IAM-105: a resource none of the statement's actions takes, or an action that takes none of its resources. */
    public static String grantsNothing(StatementPart part) {
        if (part instanceof ActionEntry entry) {
            IamAction action = entry.actions().get(0);
            return action.fullName() + " accepts none of this statement's resources, so it is not granted. "
                    + expects(List.of(action)) + ".";
        }
        ResourceEntry entry = (ResourceEntry) part;
        if (entry.notAnArn()) {
            String arn = entry.value().literal().orElseThrow();
            return arn + " is not an ARN, so IAM rejects the policy when the stack deploys. Write the resource's ARN,"
                    + " or !GetAtt " + arn + ".Arn / !Ref for a resource of this stack.";
        }
        List<IamAction> actions = actions(entry.statement());
        return entry.display() + " is no resource " + names(actions) + " can act on, so it grants nothing. "
                + expects(actions) + ".";
    }

    private static String expects(List<IamAction> actions) {
        List<String> parts = new ArrayList<>();
        for (IamAction a : actions.stream().limit(3).toList()) {
            if (a.wildcardOnly()) {
                parts.add(a.fullName() + " takes only Resource \"*\"");
            } else {
                ResourceType primary = a.primaryType();
                List<String> formats = new ArrayList<>();
                formats.add(primary.name() + " " + primary.arnFormat());
                a.resourceTypes().stream().filter(t -> t != primary).limit(1)
                        .forEach(t -> formats.add(t.name() + " " + t.arnFormat()));
                parts.add(a.fullName() + " takes " + String.join(" or ", formats));
            }
        }
        return String.join("; ", parts);
    }

    // ---------------------------------------------------------------- SLS-IAM-106

    /** SLS-IAM-106: an entry whose service or action the IAM data does not know. */
    public static String unknownAction(ActionEntry entry) {
        String text = entry.text();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return text + " is not an IAM action: write service:Action, e.g. s3:GetObject.";
        }
        IamCatalog catalog = IamCatalog.builtIn();
        String service = text.substring(0, colon);
        String name = text.substring(colon + 1);
        if (!Globs.isGlob(service) && !catalog.knowsService(service)) {
            return text + " names no AWS service: there is no service prefix " + service
                    + Spelling.hint(service, catalog.services()) + ", so the entry grants nothing.";
        }
        if (!entry.exact()) {
            return text + " matches no IAM action, so the entry grants nothing.";
        }
        List<String> known = catalog.actionsOf(service).stream().map(IamAction::name).toList();
        return text + " is not an action of " + service + Spelling.closest(name, known)
                .map(n -> " (did you mean " + service + ":" + n + "?)").orElse("") + ", so the entry grants nothing.";
    }

    // ---------------------------------------------------------------- SLS-IAM-108 / 109 / 110

    /**
     * Reports the flagged {@link UnscopedAction}s of one statement, one finding per Action entry:
     * an entry naming one action gets {@code single}'s message, a pattern ({@code s3:*}) one message
     * naming the actions of the kind it grants ({@code many}); the entries of an AWS managed policy's
     * statement are condensed as in {@link #report}.
     */
    public static void reportUnscoped(RuleContext kcontext, Collection<?> flagged, Function<UnscopedAction, String> single,
                                      Function<List<UnscopedAction>, String> many) {
        Map<ActionEntry, List<UnscopedAction>> byEntry = new TreeMap<>(Comparator.comparingInt(ActionEntry::index));
        for (Object o : flagged) {
            UnscopedAction u = (UnscopedAction) o;
            byEntry.computeIfAbsent(u.entry(), e -> new ArrayList<>()).add(u);
        }
        List<UnscopedAction> firsts = new ArrayList<>();
        Map<UnscopedAction, String> messages = new LinkedHashMap<>();
        for (List<UnscopedAction> group : byEntry.values()) {
            group.sort(Comparator.comparingLong((UnscopedAction u) -> -typeWeight(u.action()))
                    .thenComparing(u -> u.action().fullName()));
            UnscopedAction first = group.get(0);
            firsts.add(first);
            messages.put(first, first.entry().exact() ? single.apply(first) : many.apply(group));
        }
        report(kcontext, firsts, UnscopedAction.class, messages::get);
    }

    /**
     * How many actions of its service take the action's primary resource type: a pattern's actions
     * on a service's main resources (s3 buckets and objects) are named before those on rarer ones
     * (s3 access grants), so the message starts with what readers know.
     */
    private static final Map<String, Long> PRIMARY_WEIGHTS = new ConcurrentHashMap<>();
    private static final Map<String, Long> TYPE_WEIGHTS = new ConcurrentHashMap<>();

    private static long typeWeight(IamAction action) {
        if (action.wildcardOnly()) {
            return 0;
        }
        return PRIMARY_WEIGHTS.computeIfAbsent(action.service() + ":" + action.primaryType().name(), key -> {
            String type = action.primaryType().name();
            return IamCatalog.builtIn().actionsOf(action.service()).stream()
                    .filter(a -> !a.wildcardOnly() && a.primaryType().name().equals(type)).count();
        });
    }

    /** SLS-IAM-108: an action that returns credentials, unscoped. */
    public static String credentials(UnscopedAction unscoped) {
        IamAction a = unscoped.action();
        return a.wildcardOnly()
                ? a.fullName() + " returns credentials and cannot be scoped to resources: whoever controls the function"
                + " can obtain them. Grant it only to the function that needs it, in a role of its own."
                : a.fullName() + " returns credentials and is granted on " + unscoped.onText() + ": whoever controls"
                + " the function can obtain them for every resource. Scope it to " + a.primaryType().arnFormat()
                + " with the names it needs.";
    }

    /** SLS-IAM-108 for a pattern: the credential-returning actions it grants. */
    public static String credentials(List<UnscopedAction> group) {
        UnscopedAction first = group.get(0);
        return first.entry().text() + " grants " + kindList(group, "action that returns credentials",
                "actions that return credentials") + " on " + first.onText() + " or without resource-level"
                + " permissions: whoever controls the function can obtain those credentials. List only the actions"
                + " the function calls and scope them" + scopeHint(group, "needs") + ".";
    }

    /** SLS-IAM-109: an action that reads data, unscoped. */
    public static String dataAccess(UnscopedAction unscoped) {
        IamAction a = unscoped.action();
        return a.fullName() + " is granted on " + unscoped.onText() + ", so the function can read every "
                + a.primaryType().name() + " of the account, not only its own. Scope it to "
                + a.primaryType().arnFormat() + " with the names it reads.";
    }

    /** SLS-IAM-109 for a pattern: the data-reading actions it grants. */
    public static String dataAccess(List<UnscopedAction> group) {
        UnscopedAction first = group.get(0);
        return first.entry().text() + " grants " + kindList(group, "data-reading action", "data-reading actions")
                + " on " + first.onText() + ", so the function can read every " + typeNames(group)
                + " of the account, not only its own. List only the actions the function calls and scope them"
                + scopeHint(group, "reads") + ".";
    }

    /** SLS-IAM-110: a permissions-management action, unscoped. */
    public static String permissionsManagement(UnscopedAction unscoped) {
        IamAction a = unscoped.action();
        return a.fullName() + " manages permissions and is granted on " + unscoped.onText() + ", so the function can"
                + " change who may access every " + a.primaryType().name() + " of the account. Scope it to "
                + a.primaryType().arnFormat() + " with the names it manages.";
    }

    /** SLS-IAM-110 for a pattern: the permissions-management actions it grants. */
    public static String permissionsManagement(List<UnscopedAction> group) {
        UnscopedAction first = group.get(0);
        return first.entry().text() + " grants " + kindList(group, "permissions-management action",
                "permissions-management actions") + " on " + first.onText() + ", so the function can change who may"
                + " access every " + typeNames(group) + " of the account. List only the actions the function calls"
                + " and scope them" + scopeHint(group, "manages") + ".";
    }

    /** {@code 2 data-reading actions (s3:GetObject, s3:GetObjectVersion)}, at most five named. */
    private static String kindList(List<UnscopedAction> group, String one, String several) {
        List<String> names = group.stream().map(u -> u.action().fullName()).toList();
        String shown = String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
        return names.size() == 1 ? "the " + one + " " + shown : names.size() + " " + several + " (" + shown + ")";
    }

    /**
     * The resource types the actions read or manage, the service's main ones first (those most of its
     * actions take), at most three: {@code bucket, object or accesspoint}.
     */
    private static String typeNames(List<UnscopedAction> group) {
        List<String> names = mainTypes(group).stream().map(ResourceType::name).toList();
        if (names.isEmpty()) {
            return "resource";
        }
        List<String> shown = names.subList(0, Math.min(3, names.size()));
        return String.join(", ", shown.subList(0, shown.size() - 1)) + (shown.size() > 1 ? " or " : "")
                + shown.get(shown.size() - 1);
    }

    /** The resource types the actions take, those most actions of their service take first. */
    private static List<ResourceType> mainTypes(List<UnscopedAction> group) {
        Map<String, ResourceType> types = new LinkedHashMap<>();
        Map<String, Long> weights = new LinkedHashMap<>();
        for (UnscopedAction u : group) {
            for (ResourceType t : u.action().resourceTypes()) {
                types.putIfAbsent(t.name(), t);
                weights.putIfAbsent(t.name(), TYPE_WEIGHTS.computeIfAbsent(u.action().service() + ":" + t.name(),
                        key -> IamCatalog.builtIn().actionsOf(u.action().service()).stream()
                                .filter(a -> a.resourceTypes().stream().anyMatch(x -> x.name().equals(t.name())))
                                .count()));
            }
        }
        return weights.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> types.get(e.getKey())).toList();
    }

    /** {@code  to arn:...:s3:::${BucketName} with the names it manages}, for the main resource type of the actions. */
    private static String scopeHint(List<UnscopedAction> group, String verb) {
        return mainTypes(group).stream().findFirst()
                .map(t -> " to " + t.arnFormat() + " with the names it " + verb)
                .orElse(", or grant them only to the function that needs them, in a role of its own");
    }

    // ---------------------------------------------------------------- SLS-IAM-111

    /** SLS-IAM-111: a set operator on a single-valued condition key. */
    public static String setOperator(ConditionEntry entry) {
        String operator = entry.operator();
        boolean all = operator.toLowerCase(Locale.ROOT).startsWith("forallvalues:");
        ConditionKeyType type = entry.type().orElseThrow();
        String plain = operator.substring(operator.indexOf(':') + 1);
        return operator + " tests " + entry.key() + ", a single-valued key (" + type.type() + "): " + (all
                ? "ForAllValues is also true when the request has no " + entry.key() + " at all, so the condition"
                + " can be met without it."
                : "set operators are meant for multivalued keys and make the intent unclear.")
                + " Use " + plain + (all ? " (with a Null check if the key may be missing)" : "") + ".";
    }
}
