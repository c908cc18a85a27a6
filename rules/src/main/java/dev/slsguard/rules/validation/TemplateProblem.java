package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;

/**
 * One problem of the merged CloudFormation template found by {@link TemplateChecks}, at the line of
 * the user's files to change; each kind is reported by one rule of {@code template.drl}.
 *
 * @param where   the line that produced the offending value
 * @param message what CloudFormation will refuse or never do, and what to change
 * @param related other places involved (the resource a reference points to ...)
 */
public record TemplateProblem(SourceRef where, String message, List<RelatedLocation> related) {

    public TemplateProblem {
        related = List.copyOf(related);
    }

    public TemplateProblem(SourceRef where, String message) {
        this(where, message, List.of());
    }
}
