package dev.slsguard.cli;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.SuppressedFinding;
import dev.slsguard.engine.model.SuppressionComment;
import dev.slsguard.engine.model.TemplateOrigins;
import dev.slsguard.engine.rules.Report;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.SuppressionComments;
import dev.slsguard.reports.FindingOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * cfn-lint's results as findings of the service: rule id {@code cfn-lint:<id>}, severity from
 * cfn-lint's level, reported where the analysis's source map ({@link TemplateOrigins}) puts the
 * result's template path — the line of serverless.yml (or an included file) that produced the
 * resource or property, never the generated template. A result that repeats a built-in finding at
 * the same line is folded into it, and its rule's tags gain the cfn-lint id: a built-in rule whose
 * tags name the cfn-lint rule as a peer (SLS-LMB-002 and {@code cfn-lint:E2533}), or a schema rule
 * where cfn-lint checked the same value against the resource schema (SLS-VAL-102 and
 * {@code cfn-lint:E3012} on {@code batchSize: ten}). Identical results (one runtime inherited by
 * several functions) are one finding; {@code # slsguard-ignore: cfn-lint:E3033 reason} suppresses as
 * for any rule.
 */
final class CfnLintFindings {

    private CfnLintFindings() {
    }

    /** The analysis with {@code results} added as findings, and their rules' metadata. */
    static Analysis add(Analysis analysis, List<CfnLintResult> results) {
        TemplateOrigins origins = analysis.origins();
        Map<String, RuleInfo> rules = analysis.rules().stream()
                .collect(Collectors.toMap(RuleInfo::id, r -> r, (a, b) -> a, TreeMap::new));
        List<Finding> builtIn = new ArrayList<>(analysis.findings());
        analysis.suppressed().forEach(s -> builtIn.add(s.finding()));
        List<SuppressionComment> comments = new ArrayList<>();
        analysis.texts().forEach((file, text) -> comments.addAll(SuppressionComments.parse(text, file)));

        // one finding per rule, line and message: a runtime inherited by several functions is one problem
        Map<Located, List<CfnLintResult>> grouped = new java.util.LinkedHashMap<>();
        for (CfnLintResult result : results) {
            grouped.computeIfAbsent(new Located(result.ruleId(), origins.locate(result.path()), result.message().strip()),
                    k -> new ArrayList<>()).add(result);
        }
        Set<Finding> active = new LinkedHashSet<>(analysis.findings());
        Set<SuppressedFinding> suppressed = new LinkedHashSet<>(analysis.suppressed());
        Map<String, RuleInfo> added = new TreeMap<>();
        for (Map.Entry<Located, List<CfnLintResult>> group : grouped.entrySet()) {
            Finding finding = finding(group.getKey(), group.getValue());
            Optional<Finding> repeated = repeated(finding, builtIn, rules);
            if (repeated.isPresent()) {
                rules.computeIfPresent(repeated.get().ruleId(), (id, rule) -> withPeer(rule, finding.ruleId()));
                continue;
            }
            added.putIfAbsent(finding.ruleId(), CfnLintRules.of(group.getValue().get(0)));
            Optional<SuppressionComment> comment = comments.stream().filter(c -> c.covers(finding)).findFirst();
            if (comment.isPresent()) {
                suppressed.add(new SuppressedFinding(finding, comment.get()));
            } else {
                active.add(finding);
            }
        }
        added.forEach(rules::putIfAbsent);
        return analysis.withFindings(FindingOrder.sorted(List.copyOf(active)), List.copyOf(rules.values()),
                List.copyOf(suppressed));
    }

    /** The analysis with one error finding saying that cfn-lint did not run to the end, and why. */
    static Analysis failed(Analysis analysis, String reason) {
        SourceRef where = analysis.origins().fallback();
        String message = "cfn-lint did not run to the end: " + reason + "; this report has no cfn-lint results for"
                + " the service";
        List<Finding> findings = new ArrayList<>(analysis.findings());
        findings.add(new Finding(CfnLintRules.RUN, Severity.ERROR, message, where,
                Report.fingerprint(CfnLintRules.RUN, where.pointer(), message)));
        List<RuleInfo> rules = new ArrayList<>(analysis.rules());
        if (rules.stream().noneMatch(r -> r.id().equals(CfnLintRules.RUN))) {
            rules.add(CfnLintRules.run());
            rules.sort(Comparator.comparing(RuleInfo::id));
        }
        return analysis.withFindings(FindingOrder.sorted(findings), rules, analysis.suppressed());
    }

    /** A cfn-lint rule's message at a place of the user's files. */
    private record Located(String ruleId, SourceRef where, String message) {
    }

    /** Results with the same rule, place and message as one finding naming the template paths. */
    private static Finding finding(Located located, List<CfnLintResult> results) {
        String id = CfnLintRules.PREFIX + located.ruleId();
        List<String> paths = results.stream().map(r -> String.join("/", r.path().stream().map(String::valueOf).toList()))
                .filter(p -> !p.isEmpty()).distinct().toList();
        String message = located.message() + (paths.isEmpty() ? "" : " (template: " + paths.get(0)
                + (paths.size() > 1 ? " and " + (paths.size() - 1) + " more" : "") + ")");
        CfnLintResult first = results.get(0);
        return new Finding(id, CfnLintRules.severity(first.level(), first.ruleId()), message, located.where(),
                Report.fingerprint(id, located.where().pointer(), message));
    }

    /**
     * cfn-lint's checks of a property value against the resource schema (type, allowed values,
     * pattern, length, range, schedule expression): at a line where a built-in schema rule reports,
     * they find the same wrong value.
     */
    private static final Set<String> SCHEMA_VALUE_CHECKS = Set.of("cfn-lint:E3012", "cfn-lint:E3027",
            "cfn-lint:E3030", "cfn-lint:E3031", "cfn-lint:E3032", "cfn-lint:E3033", "cfn-lint:E3034");

    /**
     * The built-in finding {@code finding} repeats, if any: one at the same line whose rule names this
     * cfn-lint rule among its peers ({@code @tags}), or a schema rule's where this is a schema value check.
     */
    private static Optional<Finding> repeated(Finding finding, List<Finding> builtIn, Map<String, RuleInfo> rules) {
        for (Finding other : builtIn) {
            RuleInfo rule = rules.get(other.ruleId());
            if (rule != null && sameLine(other.location(), finding.location())
                    && (rule.tags().contains(finding.ruleId())
                    || SCHEMA_VALUE_CHECKS.contains(finding.ruleId()) && rule.tags().contains("schema"))) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /** The rule with {@code peer} among its tags (a cfn-lint rule it was found to repeat). */
    private static RuleInfo withPeer(RuleInfo rule, String peer) {
        if (rule.tags().contains(peer)) {
            return rule;
        }
        List<String> tags = new ArrayList<>(rule.tags());
        tags.add(peer);
        return new RuleInfo(rule.id(), rule.severity(), rule.title(), rule.description(), rule.help(), tags, rule.pack(),
                rule.ruleName());
    }

    private static boolean sameLine(SourceRef a, SourceRef b) {
        return a.line() == b.line() && SourceRef.normalizeFile(a.file()).equals(SourceRef.normalizeFile(b.file()));
    }
}
