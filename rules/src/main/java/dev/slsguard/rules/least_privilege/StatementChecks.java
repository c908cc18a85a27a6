package dev.slsguard.rules.least_privilege;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.rules.Violation;
import dev.slsguard.rules.iam.Globs;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks of one analysed statement (SLS-IAM-001..005). Statements v3 writes itself (derived,
 * core) are never checked, nor the statements of an administrator-level managed policy, which
 * SLS-IAM-006 reports once at the ARN entry.
 */
public final class StatementChecks {

    /** Managed policies SLS-IAM-006 reports (cfn_nag W43/W44). */
    public static final Set<String> ADMIN_POLICIES = Set.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess");

    private StatementChecks() {
    }

    /** True for a statement the least-privilege rules check: not automatic, an Allow, not an admin policy. */
    public static boolean analysedAllow(IamStatement s) {
        return !s.automatic() && "Allow".equals(s.effect()) && !fromAdminPolicy(s);
    }

    /** True for a statement expanded from one of {@link #ADMIN_POLICIES}. */
    public static boolean fromAdminPolicy(IamStatement s) {
        return s.source().startsWith(IamStatement.MANAGED_POLICY_PREFIX)
                && ADMIN_POLICIES.contains(s.source().substring(IamStatement.MANAGED_POLICY_PREFIX.length()));
    }

    /** Resource {@code *} among the statement's resources. */
    public static boolean onEveryResource(IamStatement s) {
        return s.resources().stream().anyMatch(Resources::isStar);
    }

    /**
     * SLS-IAM-001 / 002: each {@code Action: "*"} entry. With {@code Resource: "*"} it is full
     * administrator access ({@code admin}, SLS-IAM-002), else every action on the listed resources
     * ({@code action-star}, SLS-IAM-001): one finding per entry.
     */
    public static List<Violation> actionStar(Service service, IamStatement s) {
        List<Violation> out = new ArrayList<>();
        if (!analysedAllow(s)) {
            return out;
        }
        boolean everyResource = onEveryResource(s);
        for (Entry e : StatementTree.entries(service.config(), s, "Action")) {
            if (!e.text().equals("*")) {
                continue;
            }
            if (everyResource) {
                out.add(new Violation("admin", e.where(), "grants every action on every resource (Action \"*\" on"
                        + " Resource \"*\"): full administrator access for every function using role " + s.role()
                        + ", including iam:PassRole and changing its own permissions; grant only the actions the"
                        + " functions call, on the resources they use"));
            } else {
                out.add(new Violation("action-star", e.where(), "grants every action (Action \"*\") on "
                        + resourceList(s) + "; list the actions the functions call instead (e.g. s3:GetObject)"));
            }
        }
        return out;
    }

    /**
     * SLS-IAM-003: {@code iam:PassRole} (directly or through a glob such as {@code iam:*},
     * {@code iam:Pass*}) on {@code *} without an {@code iam:PassedToService} condition, at the
     * {@code *} resource entry. Skipped where SLS-IAM-002 already reports full administrator access.
     */
    public static List<Violation> passRole(Service service, IamStatement s) {
        List<Violation> out = new ArrayList<>();
        if (!analysedAllow(s) || !onEveryResource(s) || hasPassedToService(s.document().get("Condition"))) {
            return out;
        }
        List<String> granting = s.actions().stream().filter(a -> Globs.matchesAction(a, "iam:PassRole")).toList();
        if (granting.isEmpty() || granting.contains("*")) {
            return out;
        }
        String via = granting.get(0).equalsIgnoreCase("iam:PassRole") ? "iam:PassRole" : "iam:PassRole (via "
                + granting.get(0) + ")";
        for (Entry e : StatementTree.entries(service.config(), s, "Resource")) {
            if (Resources.isStar(e.value())) {
                out.add(new Violation("pass-role", e.where(), "grants " + via + " on every role (Resource \"*\")"
                        + " without an iam:PassedToService condition, so the function can hand any role, an"
                        + " administrator's too, to any service; name the roles it passes"
                        + " (arn:aws:iam::<account>:role/<name>) and add Condition StringEquals"
                        + " iam:PassedToService: <service>.amazonaws.com"));
                break;
            }
        }
        return out;
    }

    private static boolean hasPassedToService(JsonNode condition) {
        if (condition == null || !condition.isObject()) {
            return false;
        }
        Iterator<JsonNode> operators = condition.elements();
        while (operators.hasNext()) {
            JsonNode keys = operators.next();
            Iterator<String> names = keys.fieldNames();
            while (names.hasNext()) {
                if (names.next().toLowerCase(Locale.ROOT).equals("iam:passedtoservice")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SLS-IAM-004: Allow with {@code NotAction}, at the key. */
    public static List<Violation> notAction(Service service, IamStatement s) {
        if (!analysedAllow(s) || !s.document().has("NotAction")) {
            return List.of();
        }
        List<String> excluded = StatementTree.entries(service.config(), s, "NotAction").stream()
                .map(e -> Resources.describe(e.value())).toList();
        SourceRef where = StatementTree.key(service.config(), s, "NotAction");
        return List.of(new Violation("not-action", where, "allows every action except " + String.join(", ", excluded)
                + " (NotAction in an Allow) on " + resourceList(s) + ", including every action AWS adds later;"
                + " list the actions the functions call with Action instead"));
    }

    /** SLS-IAM-005: Allow with {@code NotResource}, at the key. */
    public static List<Violation> notResource(Service service, IamStatement s) {
        if (!analysedAllow(s) || !s.document().has("NotResource")) {
            return List.of();
        }
        List<String> excluded = StatementTree.entries(service.config(), s, "NotResource").stream()
                .map(e -> Resources.describe(e.value())).toList();
        SourceRef where = StatementTree.key(service.config(), s, "NotResource");
        return List.of(new Violation("not-resource", where, "allows " + actionList(s) + " on every resource except "
                + String.join(", ", excluded) + " (NotResource in an Allow), including resources created later;"
                + " list the resources the functions use with Resource instead"));
    }

    private static String resourceList(IamStatement s) {
        if (s.resources().isEmpty()) {
            return "every resource";
        }
        return String.join(", ", s.resources().stream().map(Resources::describe).toList());
    }

    private static String actionList(IamStatement s) {
        return s.actions().isEmpty() ? "its actions" : String.join(", ", s.actions());
    }
}
