package dev.slsguard.cli;

import dev.slsguard.engine.io.DataLines;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.rules.RuleInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * cfn-lint's rules as slsguard shows them: ids {@code cfn-lint:E3033}, severity from the id's level
 * letter (E error, W warning, I note), and title, description and source URL from cfn-lint itself —
 * from the run's JSON report, else from the catalogue {@code cfn-lint-rules.tsv} generated from
 * the pinned cfn-lint by {@code rules/tools/cfn-lint-data/build} (for {@code explain}). Also the
 * one rule that is slsguard's own, {@value #RUN}: cfn-lint could not be run to the end.
 */
final class CfnLintRules {

    /** The prefix of every cfn-lint rule id in slsguard's reports. */
    static final String PREFIX = "cfn-lint:";

    /** The id of the error reported when cfn-lint was asked for but did not run to the end. */
    static final String RUN = PREFIX + "run";

    /** A rule id of cfn-lint as written in {@code .slsguard.yml} or a suppression comment. */
    static final Pattern ID = Pattern.compile("cfn-lint:([EWI][0-9]+|run)");

    private static final String RESOURCE = "/dev/slsguard/cli/cfn-lint-rules.tsv";
    private static final String PACK = "cfn-lint";

    private record Catalogue(String version, Map<String, RuleInfo> rules) {
    }

    private static volatile Catalogue catalogue;

    private CfnLintRules() {
    }

    /** The cfn-lint version the catalogue (and the container image slsguard builds) is pinned to. */
    static String pinnedVersion() {
        return catalogue().version();
    }

    /** A cfn-lint rule id as a user may write it ({@code CFN-LINT:e3033}) in slsguard's form, if it is one. */
    static Optional<String> canonical(String id) {
        String trimmed = id.trim();
        if (!trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String rest = trimmed.substring(PREFIX.length());
        String canonical = PREFIX + (rest.equalsIgnoreCase("run") ? "run" : rest.toUpperCase(java.util.Locale.ROOT));
        return ID.matcher(canonical).matches() ? Optional.of(canonical) : Optional.empty();
    }

    /** A rule's metadata from the catalogue, for a {@code cfn-lint:} id. */
    static Optional<RuleInfo> known(String id) {
        if (id.equals(RUN)) {
            return Optional.of(run());
        }
        return Optional.ofNullable(catalogue().rules().get(id));
    }

    /** The severity of cfn-lint's level ({@code Error}, {@code Warning}, {@code Informational}), else of the id's letter. */
    static Severity severity(String level, String cfnLintId) {
        return switch (level) {
            case "Error" -> Severity.ERROR;
            case "Warning" -> Severity.WARNING;
            case "Informational" -> Severity.NOTE;
            default -> cfnLintId.startsWith("E") ? Severity.ERROR : cfnLintId.startsWith("W") ? Severity.WARNING
                    : Severity.NOTE;
        };
    }

    /** The metadata of a rule a run reported: the run's texts where it gave them, else the catalogue's. */
    static RuleInfo of(CfnLintResult result) {
        String id = PREFIX + result.ruleId();
        Optional<RuleInfo> known = known(id);
        String title = or(result.title(), known.map(RuleInfo::title).orElse(id));
        String description = or(result.description(), known.map(RuleInfo::description).orElse(""));
        String help = or(result.source(), known.map(RuleInfo::help).orElse(""));
        List<String> tags = known.map(RuleInfo::tags).orElse(List.of(PACK));
        return new RuleInfo(id, severity(result.level(), result.ruleId()), title, description, help, tags, PACK,
                title);
    }

    /** The rule under which a cfn-lint run that failed is reported. */
    static RuleInfo run() {
        return new RuleInfo(RUN, Severity.ERROR, "cfn-lint did not run to the end",
                "cfn-lint was asked for (--cfn-lint, or cfn-lint: in .slsguard.yml) but could not be run on the"
                        + " service's template: the executable or Docker was missing, cfn-lint crashed, did not"
                        + " finish within its time budget, or printed something that is not its JSON report. The"
                        + " rest of the report stands; it has no cfn-lint results for the service.",
                "Run cfn-lint yourself on the template slsguard wrote (cfn-lint --format json"
                        + " .slsguard/cloudformation-template.json) to see what happens; raise cfn-lint.timeout in"
                        + " .slsguard.yml for a very large template, or set cfn-lint: off.",
                List.of(PACK), PACK, "cfn-lint run");
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Catalogue catalogue() {
        Catalogue loaded = catalogue;
        if (loaded == null) {
            synchronized (CfnLintRules.class) {
                if (catalogue == null) {
                    catalogue = load();
                }
                loaded = catalogue;
            }
        }
        return loaded;
    }

    private static Catalogue load() {
        Map<String, RuleInfo> rules = new TreeMap<>();
        String version = null;
        for (String line : DataLines.of(CfnLintRules.class, RESOURCE)) {
            String[] cells = line.split("\t", -1);
            if (cells.length == 3 && cells[0].equals("source")) {
                version = cells[2];
                continue;
            }
            if (cells.length != 5) {
                throw new IllegalStateException(RESOURCE + ": expected 5 columns: " + line);
            }
            String id = PREFIX + cells[0];
            List<String> tags = new java.util.ArrayList<>(List.of(PACK));
            Arrays.stream(cells[4].split(",")).filter(t -> !t.isBlank()).forEach(tags::add);
            rules.put(id, new RuleInfo(id, severity("", cells[0]), cells[1], cells[2], cells[3], tags, PACK,
                    cells[1]));
        }
        if (version == null) {
            throw new IllegalStateException(RESOURCE + ": no source line");
        }
        return new Catalogue(version, Map.copyOf(rules));
    }
}
