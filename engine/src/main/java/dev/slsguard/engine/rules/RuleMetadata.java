package dev.slsguard.engine.rules;

import dev.slsguard.engine.model.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the {@code @id @severity @risk @title @description @help @tags} metadata of a loaded rule,
 * and {@code @inserts}, which marks a rule that reports nothing and only inserts facts for other
 * rules. A security rule names its {@code @risk} ({@link Risk}), which sets its default level; it
 * may repeat that level in {@code @severity} but not contradict it.
 */
final class RuleMetadata {

    private RuleMetadata() {
    }

    /** A metadata value as text, without surrounding quotes; empty when absent or blank. */
    static Optional<String> text(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            // Drools resolves some names to KIE annotations: @description is stored under
            // org.kie.api.definition.type.Description
            String suffix = "." + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            value = rule.getMetaData().entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The rule's {@code @id}, when it has one. */
    static Optional<String> id(Rule rule) {
        return text(rule, "id");
    }

    /**
     * The rule's default level: its {@code @severity} when it is one of {@code error},
     * {@code warning}, {@code note}, else the level of its {@code @risk}.
     */
    static Optional<Severity> severity(Rule rule) {
        Optional<String> given = text(rule, "severity");
        if (given.isPresent()) {
            return given.flatMap(RuleMetadata::parseSeverity);
        }
        return risk(rule).map(Risk::level);
    }

    /** The rule's {@code @risk}, when it names one of {@link Risk}'s. */
    static Optional<Risk> risk(Rule rule) {
        return text(rule, "risk").flatMap(Risk::parse);
    }

    private static String riskNames() {
        StringBuilder names = new StringBuilder();
        for (Risk r : Risk.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(r.key());
        }
        return names.toString();
    }

    private static Optional<Severity> parseSeverity(String text) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * True for a rule without {@code @id} that says what it {@code @inserts} instead: it only adds
     * facts other rules match (the entries of a statement ...), is not listed and cannot report.
     */
    static boolean insertsOnly(Rule rule) {
        return id(rule).isEmpty() && text(rule, "inserts").isPresent();
    }

    /**
     * Explains what is wrong with a rule's metadata, or empty when {@link #info} can read it (or
     * the rule is {@link #insertsOnly}).
     */
    static Optional<String> problem(Rule rule) {
        if (insertsOnly(rule)) {
            return Optional.empty();
        }
        if (id(rule).isEmpty()) {
            return Optional.of("rule \"" + rule.getName() + "\" has no @id metadata");
        }
        Optional<String> risk = text(rule, "risk");
        if (risk.isPresent() && risk(rule).isEmpty()) {
            return Optional.of("rule \"" + rule.getName() + "\" has unknown @risk \"" + risk.get()
                    + "\" (use one of " + riskNames() + ")");
        }
        if (severity(rule).isEmpty()) {
            String given = text(rule, "severity").map(s -> "unknown @severity \"" + s + "\"")
                    .orElse("no @severity");
            return Optional.of("rule \"" + rule.getName() + "\" has " + given
                    + " (use error, warning or note, or name its @risk)");
        }
        Optional<Risk> known = risk(rule);
        if (known.isPresent() && severity(rule).get() != known.get().level()) {
            return Optional.of("rule \"" + rule.getName() + "\" has @severity(\"" + severity(rule).get().label()
                    + "\") but @risk(\"" + known.get().key() + "\") means " + known.get().level().label()
                    + " (leave out @severity: the risk sets the level)");
        }
        return Optional.empty();
    }

    /** The rule's metadata; call only when {@link #problem} is empty. */
    static RuleInfo info(Rule rule) {
        List<String> tags = text(rule, "tags").map(t -> Arrays.stream(t.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return new RuleInfo(id(rule).orElseThrow(), severity(rule).orElseThrow(),
                text(rule, "title").orElse(rule.getName()), text(rule, "description").orElse(""),
                text(rule, "help").orElse(""), tags, rule.getPackageName(), rule.getName(),
                risk(rule).orElse(null));
    }
}
