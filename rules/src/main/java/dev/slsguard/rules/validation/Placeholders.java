package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.UnresolvedVariable;

/** Explains what an unresolved variable ({@code ${ssm:...}} ...) hides from the checks. */
public final class Placeholders {

    private Placeholders() {
    }

    /** The note for one unresolved variable. */
    public static String message(UnresolvedVariable variable) {
        if (variable.missing().isPresent()) {
            return variable.expression() + " has no value (" + variable.missing().get()
                    + "); --unresolved placeholder keeps it as a placeholder, so " + limits(variable.ref().pointer());
        }
        return variable.expression() + " cannot be resolved offline (" + origin(variable.source())
                + "); it stays a placeholder, so " + limits(variable.ref().pointer());
    }

    private static String origin(String source) {
        return switch (source) {
            case "ssm" -> "its value lives in AWS Systems Manager Parameter Store";
            case "cf" -> "its value is an output of another CloudFormation stack";
            case "s3" -> "its value is an object in Amazon S3";
            case "aws" -> "its value depends on the AWS account that deploys";
            default -> "its value is only known at deploy time";
        };
    }

    private static String limits(String pointer) {
        if (pointer.matches("/functions/[^/]+/events/.*")) {
            return "the event option it sets is not type- or range-checked and any permission derived from it"
                    + " names the placeholder instead of a real resource";
        }
        if (pointer.startsWith("/provider/iam") || pointer.startsWith("/provider/iamRoleStatements")
                || pointer.matches("/functions/[^/]+/role.*")) {
            return "least-privilege checks cannot see the resource or role it stands for";
        }
        return "checks that read this value see the placeholder text, not the deployed value";
    }
}
