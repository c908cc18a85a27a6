package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.rules.iam.Globs;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.IamCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The privilege-escalation methods (Rhino Security Labs, Parliament, cloudsplaining) and which of
 * them the Action entries of one role reach together (SLS-IAM-107).
 */
public final class Escalations {

    /** One way to escalate privileges: the actions, and what they allow together. */
    record Method(List<String> actions, String how) {
    }

    static final List<Method> METHODS = List.of(
            new Method(List.of("iam:CreatePolicyVersion"), "creating a new default version, with any permissions, of a policy attached to it"),
            new Method(List.of("iam:SetDefaultPolicyVersion"), "switching a policy to a more permissive version"),
            new Method(List.of("iam:CreateAccessKey"), "creating access keys for other users"),
            new Method(List.of("iam:CreateLoginProfile"), "creating console passwords for other users"),
            new Method(List.of("iam:UpdateLoginProfile"), "changing other users' console passwords"),
            new Method(List.of("iam:AttachUserPolicy"), "attaching any managed policy to a user"),
            new Method(List.of("iam:AttachGroupPolicy"), "attaching any managed policy to a group"),
            new Method(List.of("iam:AttachRolePolicy"), "attaching any managed policy, such as AdministratorAccess, to a role"),
            new Method(List.of("iam:PutUserPolicy"), "writing any inline policy into a user"),
            new Method(List.of("iam:PutGroupPolicy"), "writing any inline policy into a group"),
            new Method(List.of("iam:PutRolePolicy"), "writing any inline policy into a role, its own included"),
            new Method(List.of("iam:AddUserToGroup"), "joining a more privileged group"),
            new Method(List.of("iam:UpdateAssumeRolePolicy", "sts:AssumeRole"), "adding itself to another role's trust policy and assuming that role"),
            new Method(List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"), "creating a function with a more powerful role and invoking it"),
            new Method(List.of("iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"), "creating a function with a more powerful role and triggering it from a stream or queue"),
            new Method(List.of("lambda:UpdateFunctionCode"), "replacing the code of functions that run with other roles"),
            new Method(List.of("iam:PassRole", "ec2:RunInstances"), "starting an instance with a more powerful instance profile"),
            new Method(List.of("iam:PassRole", "cloudformation:CreateStack"), "creating a stack that runs with a more powerful role"),
            new Method(List.of("iam:PassRole", "glue:CreateDevEndpoint"), "creating a Glue endpoint with a more powerful role"),
            new Method(List.of("glue:UpdateDevEndpoint"), "adding an SSH key to an existing Glue endpoint"),
            new Method(List.of("iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"), "running a pipeline with a more powerful role"),
            new Method(List.of("iam:PassRole", "codestar:CreateProject"), "creating a CodeStar project with a more powerful role"));

    /** Every action of a method, lower case. */
    private static final Set<String> ACTIONS = METHODS.stream().flatMap(m -> m.actions().stream())
            .map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    /** The actions that escalate on their own, lower case. */
    private static final Set<String> ALONE = METHODS.stream().filter(m -> m.actions().size() == 1)
            .map(m -> m.actions().get(0).toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private Escalations() {
    }

    /** {@code action} escalates privileges on its own (iam:CreateAccessKey, iam:PutRolePolicy ...). */
    public static boolean alone(IamAction action) {
        return ALONE.contains(LeastPrivilege.key(action));
    }

    /**
     * The escalations the given Action entries reach, per role: each method whose every action some
     * entry of the role grants, reported at the earliest contributing entry (statements in role
     * order), the methods sharing that entry together.
     */
    public static List<EntryFinding> of(Collection<?> entries) {
        Map<String, List<ActionEntry>> byRole = new TreeMap<>();
        for (Object o : entries) {
            if (o instanceof ActionEntry e) {
                byRole.computeIfAbsent(e.statement().role(), r -> new ArrayList<>()).add(e);
            }
        }
        List<EntryFinding> out = new ArrayList<>();
        byRole.forEach((role, granted) -> out.addAll(ofRole(role, granted)));
        return out;
    }

    private static List<EntryFinding> ofRole(String role, List<ActionEntry> granted) {
        List<ActionEntry> ordered = new ArrayList<>(granted);
        ordered.sort(Comparator.comparing((ActionEntry e) -> e.statement().orderKey())
                .thenComparing(e -> e.statement().ref(), SourceRef.DOCUMENT_ORDER)
                .thenComparingInt(ActionEntry::index));
        Map<String, ActionEntry> first = new HashMap<>();
        Map<ActionEntry, Integer> position = new IdentityHashMap<>();
        for (ActionEntry entry : ordered) {
            position.put(entry, position.size());
            String pattern = entry.text().toLowerCase(Locale.ROOT);
            for (String action : ACTIONS) {
                if (Globs.matches(pattern, action)) {
                    first.putIfAbsent(action, entry);
                }
            }
        }
        Map<ActionEntry, List<String>> byEntry = new TreeMap<>(Comparator.comparing(position::get));
        for (Method method : METHODS) {
            List<ActionEntry> grants = method.actions().stream().map(a -> first.get(a.toLowerCase(Locale.ROOT))).toList();
            if (grants.contains(null)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < grants.size(); i++) {
                String action = IamCatalog.builtIn().action(method.actions().get(i)).map(IamAction::fullName)
                        .orElse(method.actions().get(i));
                String entry = grants.get(i).text();
                parts.add(entry.equalsIgnoreCase(action) ? action : action + " (through " + entry + ")");
            }
            ActionEntry earliest = grants.stream().min(Comparator.comparing(position::get)).orElseThrow();
            byEntry.computeIfAbsent(earliest, k -> new ArrayList<>()).add(String.join(" + ", parts) + " allows "
                    + method.how());
        }
        List<EntryFinding> out = new ArrayList<>();
        byEntry.forEach((entry, ways) -> out.add(new EntryFinding(entry.where(), "Role " + role
                + " can escalate its privileges: " + (ways.size() <= 3 ? String.join("; ", ways)
                : String.join("; ", ways.subList(0, 3)) + "; and " + (ways.size() - 3) + " more ways") + "."
                + " Remove these actions (one of each combination is enough) or scope them to named resources;"
                + " limit iam:PassRole with an iam:PassedToService condition.")));
        return out;
    }
}
