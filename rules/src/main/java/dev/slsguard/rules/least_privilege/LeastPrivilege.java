package dev.slsguard.rules.least_privilege;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.text.Spelling;
import dev.slsguard.rules.iam.ConditionKeyType;
import dev.slsguard.rules.iam.Globs;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.IamCatalog;
import dev.slsguard.rules.iam.ResourcePatterns;
import dev.slsguard.rules.iam.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The least-privilege checks of the {@code least-privilege} pack, one method per rule, each giving
 * the findings for one statement (or, for escalation, one role) at the offending entry. Precedence
 * so that one entry does not collect several findings for one mistake: an {@code Action} entry that
 * is exactly {@code *} is left to SLS-IAM-001; {@code svc:*} and other globs get only their glob
 * finding; a {@code Resource} entry {@code *} gets SLS-IAM-101, a wildcard ARN SLS-IAM-104, any
 * other ARN at most SLS-IAM-105; an action that escalates privileges on its own is reported as
 * escalation, not again as credentials exposure or permissions management.
 */
public final class LeastPrivilege {

    private static final int LISTED = 5;

    /** Actions that return credentials (cloudsplaining's credentials-exposure list). */
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

    /** Actions that read data out of the account (cloudsplaining's data-exfiltration list, plus KMS). */
    static final Set<String> EXFILTRATION = lower(List.of(
            "s3:GetObject", "s3:GetObjectVersion", "ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath", "secretsmanager:GetSecretValue", "kms:Decrypt"));

    /** One way to escalate privileges: the actions, and what they allow together. */
    record Escalation(List<String> actions, String how) {
    }

    /** Privilege-escalation methods (Rhino Security Labs, Parliament, cloudsplaining). */
    static final List<Escalation> ESCALATIONS = List.of(
            new Escalation(List.of("iam:CreatePolicyVersion"), "creating a new default version, with any permissions, of a policy attached to it"),
            new Escalation(List.of("iam:SetDefaultPolicyVersion"), "switching a policy to a more permissive version"),
            new Escalation(List.of("iam:CreateAccessKey"), "creating access keys for other users"),
            new Escalation(List.of("iam:CreateLoginProfile"), "creating console passwords for other users"),
            new Escalation(List.of("iam:UpdateLoginProfile"), "changing other users' console passwords"),
            new Escalation(List.of("iam:AttachUserPolicy"), "attaching any managed policy to a user"),
            new Escalation(List.of("iam:AttachGroupPolicy"), "attaching any managed policy to a group"),
            new Escalation(List.of("iam:AttachRolePolicy"), "attaching any managed policy, such as AdministratorAccess, to a role"),
            new Escalation(List.of("iam:PutUserPolicy"), "writing any inline policy into a user"),
            new Escalation(List.of("iam:PutGroupPolicy"), "writing any inline policy into a group"),
            new Escalation(List.of("iam:PutRolePolicy"), "writing any inline policy into a role, its own included"),
            new Escalation(List.of("iam:AddUserToGroup"), "joining a more privileged group"),
            new Escalation(List.of("iam:UpdateAssumeRolePolicy", "sts:AssumeRole"), "adding itself to another role's trust policy and assuming that role"),
            new Escalation(List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"), "creating a function with a more powerful role and invoking it"),
            new Escalation(List.of("iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"), "creating a function with a more powerful role and triggering it from a stream or queue"),
            new Escalation(List.of("lambda:UpdateFunctionCode"), "replacing the code of functions that run with other roles"),
            new Escalation(List.of("iam:PassRole", "ec2:RunInstances"), "starting an instance with a more powerful instance profile"),
            new Escalation(List.of("iam:PassRole", "cloudformation:CreateStack"), "creating a stack that runs with a more powerful role"),
            new Escalation(List.of("iam:PassRole", "glue:CreateDevEndpoint"), "creating a Glue endpoint with a more powerful role"),
            new Escalation(List.of("glue:UpdateDevEndpoint"), "adding an SSH key to an existing Glue endpoint"),
            new Escalation(List.of("iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"), "running a pipeline with a more powerful role"),
            new Escalation(List.of("iam:PassRole", "codestar:CreateProject"), "creating a CodeStar project with a more powerful role"));

    /** Every action of an escalation method, lower case. */
    private static final Set<String> ESCALATION_ACTIONS = lower(ESCALATIONS.stream()
            .flatMap(e -> e.actions().stream()).toList());

    /** Actions that escalate on their own. */
    private static final Set<String> ESCALATE_ALONE = lower(ESCALATIONS.stream()
            .filter(e -> e.actions().size() == 1).map(e -> e.actions().get(0)).toList());

    private LeastPrivilege() {
    }

    private static Set<String> lower(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    private static IamCatalog catalog() {
        return IamCatalog.builtIn();
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

    /**
     * The findings of one check on {@code statement}: as they are for statements written in the
     * service, where each points at its own entry; for a statement of an AWS managed policy, which
     * has no entries in the file and which the user cannot edit, one finding at the policy's ARN
     * that gives the first and counts the others (ReadOnlyAccess alone has hundreds of globs).
     */
    public static List<EntryFinding> collapse(IamStatement statement, List<EntryFinding> findings) {
        if (findings.size() < 2 || !IamStatement.MANAGED.equals(statement.origin())) {
            return findings;
        }
        EntryFinding first = findings.get(0);
        int more = findings.size() - 1;
        return List.of(new EntryFinding(first.where(), first.message() + " (The policy statement has " + more
                + (more == 1 ? " more entry" : " more entries") + " like this.)"));
    }

    /** An Allow statement the user wrote (or brought in): not derived by v3's own rules, not core. */
    public static boolean analysed(IamStatement statement) {
        return !IamStatement.DERIVED.equals(statement.origin()) && !IamStatement.CORE.equals(statement.origin())
                && "Allow".equals(statement.effect());
    }

    // ---------------------------------------------------------------- entries

    /** The Action entries the rules look at: all but {@code *} (SLS-IAM-001's), in order, distinct. */
    private static List<String> actionEntries(IamStatement statement) {
        List<String> out = new ArrayList<>();
        for (String a : statement.actions()) {
            String t = a.trim();
            if (!t.isEmpty() && !t.equals("*") && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean anyStarAction(IamStatement statement) {
        return statement.actions().stream().anyMatch(a -> a.trim().equals("*"));
    }

    /** The actions of all the statement's entries (but {@code *}), distinct, sorted. */
    private static List<IamAction> actions(IamStatement statement) {
        List<String> entries = actionEntries(statement);
        List<IamAction> cached = EXPANDED.get(entries);
        if (cached == null) {
            TreeMap<String, IamAction> out = new TreeMap<>();
            for (String entry : entries) {
                catalog().expand(entry).forEach(a -> out.put(key(a), a));
            }
            cached = List.copyOf(out.values());
            if (EXPANDED.size() > 5_000) {
                EXPANDED.clear();
            }
            EXPANDED.put(entries, cached);
        }
        return cached;
    }

    /** The distinct resource types ({@code service:type}) the statement's actions accept, in action order. */
    private static Map<String, ResourceType> resourceTypes(IamStatement statement) {
        List<String> entries = actionEntries(statement);
        Map<String, ResourceType> cached = TYPES.get(entries);
        if (cached == null) {
            Map<String, ResourceType> out = new LinkedHashMap<>();
            for (IamAction a : actions(statement)) {
                for (ResourceType t : a.resourceTypes()) {
                    out.putIfAbsent(a.service() + ":" + t.name(), t);
                }
            }
            cached = java.util.Collections.unmodifiableMap(out);
            if (TYPES.size() > 5_000) {
                TYPES.clear();
            }
            TYPES.put(entries, cached);
        }
        return cached;
    }

    private static final Map<List<String>, Map<String, ResourceType>> TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The actions of a statement's Action entries, by entries: statements often repeat them. */
    private static final Map<List<String>, List<IamAction>> EXPANDED = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isStar(CfnValue value) {
        return value.literal().filter(s -> s.trim().equals("*")).isPresent();
    }

    private static boolean isServiceWildcard(String entry) {
        int colon = entry.indexOf(':');
        return colon > 0 && entry.substring(colon + 1).equals("*") && !Globs.isGlob(entry.substring(0, colon));
    }

    /** The first resource entry that reaches every resource of a type the action accepts, as written. */
    private static Optional<String> unscoped(IamAction action, IamStatement statement) {
        for (CfnValue value : statement.resources()) {
            if (isStar(value)) {
                return Optional.of("\"*\"");
            }
            Optional<String> match = ResourcePatterns.matching(value);
            Optional<String> wild = ResourcePatterns.wildcards(value);
            if (match.isPresent() && wild.isPresent() && Globs.isGlob(wild.get())) {
                for (ResourceType type : action.resourceTypes()) {
                    if (type.accepts(match.get()) && type.coveredBy(wild.get())) {
                        return Optional.of(ResourcePatterns.display(value));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static ResourceType primaryType(IamAction action) {
        return action.primaryType();
    }

    // ---------------------------------------------------------------- SLS-IAM-101

    /** {@code Resource: "*"} for actions that support resource-level permissions. */
    public static List<EntryFinding> resourceStar(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        int index = indexOf(statement.resources(), LeastPrivilege::isStar);
        if (index < 0) {
            return List.of();
        }
        // iam:PassRole on "*" is SLS-IAM-003's, which also weighs an iam:PassedToService condition
        List<IamAction> scoped = actions(statement).stream()
                .filter(a -> !a.wildcardOnly() && !a.fullName().equalsIgnoreCase("iam:PassRole")).toList();
        if (scoped.isEmpty()) {
            return List.of();
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (IamAction a : scoped) {
            ResourceType t = primaryType(a);
            types.putIfAbsent(a.service() + ":" + t.name(), t.arnFormat());
            if (types.size() >= 3) {
                break;
            }
        }
        List<String> typeList = types.entrySet().stream()
                .map(e -> e.getKey().substring(e.getKey().indexOf(':') + 1) + " (" + e.getValue() + ")").toList();
        long wildcardOnly = actions(statement).stream().filter(IamAction::wildcardOnly).count();
        String message = "Resource \"*\" grants " + names(scoped) + " on every resource, though "
                + (scoped.size() == 1 ? "it supports" : "they support") + " resource-level permissions."
                + " Name the resources the function uses instead, e.g. " + String.join(", ", typeList)
                + (wildcardOnly > 0 ? "; keep \"*\" only for the " + wildcardOnly
                + (wildcardOnly == 1 ? " wildcard-only action, in a statement of its own"
                : " wildcard-only actions, in a statement of their own") : "")
                + ".";
        return List.of(new EntryFinding(StatementEntries.resource(statement, config, index), message));
    }

    // ---------------------------------------------------------------- SLS-IAM-102 / 103

    /** {@code svc:*}: every action of a service. */
    public static List<EntryFinding> serviceWildcard(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        List<EntryFinding> out = new ArrayList<>();
        for (String entry : actionEntries(statement)) {
            if (!isServiceWildcard(entry)) {
                continue;
            }
            List<IamAction> expanded = catalog().expand(entry);
            if (expanded.isEmpty()) {
                continue; // unknown service: SLS-IAM-106
            }
            String service = expanded.get(0).service();
            out.add(new EntryFinding(StatementEntries.action(statement, config, entry),
                    entry + " grants all " + expanded.size() + " actions of " + service + " " + levels(expanded)
                            + "." + notable(expanded) + " List only the " + service
                            + " actions the function calls."));
        }
        return out;
    }

    /** Other action globs ({@code s3:Put*}, {@code *:Describe*}) that match more than one action. */
    public static List<EntryFinding> broadGlob(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        List<EntryFinding> out = new ArrayList<>();
        for (String entry : actionEntries(statement)) {
            if (!Globs.isGlob(entry) || isServiceWildcard(entry)) {
                continue;
            }
            List<IamAction> expanded = catalog().expand(entry);
            if (expanded.size() < 2) {
                continue;
            }
            long services = expanded.stream().map(IamAction::service).distinct().count();
            out.add(new EntryFinding(StatementEntries.action(statement, config, entry),
                    entry + " matches " + expanded.size() + " actions" + (services > 1 ? " in " + services
                            + " services" : "") + " " + levels(expanded) + "." + notable(expanded)
                            + " List the actions the function calls instead of a pattern."));
        }
        return out;
    }

    /** {@code (Read 12, Write 30, Permissions management 2)}. */
    private static String levels(List<IamAction> actions) {
        Map<String, Integer> counts = new TreeMap<>(Comparator.comparingInt(LeastPrivilege::levelOrder)
                .thenComparing(Comparator.naturalOrder()));
        actions.forEach(a -> counts.merge(a.accessLevel(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((level, n) -> parts.add(level + " " + n));
        return "(" + String.join(", ", parts) + ")";
    }

    private static int levelOrder(String level) {
        return switch (level) {
            case "List" -> 0;
            case "Read" -> 1;
            case "Write" -> 2;
            case "Tagging" -> 3;
            case IamAction.PERMISSIONS_MANAGEMENT -> 4;
            default -> 5;
        };
    }

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

    /** {@code s3:GetObject, s3:PutObject and 4 more}. */
    private static String names(List<IamAction> actions) {
        List<String> shown = actions.stream().limit(LISTED).map(IamAction::fullName).toList();
        String text = String.join(", ", shown);
        return actions.size() > LISTED ? text + " and " + (actions.size() - LISTED) + " more" : text;
    }

    // ---------------------------------------------------------------- SLS-IAM-104

    /** A resource ARN whose wildcards reach every resource of a type ({@code arn:aws:s3:::*}). */
    public static List<EntryFinding> effectivelyStar(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        List<EntryFinding> out = new ArrayList<>();
        List<IamAction> actions = actions(statement);
        if (actions.isEmpty()) {
            return out;
        }
        for (int i = 0; i < statement.resources().size(); i++) {
            CfnValue value = statement.resources().get(i);
            if (isStar(value)) {
                continue;
            }
            Optional<String> match = ResourcePatterns.matching(value);
            Optional<String> wild = ResourcePatterns.wildcards(value);
            if (match.isEmpty() || wild.isEmpty() || !Globs.isGlob(wild.get())) {
                continue;
            }
            Map<String, String> covered = new LinkedHashMap<>();
            for (Map.Entry<String, ResourceType> e : resourceTypes(statement).entrySet()) {
                ResourceType t = e.getValue();
                if (t.accepts(match.get()) && t.coveredBy(wild.get())) {
                    covered.put(e.getKey(), t.arnFormat());
                }
            }
            if (covered.isEmpty()) {
                continue;
            }
            List<String> typeNames = covered.keySet().stream().map(k -> k.substring(k.indexOf(':') + 1))
                    .distinct().toList();
            String example = covered.values().iterator().next();
            out.add(new EntryFinding(StatementEntries.resource(statement, config, i),
                    ResourcePatterns.display(value) + " matches every " + list(typeNames, 4)
                            + ", as wide as \"*\" for them. Name the resources the function uses ("
                            + example + " with the names filled in)."));
        }
        return out;
    }

    private static String list(List<String> items, int max) {
        List<String> shown = items.stream().limit(max).toList();
        String text = shown.size() <= 1 ? String.join("", shown)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
        return items.size() > max ? String.join(", ", shown) + " and " + (items.size() - max) + " more" : text;
    }

    // ---------------------------------------------------------------- SLS-IAM-105

    /**
     * A resource that no action of the statement accepts, or (when every resource fits some action)
     * a named action that accepts none of the statement's resources: either grants nothing.
     */
    public static List<EntryFinding> resourceMismatch(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        List<EntryFinding> out = new ArrayList<>();
        if (statement.resources().isEmpty() || anyStarAction(statement)) {
            return out;
        }
        List<String> entries = actionEntries(statement);
        if (entries.isEmpty() || entries.stream().anyMatch(e -> catalog().expand(e).isEmpty())) {
            return out; // an unknown action (SLS-IAM-106): cannot tell what it accepts
        }
        List<IamAction> actions = actions(statement);
        List<Optional<String>> patterns = statement.resources().stream().map(ResourcePatterns::matching).toList();
        for (int i = 0; i < patterns.size(); i++) {
            Optional<String> pattern = patterns.get(i);
            if (pattern.isEmpty() || isStar(statement.resources().get(i))) {
                continue;
            }
            String arn = pattern.get();
            if (!arn.startsWith("arn:") && !arn.startsWith("*") && statement.resources().get(i).literal().isPresent()) {
                out.add(new EntryFinding(StatementEntries.resource(statement, config, i), arn
                        + " is not an ARN, so IAM rejects the policy when the stack deploys. Write the resource's ARN,"
                        + " or !GetAtt " + arn + ".Arn / !Ref for a resource of this stack."));
                continue;
            }
            if (actions.stream().noneMatch(a -> a.accepts(arn))) {
                out.add(new EntryFinding(StatementEntries.resource(statement, config, i),
                        ResourcePatterns.display(statement.resources().get(i)) + " is no resource "
                                + names(actions) + " can act on, so it grants nothing. " + expects(actions) + "."));
            }
        }
        if (!out.isEmpty() || patterns.stream().anyMatch(Optional::isEmpty)) {
            return out; // an intrinsic resource may be anything
        }
        for (String entry : entries) {
            if (Globs.isGlob(entry)) {
                continue;
            }
            IamAction action = catalog().action(entry).orElseThrow();
            if (patterns.stream().noneMatch(p -> action.accepts(p.get()))) {
                out.add(new EntryFinding(StatementEntries.action(statement, config, entry),
                        action.fullName() + " accepts none of this statement's resources, so it is not granted. "
                                + expects(List.of(action)) + "."));
            }
        }
        return out;
    }

    private static String expects(List<IamAction> actions) {
        List<String> parts = new ArrayList<>();
        for (IamAction a : actions.stream().limit(3).toList()) {
            if (a.wildcardOnly()) {
                parts.add(a.fullName() + " takes only Resource \"*\"");
            } else {
                ResourceType primary = primaryType(a);
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

    /** An action whose service or name the IAM data does not know. */
    public static List<EntryFinding> unknownAction(IamStatement statement, MapNode config) {
        if (IamStatement.MANAGED.equals(statement.origin())) {
            return List.of(); // AWS writes its policies; an action our data lacks is newer data, not a typo
        }
        List<EntryFinding> out = new ArrayList<>();
        for (String entry : actionEntries(statement)) {
            int colon = entry.indexOf(':');
            SourceRef where = StatementEntries.action(statement, config, entry);
            if (colon <= 0) {
                out.add(new EntryFinding(where, entry + " is not an IAM action: write service:Action, e.g. s3:GetObject."));
                continue;
            }
            String service = entry.substring(0, colon);
            String name = entry.substring(colon + 1);
            if (!Globs.isGlob(service) && !catalog().knowsService(service)) {
                out.add(new EntryFinding(where, entry + " names no AWS service: there is no service prefix "
                        + service + Spelling.hint(service, catalog().services())
                        + ", so the entry grants nothing."));
            } else if (catalog().expand(entry).isEmpty()) {
                if (Globs.isGlob(entry)) {
                    out.add(new EntryFinding(where, entry + " matches no IAM action, so the entry grants nothing."));
                } else {
                    List<String> known = catalog().actionsOf(service).stream().map(IamAction::name).toList();
                    out.add(new EntryFinding(where, entry + " is not an action of " + service
                            + Spelling.closest(name, known).map(n -> " (did you mean " + service + ":" + n + "?)")
                            .orElse("") + ", so the entry grants nothing."));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- SLS-IAM-107

    /** Privilege-escalation combinations one role reaches, once per role and combination. */
    public static List<EntryFinding> escalations(Collection<?> facts, MapNode config) {
        Map<String, List<IamStatement>> byRole = new TreeMap<>();
        for (Object o : facts) {
            if (o instanceof IamStatement s && analysed(s) && !StatementChecks.fromAdminPolicy(s)) {
                byRole.computeIfAbsent(s.role(), r -> new ArrayList<>()).add(s);
            }
        }
        List<EntryFinding> out = new ArrayList<>();
        for (Map.Entry<String, List<IamStatement>> role : byRole.entrySet()) {
            List<IamStatement> statements = new ArrayList<>(role.getValue());
            statements.sort(Comparator.comparing(IamStatement::orderKey)
                    .thenComparing(s -> s.ref().line()).thenComparing(s -> s.ref().column()));
            // first entry granting each action: (statement, entry)
            Map<String, Object[]> first = new LinkedHashMap<>();
            int position = 0;
            for (IamStatement s : statements) {
                for (String entry : actionEntries(s)) {
                    Object[] grant = {s, entry, position++};
                    String pattern = entry.toLowerCase(Locale.ROOT);
                    for (String action : ESCALATION_ACTIONS) {
                        if (Globs.matches(pattern, action)) {
                            first.putIfAbsent(action, grant);
                        }
                    }
                }
            }
            // combinations whose first contributing entry is the same are reported together
            Map<Object[], List<String>> byEntry = new LinkedHashMap<>();
            for (Escalation e : ESCALATIONS) {
                List<Object[]> grants = e.actions().stream().map(a -> first.get(a.toLowerCase(Locale.ROOT))).toList();
                if (grants.stream().anyMatch(g -> g == null)) {
                    continue;
                }
                Object[] earliest = grants.stream().min(Comparator.comparingInt(g -> (Integer) g[2])).orElseThrow();
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < grants.size(); i++) {
                    String action = catalog().action(e.actions().get(i)).map(IamAction::fullName)
                            .orElse(e.actions().get(i));
                    String entry = (String) grants.get(i)[1];
                    parts.add(entry.equalsIgnoreCase(action) ? action : action + " (through " + entry + ")");
                }
                byEntry.computeIfAbsent(earliest, k -> new ArrayList<>())
                        .add(String.join(" + ", parts) + " allows " + e.how());
            }
            for (Map.Entry<Object[], List<String>> found : byEntry.entrySet()) {
                IamStatement statement = (IamStatement) found.getKey()[0];
                List<String> ways = found.getValue();
                String text = ways.size() <= 3 ? String.join("; ", ways)
                        : String.join("; ", ways.subList(0, 3)) + "; and " + (ways.size() - 3) + " more ways";
                out.add(new EntryFinding(StatementEntries.action(statement, config, (String) found.getKey()[1]),
                        "Role " + role.getKey() + " can escalate its privileges: " + text + "."
                                + " Remove these actions (one of each combination is enough) or scope them to"
                                + " named resources; limit iam:PassRole with an iam:PassedToService condition."));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- SLS-IAM-108 / 109 / 110

    /** A named action that returns credentials, granted on {@code *} or a wildcard resource. */
    public static List<EntryFinding> credentialsExposure(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        return unscopedNamed(statement, config, a -> CREDENTIALS.contains(key(a)) && !ESCALATE_ALONE.contains(key(a)),
                (a, on) -> a.wildcardOnly()
                        ? a.fullName() + " returns credentials and cannot be scoped to resources: whoever controls"
                        + " the function can obtain them. Grant it only to the function that needs it, in a role of"
                        + " its own."
                        : a.fullName() + " returns credentials and is granted on " + on + ": whoever controls the"
                        + " function can obtain them for every resource. Scope it to " + primaryType(a).arnFormat()
                        + " with the names it needs.");
    }

    /** A named action that reads data (objects, parameters, secrets, decryption) on everything. */
    public static List<EntryFinding> dataExfiltration(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        return unscopedNamed(statement, config, a -> EXFILTRATION.contains(key(a)),
                (a, on) -> a.fullName() + " is granted on " + on + ", so the function can read every "
                        + primaryType(a).name() + " of the account, not only its own. Scope it to "
                        + primaryType(a).arnFormat() + " with the names it reads.");
    }

    /** A named permissions-management action on everything. */
    public static List<EntryFinding> permissionsManagement(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        return unscopedNamed(statement, config,
                a -> a.permissionsManagement() && !a.wildcardOnly() && !ESCALATE_ALONE.contains(key(a)),
                (a, on) -> a.fullName() + " manages permissions and is granted on " + on + ", so the function can"
                        + " change who may access every " + primaryType(a).name() + " of the account. Scope it to "
                        + primaryType(a).arnFormat() + " with the names it manages.");
    }

    private interface Message {
        String of(IamAction action, String on);
    }

    private static List<EntryFinding> unscopedNamed(IamStatement statement, MapNode config,
                                                    Predicate<IamAction> kind, Message message) {
        List<EntryFinding> out = new ArrayList<>();
        for (String entry : actionEntries(statement)) {
            if (Globs.isGlob(entry)) {
                continue; // globs: SLS-IAM-102/103 name the sensitive actions they include
            }
            Optional<IamAction> action = catalog().action(entry);
            if (action.isEmpty() || !kind.test(action.get())) {
                continue;
            }
            Optional<String> on = action.get().wildcardOnly()
                    ? statement.resources().stream().filter(LeastPrivilege::isStar).findFirst().map(v -> "\"*\"")
                    : unscoped(action.get(), statement);
            if (on.isPresent()) {
                out.add(new EntryFinding(StatementEntries.action(statement, config, entry),
                        message.of(action.get(), on.get())));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- SLS-IAM-111

    /** {@code ForAllValues:} / {@code ForAnyValue:} on a key that holds one value. */
    public static List<EntryFinding> setOperatorOnSingleValuedKey(IamStatement statement, MapNode config) {
        if (StatementChecks.fromAdminPolicy(statement)) {
            return List.of(); // SLS-IAM-006 reports the policy once
        }
        List<EntryFinding> out = new ArrayList<>();
        JsonNode condition = statement.document().get("Condition");
        if (condition == null || !condition.isObject()) {
            return out;
        }
        Optional<MapNode> conditionNode = StatementEntries.statement(statement, config)
                .flatMap(m -> m.get(StatementEntries.CONDITION)).filter(MapNode.class::isInstance).map(MapNode.class::cast);
        for (Iterator<String> operators = condition.fieldNames(); operators.hasNext(); ) {
            String operator = operators.next();
            String lower = operator.toLowerCase(Locale.ROOT);
            boolean all = lower.startsWith("forallvalues:");
            if (!all && !lower.startsWith("foranyvalue:")) {
                continue;
            }
            JsonNode keys = condition.get(operator);
            if (!keys.isObject()) {
                continue;
            }
            for (Iterator<String> it = keys.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                Optional<ConditionKeyType> type = catalog().conditionKey(key);
                if (type.isEmpty() || type.get().multiValued()) {
                    continue;
                }
                SourceRef where = conditionNode.flatMap(c -> c.get(operator)).filter(MapNode.class::isInstance)
                        .map(MapNode.class::cast).flatMap(m -> m.field(key)).map(MapNode.Field::keyRef)
                        .orElse(StatementEntries.key(statement, config, StatementEntries.CONDITION));
                String plain = operator.substring(operator.indexOf(':') + 1);
                out.add(new EntryFinding(where, operator + " tests " + key + ", a single-valued key ("
                        + type.get().type() + "): " + (all
                        ? "ForAllValues is also true when the request has no " + key + " at all, so the condition"
                        + " can be met without it."
                        : "set operators are meant for multivalued keys and make the intent unclear.")
                        + " Use " + plain + (all ? " (with a Null check if the key may be missing)" : "") + "."));
            }
        }
        return out;
    }

    private static <T> int indexOf(List<T> list, Predicate<T> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String key(IamAction action) {
        return action.fullName().toLowerCase(Locale.ROOT);
    }
}
