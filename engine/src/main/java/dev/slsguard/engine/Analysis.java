package dev.slsguard.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.SourceDocument;
import java.util.List;

/**
 * The result of checking one service.
 *
 * @param source   the loaded configuration
 * @param template the merged CloudFormation template
 * @param findings every finding, sorted
 * @param rules    metadata of every rule in the rule base (for SARIF {@code tool.driver.rules})
 */
public record Analysis(SourceDocument source, ObjectNode template, List<Finding> findings, List<RuleInfo> rules) {

    public Analysis {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }
}
