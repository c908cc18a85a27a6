package dev.slsguard.reports;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.EffectivePermissions;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.PermissionGrant;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.reports.html.Badge;
import dev.slsguard.reports.html.GrantLine;
import dev.slsguard.reports.html.PermissionRow;
import dev.slsguard.reports.html.RoleSection;
import dev.slsguard.reports.html.ServiceGrants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final Map<String, List<PermissionGrant>> grantsByFunction = new LinkedHashMap<>();
    private final Map<IamStatement, PermissionRow> rows = new IdentityHashMap<>();
    private final List<RoleSection> roles = new ArrayList<>();

    /**
     * @param findings the service's findings in page order
     * @param anchors  the fragment id of each finding, in the same order
     */
    RolePermissions(Analysis analysis, List<Finding> findings, List<String> anchors, ActionLevels levels,
                    String anchorPrefix) {
        this.analysis = analysis;
        this.anchorPrefix = anchorPrefix;
        this.levels = levels;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            badgesByPointer.computeIfAbsent(f.location().pointer(), p -> new ArrayList<>())
                    .add(new Badge(f.ruleId(), f.severity().label(), anchors.get(i), f.message()));
        }
        Map<String, List<String>> functionsByRole = new TreeMap<>();
        for (Function function : analysis.functions()) {
            List<PermissionGrant> grants = EffectivePermissions.of(function, analysis.statements());
            grantsByFunction.put(function.key(), grants);
            Set<String> used = new LinkedHashSet<>();
            HtmlReport.templateRole(analysis, function).ifPresent(used::add);
            grants.forEach(g -> used.add(g.statement().role()));
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

    /** Every role functions run with (or use statements of), by logical id, each statement once. */
    List<RoleSection> roles() {
        return roles;
    }

    /**
     * Every statement {@code function}'s role grants it, by AWS service (in name order); statements
     * the role got for other functions are summed up in each service's {@link ServiceGrants#shared()}.
     */
    List<ServiceGrants> of(Function function) {
        Map<String, List<GrantLine>> lines = new TreeMap<>();
        Map<String, List<String>> granted = new HashMap<>();
        Map<String, Set<String>> shared = new TreeMap<>();
        Map<String, Set<String>> sharedFunctions = new HashMap<>();
        Map<String, Integer> sharedCount = new HashMap<>();
        for (PermissionGrant grant : grantsByFunction.getOrDefault(function.key(), List.of())) {
            IamStatement s = grant.statement();
            Map<String, List<String>> byService = actionsByService(s);
            boolean other = s.function().filter(f -> !f.equals(function.key())).isPresent();
            if (other) {
                byService.forEach((service, actions) -> {
                    shared.computeIfAbsent(service, k -> new LinkedHashSet<>()).addAll(actions);
                    sharedFunctions.computeIfAbsent(service, k -> new TreeSet<>()).add(s.function().get());
                    sharedCount.merge(service, 1, Integer::sum);
                });
                continue;
            }
            PermissionRow row = rows.get(s);
            List<Badge> badges = row != null ? row.badges() : badges(s);
            byService.forEach((service, actions) -> {
                granted.computeIfAbsent(service, k -> new ArrayList<>()).addAll(actions);
                lines.computeIfAbsent(service, k -> new ArrayList<>()).add(new GrantLine(s.effect(),
                        shortened(actions), shortened(resources(s)), service.equals(NOT_ACTION) ? "" : levels(actions),
                        origin(s), s.origin(), row == null ? "" : row.anchor(), badges));
            });
        }
        Set<String> services = new TreeSet<>(lines.keySet());
        services.addAll(shared.keySet());
        List<ServiceGrants> out = new ArrayList<>();
        for (String service : services) {
            List<String> all = new ArrayList<>(shared.getOrDefault(service, Set.of()));
            all.addAll(granted.getOrDefault(service, List.of()));
            String sum = "";
            if (shared.containsKey(service)) {
                int statements = sharedCount.get(service);
                int functions = sharedFunctions.get(service).size();
                sum = statements + (statements == 1 ? " statement" : " statements") + " derived for "
                        + functions + (functions == 1 ? " other function" : " other functions")
                        + " that share the role: " + shortened(List.copyOf(shared.get(service)));
            }
            out.add(new ServiceGrants(service, service.equals(NOT_ACTION) ? "" : levels(all),
                    lines.getOrDefault(service, List.of()), sum));
        }
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
     * caused it, so of the findings there only those of IAM rules are about the statement.
     */
    private List<Badge> badges(IamStatement s) {
        String pointer = s.ref().pointer();
        if (pointer.isEmpty()) {
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

    /** The access levels of the actions, lower case, in {@link ActionLevels#ORDER}. */
    private String levels(List<String> actions) {
        Set<String> found = new java.util.HashSet<>();
        for (String action : actions) {
            found.addAll(levelsByAction.computeIfAbsent(action.toLowerCase(Locale.ROOT), levels::of));
        }
        List<String> ordered = new ArrayList<>();
        for (String level : ActionLevels.ORDER) {
            if (found.contains(level)) {
                ordered.add(level.toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", ordered);
    }

    private static String shortened(List<String> items) {
        if (items.size() <= SHOWN + 1) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
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
