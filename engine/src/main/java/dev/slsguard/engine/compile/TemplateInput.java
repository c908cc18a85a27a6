package dev.slsguard.engine.compile;

import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;

/**
 * Tells a CloudFormation (or SAM) template from a Serverless Framework configuration by its
 * content: {@code AWSTemplateFormatVersion}, or {@code Resources} without {@code service} and
 * {@code provider}.
 */
public final class TemplateInput {

    /** The transform that makes a template a SAM template. */
    public static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private TemplateInput() {
    }

    public static boolean isTemplate(Node root) {
        if (!(root instanceof MapNode map)) {
            return false;
        }
        return map.has("AWSTemplateFormatVersion")
                || map.has("Resources") && !map.has("service") && !map.has("provider");
    }
}
