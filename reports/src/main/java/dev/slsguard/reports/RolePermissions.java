package dev.slsguard.reports;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EffectivePermissions;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.IntrinsicText;
import dev.slsguard.engine.model.PermissionGrant;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.reports.html.Badge;
import dev.slsguard.reports.html.GrantLine;
import dev.slsguard.reports.html.PermissionRow;
import dev.slsguard.reports.html.RoleSection;
import dev.slsguard.reports.html.ServiceGrants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the roles of a service grant, for the review page: every role functions run with, each
 * statement in full once (in its role's section), and per function every statement its role grants
 * it, one line each, grouped by AWS service with the access levels of the actions. Statements a
 * shared role got for the other functions that share it are summed up per service, so that a role
 * shared by 500 functions does not repeat 500 times in each of them. The findings on a statement
 * (those located in it) are shown beside it as badges linking to the finding.
 */
final class RolePermissions {

    /** Longest action or resource list a function's one-line view of a statement shows in full. */
    private static final int SHOWN = 4;
    private static final String NOT_ACTION = "NotAction";

    private final Analysis analysis;
    private final String anchorPrefix;
    private final ActionLevels levels;
    private final Map<String, Set<String>> levelsByAction = new HashMap<>();
    /** The findings by the pointer they are at, each as its badge. */
    private final TreeMap<String, List<Badge>> badgesByPointer = new TreeMap<>();
    /** Where each badge's finding is. */
    private final Map<Badge, String> badgePointers = new IdentityHashMap<>();
    /** Each statement's line in a function's section, by service: the same for every function that has it. */
    private final Map<IamStatement, Map<String, GrantLine>> lineCache = new IdentityHashMap<>();
    private final Map<String, Grants> grantsByFunction = new LinkedHashMap<>();
    private final Map<IamStatement, PermissionRow> rows = new IdentityHashMap<>();
    private final List<RoleSection> roles = new ArrayList<>();
    /** The role of each function with {@code iamRoleStatements} of its own (a per-function role). */
    private final Map<String, String> ownRoles = new HashMap<>();
    private final Map<IamStatement, Map<String, List<String>>> actionsByService = new IdentityHashMap<>();

    /**
     * @param findings the service's findings in page order
     * @param anchors  the fragment id of each finding, in the same order
     * @param rules    the rules by id (a badge's tooltip is its rule's title)
     */
    RolePermissions(Analysis analysis, List<Finding> findings, List<String> anchors, Map<String, RuleInfo> rules,
                    ActionLevels levels, String anchorPrefix) {
        this.analysis = analysis;
        this.anchorPrefix = anchorPrefix;
        this.levels = levels;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            RuleInfo rule = rules.get(f.ruleId());
            Badge badge = new Badge(f.ruleId(), f.severity().label(), anchors.get(i),
                    rule == null ? f.ruleId() : rule.title());
            badgesByPointer.computeIfAbsent(f.location().pointer(), p -> new ArrayList<>()).add(badge);
            badgePointers.put(badge, f.location().pointer());
        }
        Map<String, List<String>> functionsByRole = new TreeMap<>();
        for (IamStatement s : analysis.statements()) {
            s.function().filter(f -> IamStatement.DECLARED.equals(s.origin())
                    && s.source().equals("functions." + f + ".iamRoleStatements"))
                    .ifPresent(f -> ownRoles.putIfAbsent(f, s.role()));
        }
        // a function without statements of its own gets every statement of its role, whichever function it is
        Map<Optional<CfnValue>, Grants> byRole = new HashMap<>();
        for (Function function : analysis.functions()) {
            Grants grants = ownRoles.containsKey(function.key()) ? new Grants(granted(function))
                    : byRole.computeIfAbsent(function.role(), role -> new Grants(granted(function)));
            grantsByFunction.put(function.key(), grants);
            Set<String> used = new LinkedHashSet<>();
            ownRole(function).or(() -> HtmlReport.templateRole(analysis, function)).ifPresent(used::add);
            used.addAll(grants.roles);
            used.forEach(role -> functionsByRole.computeIfAbsent(role, k -> new ArrayList<>()).add(function.key()));
        }
        Map<String, List<PermissionRow>> rowsByRole = new TreeMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (IamStatement s : analysis.statements()) {
            if (functionsByRole.containsKey(s.role())) {
                int number = numbers.merge(s.role(), 1, Integer::sum);
                PermissionRow row = row(s, HtmlReport.roleAnchor(anchorPrefix, s.role()) + "-" + number);
                rows.put(s, row);
                rowsByRole.computeIfAbsent(s.role(), k -> new ArrayList<>()).add(row);
            }
        }
        functionsByRole.forEach((id, functions) -> roles.add(new RoleSection(id,
                HtmlReport.roleAnchor(anchorPrefix, id), functions, rowsByRole.getOrDefault(id, List.of()))));
    }

    /** The per-function role of a function with {@code iamRoleStatements} of its own. */
    Optional<String> ownRole(Function function) {
        return Optional.ofNullable(ownRoles.get(function.key()));
    }

    private List<IamStatement> granted(Function function) {
        return EffectivePermissions.of(function, analysis.statements()).stream().map(PermissionGrant::statement).toList();
    }

    /** Every role functions run with (or use statements of), by logical id, each statement once. */
    List<RoleSection> roles() {
        return roles;
    }

    /**
     * Every statement {@code function}'s role grants it, by AWS service (in name order); statements
     * the role got for other functions are summed up in each service's {@link ServiceGrants#shared()}.
     */
    List<ServiceGrants> of(Function function) {
        Grants grants = grantsByFunction.get(function.key());
        if (grants == null) {
            return List.of();
        }
        List<IamStatement> shown = new ArrayList<>(grants.common);
        List<IamStatement> own = grants.serving.getOrDefault(function.key(), List.of());
        shown.addAll(own);
        shown.sort(java.util.Comparator.comparing(grants.position::get));
        Map<String, List<GrantLine>> lines = new TreeMap<>();
        Map<String, List<String>> granted = new HashMap<>();
        for (IamStatement s : shown) {
            Map<String, GrantLine> byLine = lineCache.computeIfAbsent(s, this::lines);
            actionsOf(s).forEach((service, actions) -> {
                granted.computeIfAbsent(service, k -> new ArrayList<>()).addAll(actions);
                lines.computeIfAbsent(service, k -> new ArrayList<>()).add(byLine.get(service));
            });
        }
        // what the statements serving other functions add: the role's totals less this function's own
        Map<String, Integer> ownStatements = new HashMap<>();
        Map<String, Map<String, Integer>> ownActions = new HashMap<>();
        for (IamStatement s : own) {
            actionsOf(s).forEach((service, actions) -> {
                ownStatements.merge(service, 1, Integer::sum);
                actions.forEach(a -> ownActions.computeIfAbsent(service, k -> new HashMap<>()).merge(a, 1, Integer::sum));
            });
        }
        Map<String, String> shared = new HashMap<>();
        grants.statementsByService.forEach((service, total) -> {
            int statements = total - ownStatements.getOrDefault(service, 0);
            if (statements == 0) {
                return;
            }
            Map<String, Integer> functionCounts = grants.functionsByService.get(service);
            int functions = functionCounts.size() - (functionCounts.containsKey(function.key()) ? 1 : 0);
            List<String> actions = new ArrayList<>();
            Map<String, Integer> mine = ownActions.getOrDefault(service, Map.of());
            grants.actionsByService.get(service).forEach((action, count) -> {
                if (count > mine.getOrDefault(action, 0)) {
                    actions.add(action);
                }
            });
            granted.computeIfAbsent(service, k -> new ArrayList<>()).addAll(actions);
            shared.put(service, statements + (statements == 1 ? " statement" : " statements") + " derived for "
                    + functions + (functions == 1 ? " other function that shares" : " other functions that share")
                    + " the role: " + shortened(actions, ", "));
        });
        Set<String> services = new TreeSet<>(lines.keySet());
        services.addAll(shared.keySet());
        List<ServiceGrants> out = new ArrayList<>();
        for (String service : services) {
            out.add(new ServiceGrants(service, service.equals(NOT_ACTION) ? "" : levels(granted.get(service)),
                    lines.getOrDefault(service, List.of()), shared.getOrDefault(service, "")));
        }
        return out;
    }

    private Map<String, List<String>> actionsOf(IamStatement s) {
        return actionsByService.computeIfAbsent(s, RolePermissions::actionsByService);
    }

    /**
     * The statements a role grants the functions that run with it: those every one of them has, and
     * those serving one function (derived for its events), which the others get too but see summed up.
     */
    private final class Grants {
        final List<IamStatement> common = new ArrayList<>();
        final Map<String, List<IamStatement>> serving = new HashMap<>();
        final Map<IamStatement, Integer> position = new IdentityHashMap<>();
        /** The roles the statements belong to. */
        final Set<String> roles = new TreeSet<>();
        /** Of the statements serving one function: how many grant actions of each service. */
        final Map<String, Integer> statementsByService = new HashMap<>();
        /** ... the functions they serve, each with how many it has. */
        final Map<String, Map<String, Integer>> functionsByService = new HashMap<>();
        /** ... their actions, each with how many of them grant it, in the order first granted. */
        final Map<String, Map<String, Integer>> actionsByService = new HashMap<>();

        Grants(List<IamStatement> statements) {
            for (IamStatement s : statements) {
                position.put(s, position.size());
                roles.add(s.role());
                if (s.function().isEmpty()) {
                    common.add(s);
                    continue;
                }
                String function = s.function().get();
                serving.computeIfAbsent(function, k -> new ArrayList<>()).add(s);
                actionsOf(s).forEach((service, actions) -> {
                    statementsByService.merge(service, 1, Integer::sum);
                    functionsByService.computeIfAbsent(service, k -> new HashMap<>()).merge(function, 1, Integer::sum);
                    actions.forEach(a -> actionsByService.computeIfAbsent(service, k -> new LinkedHashMap<>())
                            .merge(a, 1, Integer::sum));
                });
            }
        }
    }

    /**
     * The statement's line for each service it grants actions of. A finding on one of its actions
     * ({@code .../Action/2}) is shown beside that action's service only.
     */
    private Map<String, GrantLine> lines(IamStatement s) {
        PermissionRow row = rows.get(s);
        List<Badge> badges = row != null ? row.badges() : badges(s);
        String actionPointer = s.ref().pointer() + "/Action/";
        Map<String, GrantLine> out = new HashMap<>();
        actionsByService.computeIfAbsent(s, RolePermissions::actionsByService).forEach((service, actions) -> {
            List<Badge> shown = badges.stream().filter(b -> {
                String at = badgePointers.get(b);
                if (!at.startsWith(actionPointer)) {
                    return true;
                }
                int slash = at.indexOf('/', actionPointer.length());
                String index = slash < 0 ? at.substring(actionPointer.length())
                        : at.substring(actionPointer.length(), slash);
                return !index.matches("\\d+") || Integer.parseInt(index) >= s.actions().size()
                        || actions.contains(s.actions().get(Integer.parseInt(index)));
            }).toList();
            out.put(service, new GrantLine(s.effect(), shortened(actions, ", "), shortened(resources(s), "\n"),
                    service.equals(NOT_ACTION) ? "" : levels(actions), origin(s), s.origin(),
                    row == null ? "" : row.anchor(), shown));
        });
        return out;
    }

    /** The statement's actions by the service they belong to ({@code *} for {@code "*"}), in order. */
    private static Map<String, List<String>> actionsByService(IamStatement s) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (s.actions().isEmpty()) {
            out.put(NOT_ACTION, List.of("all actions but " + IntrinsicText.of(s.document().path("NotAction"))));
            return out;
        }
        for (String action : s.actions()) {
            int colon = action.indexOf(':');
            String service = colon < 0 ? action : action.substring(0, colon).toLowerCase(Locale.ROOT);
            out.computeIfAbsent(service, k -> new ArrayList<>()).add(action);
        }
        return out;
    }

    private PermissionRow row(IamStatement s, String anchor) {
        String actions = s.actions().isEmpty() ? "NotAction " + IntrinsicText.of(s.document().path("NotAction"))
                : String.join("\n", s.actions());
        return new PermissionRow(s.effect(), actions, String.join("\n", resources(s)),
                levels(s.actions()), origin(s), s.origin(), anchor, badges(s));
    }

    private static List<String> resources(IamStatement s) {
        if (s.resources().isEmpty()) {
            return List.of("NotResource " + IntrinsicText.of(s.document().path("NotResource")));
        }
        return s.resources().stream().map(r -> IntrinsicText.of(r.toJson())).toList();
    }

    /**
     * The findings located in the statement. A derived statement is located at the event that
     * caused it, so of the findings there only those of IAM rules are about the statement; a core
     * statement is written by the framework, at no place of the user's.
     */
    private List<Badge> badges(IamStatement s) {
        String pointer = s.ref().pointer();
        if (pointer.isEmpty() || IamStatement.CORE.equals(s.origin())) {
            return List.of();
        }
        List<Badge> out = new ArrayList<>(badgesByPointer.getOrDefault(pointer, List.of()));
        // every pointer below this one: "/" is followed by "0" in code point order
        badgesByPointer.subMap(pointer + "/", pointer + "0").values().forEach(out::addAll);
        if (IamStatement.DERIVED.equals(s.origin())) {
            out.removeIf(b -> !b.ruleId().startsWith("SLS-IAM-"));
        }
        return out;
    }

    /** The access levels of the actions, lower case, in {@link AccessLevel}'s order. */
    private String levels(List<String> actions) {
        Set<String> found = new java.util.HashSet<>();
        for (String action : actions) {
            found.addAll(levelsByAction.computeIfAbsent(action.toLowerCase(Locale.ROOT), levels::of));
        }
        List<String> ordered = new ArrayList<>();
        for (AccessLevel level : AccessLevel.values()) {
            if (found.contains(level.awsName())) {
                ordered.add(level.label());
            }
        }
        return String.join(", ", ordered);
    }

    private static String shortened(List<String> items, String separator) {
        if (items.size() <= SHOWN + 1) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, SHOWN)) + separator + "and " + (items.size() - SHOWN) + " more";
    }

    /** Where a statement came from, as a sentence naming the line of the user's file. */
    static String origin(IamStatement s) {
        String at = at(s.ref());
        String serves = s.function().map(f -> " for function " + f).orElse("");
        return switch (s.origin()) {
            case IamStatement.DERIVED -> "derived by rule " + s.source() + " from the configuration at " + at + serves;
            case IamStatement.DECLARED -> "declared at " + at + " (" + s.source() + ")";
            case IamStatement.CORE -> s.source().startsWith(IamStatement.MANAGED_POLICY_PREFIX)
                    ? "core: Serverless Framework attaches AWS managed policy " + managedPolicyName(s)
                    : "core: every Serverless Framework role has it";
            case IamStatement.MANAGED -> "AWS managed policy " + managedPolicyName(s) + ", attached at " + at;
            case IamStatement.RESOURCE -> "written in " + s.source() + " at " + at;
            default -> s.origin() + " (" + s.source() + ", " + at + ")";
        };
    }

    /** {@code serverless.yml:12}: the file and line where the value is written. */
    private static String at(SourceRef ref) {
        return ref.file() + ":" + ref.line();
    }

    private static String managedPolicyName(IamStatement s) {
        return s.source().substring(IamStatement.MANAGED_POLICY_PREFIX.length());
    }
}
