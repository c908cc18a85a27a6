package dev.slsguard.cli;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.SuppressedFinding;
import dev.slsguard.engine.rules.RuleInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a {@code .slsguard.yml}: org rule packs, disabled rules, severity overrides, the
 * fail threshold, a baseline and paths recursive runs skip. Command-line options win over it.
 *
 * @param file       the file it was read from (absolute), or empty for the defaults
 * @param rules      org pack directories, absolute (resolved against the file's directory)
 * @param disable    rule ids whose findings are dropped, each with where it was written
 * @param severity   rule id to the severity its findings get instead of the rule's own
 * @param failOn     the fail threshold, when set
 * @param baseline   the baseline file, absolute, when set
 * @param exclude    path globs, relative to the file's directory, of configuration files to skip
 * @param references where each rule id of {@code disable} and {@code severity} was written
 * @param unresolved what variables without a value do, when set
 * @param cfnLint    how to run cfn-lint ({@code cfn-lint:}), when set
 */
record ProjectConfig(Optional<Path> file, List<Path> rules, Set<String> disable, Map<String, Severity> severity,
                     Optional<FailOn> failOn, Optional<Path> baseline, List<String> exclude,
                     Map<String, SourceRef> references, Optional<Unresolved> unresolved,
                     Optional<CfnLintSettings> cfnLint) {

    ProjectConfig {
        rules = List.copyOf(rules);
        disable = Set.copyOf(disable);
        severity = Map.copyOf(severity);
        exclude = List.copyOf(exclude);
        references = Map.copyOf(references);
    }

    /** No file: nothing changes. */
    static final ProjectConfig NONE = new ProjectConfig(Optional.empty(), List.of(), Set.of(), Map.of(),
            Optional.empty(), Optional.empty(), List.of(), Map.of(), Optional.empty(), Optional.empty());

    /** The findings of enabled rules, with the severity overrides applied; order kept. */
    List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!disable.contains(f.ruleId())) {
                out.add(adjust(f));
            }
        }
        return out;
    }

    /** The same for suppressed findings. */
    List<SuppressedFinding> applySuppressed(List<SuppressedFinding> suppressed) {
        List<SuppressedFinding> out = new ArrayList<>(suppressed.size());
        for (SuppressedFinding s : suppressed) {
            if (!disable.contains(s.finding().ruleId())) {
                out.add(new SuppressedFinding(adjust(s.finding()), s.comment()));
            }
        }
        return out;
    }

    /** The rule metadata reports show: disabled rules left out, overridden severities as configured. */
    List<RuleInfo> applyRules(List<RuleInfo> rules) {
        List<RuleInfo> out = new ArrayList<>(rules.size());
        for (RuleInfo r : rules) {
            if (disable.contains(r.id())) {
                continue;
            }
            Severity s = severity.get(r.id());
            out.add(s == null ? r : r.withSeverity(s));
        }
        return out;
    }

    private Finding adjust(Finding f) {
        Severity s = severity.get(f.ruleId());
        return s == null || s == f.severity() ? f
                : f.withSeverity(s);
    }
}
