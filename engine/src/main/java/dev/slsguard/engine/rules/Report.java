package dev.slsguard.engine.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.RoleTrust;
import dev.slsguard.engine.model.SchemaViolation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What rule consequences call to report: {@code Report.finding(kcontext, $e.ref(), "...")} and
 * {@code Report.statement(kcontext, ...)}. Both read the firing rule's metadata through
 * {@code kcontext}, which works in the executable model and in run-time MVEL and Java packs.
 * Identical findings and statements are inserted once per session.
 */
public final class Report {

    private static final String LEDGER = "dev.slsguard.engine.rules.Report.ledger";

    private Report() {
    }

    /**
     * Inserts a finding of the firing rule ({@code @id}, {@code @severity}) at {@code where}.
     *
     * @return the finding
     */
    public static Finding finding(RuleContext kcontext, SourceRef where, String message) {
        Rule rule = kcontext.getRule();
        String id = RuleMetadata.id(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no @id"));
        Severity severity = RuleMetadata.severity(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no valid @severity"));
        Finding finding = new Finding(id, severity, message, where, fingerprint(id, where.pointer(), message),
                related(where, List.of()));
        insertOnce(kcontext, finding);
        return finding;
    }

    /**
     * Inserts a finding of the firing rule for a schema violation: at its node, with its message and
     * the severity the service's {@code configValidationMode} gave it (not the rule's default).
     *
     * @return the finding
     */
    public static Finding violation(RuleContext kcontext, SchemaViolation violation) {
        return finding(kcontext, violation.where(), violation.message(), violation.severity());
    }

    /**
     * Inserts a finding of the firing rule at {@code where} with {@code severity} instead of the
     * rule's default, for problems whose weight the service decides ({@code configValidationMode}).
     *
     * @return the finding
     */
    public static Finding finding(RuleContext kcontext, SourceRef where, String message, Severity severity) {
        Rule rule = kcontext.getRule();
        String id = RuleMetadata.id(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no @id"));
        Finding finding = new Finding(id, severity, message, where, fingerprint(id, where.pointer(), message),
                related(where, List.of()));
        insertOnce(kcontext, finding);
        return finding;
    }

    /**
     * Inserts a finding of the firing rule at {@code where} that also points at other places, e.g.
     * a finding on a derived statement at the event that caused it:
     * {@code Report.finding(kcontext, $s.ref(), "...", Report.related($event.ref(), "the sqs event"))}.
     *
     * @return the finding
     */
    public static Finding finding(RuleContext kcontext, SourceRef where, String message,
                                  List<RelatedLocation> related) {
        Rule rule = kcontext.getRule();
        String id = RuleMetadata.id(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no @id"));
        Severity severity = RuleMetadata.severity(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no valid @severity"));
        Finding finding = new Finding(id, severity, message, where, fingerprint(id, where.pointer(), message),
                related(where, related));
        insertOnce(kcontext, finding);
        return finding;
    }

    /**
     * The related locations of a finding at {@code where}: those the rule gave, then the references
     * {@code where} was reached through (the include in serverless.yml, the {@code ${self:}} reference),
     * innermost first.
     */
    public static List<RelatedLocation> related(SourceRef where, List<RelatedLocation> given) {
        if (!where.reached()) {
            return given;
        }
        List<RelatedLocation> all = new java.util.ArrayList<>(given);
        where.through().stream().filter(r -> !all.contains(r)).forEach(all::add);
        return all;
    }

    /** One related location, for {@link #finding(RuleContext, SourceRef, String, List)}. */
    public static List<RelatedLocation> related(SourceRef ref, String label) {
        return List.of(new RelatedLocation(ref, label));
    }

    /**
     * Inserts an {@code Allow} statement derived by the firing rule: origin {@link IamStatement#DERIVED},
     * source the rule's {@code @id}; the document lists {@code Effect}, {@code Action}, {@code Resource}.
     *
     * @param role      logical id of the role it belongs to
     * @param actions   the actions, in order
     * @param resources the resources, in order
     * @param function  the function whose needs it serves, if one
     * @param ref       the event (or other configuration) that caused it
     * @param orderKey  see {@link dev.slsguard.engine.model.StatementOrder}
     * @return the statement
     */
    public static IamStatement statement(RuleContext kcontext, String role, List<String> actions,
                                         List<CfnValue> resources, Optional<String> function, SourceRef ref,
                                         String orderKey) {
        Rule rule = kcontext.getRule();
        String id = RuleMetadata.id(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no @id"));
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("Effect", "Allow");
        ArrayNode action = document.putArray("Action");
        actions.forEach(action::add);
        ArrayNode resource = document.putArray("Resource");
        resources.forEach(r -> resource.add(r.toJson()));
        IamStatement statement = new IamStatement(role, "Allow", actions, resources, document,
                IamStatement.DERIVED, id, function, ref, orderKey);
        insertOnce(kcontext, statement);
        return statement;
    }

    /**
     * Inserts a service principal the firing rule lets assume {@code role} (source: the rule's
     * {@code @id}); see {@link RoleTrust}.
     *
     * @return the trust
     */
    public static RoleTrust trust(RuleContext kcontext, String role, String service, SourceRef ref,
                                  String orderKey) {
        Rule rule = kcontext.getRule();
        String id = RuleMetadata.id(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no @id"));
        RoleTrust trust = new RoleTrust(role, service, id, ref, orderKey);
        insertOnce(kcontext, trust);
        return trust;
    }

    /**
     * Inserts a statement derived by the firing rule whose document is written by the caller, for
     * roles whose statements v3 writes in another shape than {@code Effect, Action, Resource[]}
     * (the custom-resources role: {@code Effect, Resource, Action}). Actions and resources are read
     * from the document.
     *
     * @return the statement
     */
    public static IamStatement statement(RuleContext kcontext, String role, ObjectNode document,
                                         Optional<String> function, SourceRef ref, String orderKey) {
        Rule rule = kcontext.getRule();
        String id = RuleMetadata.id(rule).orElseThrow(() -> new IllegalStateException(
                "rule " + rule.getName() + " has no @id"));
        List<String> actions = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode action = document.path("Action");
        if (action.isTextual()) {
            actions.add(action.textValue());
        }
        action.forEach(a -> actions.add(a.asText()));
        List<CfnValue> resources = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode resource = document.get("Resource");
        if (resource != null && resource.isArray()) {
            resource.forEach(r -> resources.add(CfnValue.of(r)));
        } else if (resource != null) {
            resources.add(CfnValue.of(resource));
        }
        IamStatement statement = new IamStatement(role, document.path("Effect").asText(""), actions, resources,
                document, IamStatement.DERIVED, id, function, ref, orderKey);
        insertOnce(kcontext, statement);
        return statement;
    }

    /** A stable identity for a finding: hex SHA-256 (first 16 bytes) of rule id, pointer and message. */
    public static String fingerprint(String ruleId, String pointer, String message) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((ruleId + "\n" + pointer + "\n" + message).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void insertOnce(RuleContext kcontext, Object fact) {
        if (ledger(kcontext).add(fact)) {
            kcontext.getKieRuntime().insert(fact);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> ledger(RuleContext kcontext) {
        Environment environment = kcontext.getKieRuntime().getEnvironment();
        Object ledger = environment.get(LEDGER);
        if (ledger == null) {
            ledger = new HashSet<>();
            environment.set(LEDGER, ledger);
        }
        return (Set<Object>) ledger;
    }
}
