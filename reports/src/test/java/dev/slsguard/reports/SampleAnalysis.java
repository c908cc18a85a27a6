package dev.slsguard.reports;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.rules.Risk;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.SourceDocument;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** A hand-built analysis: three rules, three findings in two files, given out of order. */
final class SampleAnalysis {

    static final String FILE = "services/orders/serverless.yml";

    private SampleAnalysis() {
    }

    static List<RuleInfo> rules() {
        return List.of(
                new RuleInfo("SLS-VAL-101", Severity.ERROR, "SQS visibility timeout shorter than function timeout",
                        "The queue may hand the same message to another invocation while the first still runs.",
                        "Set VisibilityTimeout to at least six times the function timeout.",
                        List.of("validation", "cfn-lint:E3505"), "dev.slsguard.rules.validation", "sqs visibility"),
                new RuleInfo("SLS-IAM-001", Severity.ERROR, "wildcard action in IAM statement",
                        "Action \"*\" grants every permission of every service.",
                        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
                        List.of("least-privilege", "checkov:CKV_AWS_49", "security-severity:9.1"),
                        "dev.slsguard.rules.iam", "action star", Risk.ADMINISTRATOR),
                new RuleInfo("SLS-DEP-001", Severity.WARNING, "Kinesis consumer naming mode", "Legacy naming.",
                        "", List.of("deprecation"), "dev.slsguard.rules.deprecation", "consumer naming"));
    }

    static List<Finding> findings() {
        return List.of(
                new Finding("SLS-VAL-101", Severity.ERROR, "Queue visibility timeout 30 s is shorter than 60 s.",
                        new SourceRef(FILE, 40, 9, "/resources/Resources/Queue"), "val101-queue"),
                new Finding("SLS-IAM-001", Severity.ERROR, "Statement allows \"*\".",
                        new SourceRef(FILE, 12, 13, "/provider/iam/role/statements/0/Action"), "iam001-s0"),
                new Finding("SLS-DEP-001", Severity.WARNING, "Set provider.kinesis.consumerNamingMode.",
                        new SourceRef("./" + FILE, 3, 1, "/provider"), "dep001"),
                new Finding("SLS-XXX-999", Severity.NOTE, "A rule the rule base does not list.",
                        new SourceRef("other.yml", 1, 1, ""), "xxx999"));
    }

    static Analysis analysis() {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        MapNode root = new MapNode(SourceRef.ofFile(FILE), List.of());
        return new Analysis(new SourceDocument(Path.of(FILE), FILE, root), template, findings(), rules());
    }
}
