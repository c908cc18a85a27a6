package dev.slsguard.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.SuppressedFinding;
import dev.slsguard.engine.model.TemplateOrigins;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.SourceDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of checking one service.
 *
 * @param source     the loaded configuration
 * @param template   the merged CloudFormation template
 * @param findings   every finding, sorted
 * @param rules      metadata of every rule in the rule base (for SARIF {@code tool.driver.rules})
 * @param sourceText the configuration file's text as read (for snippets and inline comments)
 * @param functions  the service's functions, in {@code functions:} order
 * @param events     every item of every function's {@code events:}, by function, then position
 * @param statements every IAM statement of every role at the end of the rule session (core,
 *                   declared, derived), sorted by role and order key
 * @param suppressed findings an inline {@code # slsguard-ignore:} comment suppressed; they are not
 *                   in {@code findings} and do not count toward the exit code
 * @param included   the files {@code ${file()}} included, in the order they were read (findings
 *                   on their values are located in them; their text gives snippets)
 * @param configuration the resolved configuration (variables replaced), or empty when not known
 * @param origins    the template's source map: the line of the user's files each template path
 *                   came from (for findings about the template, such as cfn-lint's)
 */
public record Analysis(SourceDocument source, ObjectNode template, List<Finding> findings, List<RuleInfo> rules,
                       String sourceText, List<Function> functions, List<EventDecl> events,
                       List<IamStatement> statements, List<SuppressedFinding> suppressed,
                       List<SourceDocument> included, Optional<MapNode> configuration, TemplateOrigins origins) {

    public Analysis {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        functions = List.copyOf(functions);
        events = List.copyOf(events);
        statements = List.copyOf(statements);
        suppressed = List.copyOf(suppressed);
        included = List.copyOf(included);
    }

    /** An analysis without a source map: every template path is reported at the file's first line. */
    public Analysis(SourceDocument source, ObjectNode template, List<Finding> findings, List<RuleInfo> rules,
                    String sourceText, List<Function> functions, List<EventDecl> events,
                    List<IamStatement> statements, List<SuppressedFinding> suppressed,
                    List<SourceDocument> included, Optional<MapNode> configuration) {
        this(source, template, findings, rules, sourceText, functions, events, statements, suppressed, included,
                configuration, TemplateOrigins.only(SourceRef.ofFile(source.displayName())));
    }

    /** An analysis of a configuration that includes no file. */
    public Analysis(SourceDocument source, ObjectNode template, List<Finding> findings, List<RuleInfo> rules,
                    String sourceText, List<Function> functions, List<EventDecl> events,
                    List<IamStatement> statements, List<SuppressedFinding> suppressed) {
        this(source, template, findings, rules, sourceText, functions, events, statements, suppressed, List.of(),
                Optional.empty());
    }

    /** An analysis without source text, functions, events or statements (tests, old callers). */
    public Analysis(SourceDocument source, ObjectNode template, List<Finding> findings, List<RuleInfo> rules) {
        this(source, template, findings, rules, "", List.of(), List.of(), List.of(), List.of());
    }

    /** An analysis without suppressed findings. */
    public Analysis(SourceDocument source, ObjectNode template, List<Finding> findings, List<RuleInfo> rules,
                    String sourceText, List<Function> functions, List<EventDecl> events,
                    List<IamStatement> statements) {
        this(source, template, findings, rules, sourceText, functions, events, statements, List.of());
    }

    /** The same analysis with other findings (after suppressions were applied, for instance). */
    public Analysis withFindings(List<Finding> newFindings) {
        return withFindings(newFindings, rules, suppressed);
    }

    /**
     * The same analysis with other findings, suppressed findings and rule metadata (cfn-lint's results
     * added, for instance).
     */
    public Analysis withFindings(List<Finding> newFindings, List<RuleInfo> newRules,
                                 List<SuppressedFinding> newSuppressed) {
        return new Analysis(source, template, newFindings, newRules, sourceText, functions, events, statements,
                newSuppressed, included, configuration, origins);
    }

    /**
     * The text of every file findings can be located in, by file name as locations give it: the
     * configuration file and each included file.
     */
    public Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(SourceRef.normalizeFile(source.displayName()), sourceText);
        for (SourceDocument document : included) {
            texts.putIfAbsent(SourceRef.normalizeFile(document.displayName()), document.text());
        }
        return texts;
    }
}
