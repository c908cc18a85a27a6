package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;

/**
 * One problem of the merged CloudFormation template found by {@link TemplateChecks}, at the line of
 * the user's files to change; each kind ({@code check}) is reported by one rule of {@code template.drl}.
 *
 * @param check   what is wrong: one of the constants below
 * @param where   the line that produced the offending value
 * @param message what CloudFormation will refuse or never do, and what to change
 * @param related other places involved (the resource a reference points to ...)
 */
public record TemplateProblem(String check, SourceRef where, String message, List<RelatedLocation> related) {

    public static final String LONG_NAME = "long-name";
    public static final String BUCKET_NAME = "bucket-name";
    public static final String MISSING_REF = "missing-ref";
    public static final String MISSING_GETATT = "missing-getatt";
    public static final String MISSING_DEPENDS_ON = "missing-depends-on";
    public static final String NEVER_TRUE_CONDITION = "never-true-condition";
    public static final String NEVER_CREATED_TARGET = "never-created-target";

    public TemplateProblem {
        related = List.copyOf(related);
    }

    public TemplateProblem(String check, SourceRef where, String message) {
        this(check, where, message, List.of());
    }
}
