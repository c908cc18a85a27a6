package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.rules.iam.Globs;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.ResourcePatterns;
import dev.slsguard.rules.iam.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the {@code Resource} list of a statement the least-privilege rules analyse, and how
 * wide it is for the statement's actions (their resource types from the IAM action data).
 *
 * @param statement the statement
 * @param index     its position in the statement's {@code Resource} list
 * @param value     the entry: a literal ARN, {@code *}, or an intrinsic ({@code !Sub}, {@code !GetAtt} ...)
 * @param where     the entry in the user's file (the statement's ref for a managed policy's statement)
 * @param referenced for {@code !GetAtt X.Arn} / {@code !Ref X} of a template resource, the pattern of
 *                  the ARNs of X's type ({@code arn:*:dynamodb:*:*:table/*}); empty otherwise
 */
public record ResourceEntry(IamStatement statement, int index, CfnValue value, SourceRef where,
                            Optional<String> referenced) implements StatementPart {

    /** An entry whose value is read as written (no template resource behind it). */
    public ResourceEntry(IamStatement statement, int index, CfnValue value, SourceRef where) {
        this(statement, index, value, where, Optional.empty());
    }

    /** The ARN pattern the entry stands for: as written, else that of the template resource it names. */
    private Optional<String> arn() {
        return ResourcePatterns.matching(value).or(() -> referenced);
    }

    /** {@code *}: every resource. */
    public boolean star() {
        return value.literal().filter(s -> s.trim().equals("*")).isPresent();
    }

    /**
     * No ARN can be read from it ({@code !Sub} with a variable map, {@code !Ref} / {@code !GetAtt} of a
     * parameter or of a resource whose ARN shape is not known): it may be any resource.
     */
    public boolean opaque() {
        return arn().isEmpty();
    }

    /** A literal that is no ARN (a logical id written as the resource): IAM rejects the policy. */
    public boolean notAnArn() {
        return value.literal().filter(s -> !s.startsWith("arn:") && !s.startsWith("*")).isPresent();
    }

    /**
     * The resource types of the statement's actions ({@code service:type} to ARN format) whose every
     * resource it names with its own wildcards ({@code arn:aws:s3:::*}, {@code table/*}); empty for
     * {@code *}, scoped ARNs and intrinsics of stack resources.
     */
    public Map<String, String> everyResourceOf() {
        Map<String, String> covered = new LinkedHashMap<>();
        LeastPrivilege.resourceTypes(statement).forEach((key, type) -> {
            if (coversEvery(type)) {
                covered.put(key, type.arnFormat());
            }
        });
        return covered;
    }

    /** As wide as {@code *} for some of the statement's actions: see {@link #everyResourceOf()}. */
    public boolean effectivelyStar() {
        return !everyResourceOf().isEmpty();
    }

    /**
     * None of the statement's actions can act on it: no ARN, or an ARN of a type none of them takes
     * (false for an intrinsic without a known ARN).
     */
    public boolean unusable() {
        if (opaque()) {
            return false;
        }
        String arn = arn().orElseThrow();
        return notAnArn() || LeastPrivilege.actions(statement).stream().noneMatch(a -> a.accepts(arn));
    }

    /**
     * It grants {@code action} on every resource of a type the action takes: {@code *}, or a wildcard
     * ARN covering such a type (a wildcard-only action only through {@code *}).
     */
    public boolean reachesEvery(IamAction action) {
        return star() || action.resourceTypes().stream().anyMatch(this::coversEvery);
    }

    /** {@code action} can act on it (true when its ARN is not known). */
    public boolean takes(IamAction action) {
        return arn().map(action::accepts).orElse(true);
    }

    /** The entry as written, for messages: {@code arn:aws:s3:::b/*}, {@code !Sub ...}. */
    public String display() {
        return ResourcePatterns.display(value);
    }

    /** A wildcard ARN (not {@code *}) whose own wildcards name every resource of {@code type}. */
    private boolean coversEvery(ResourceType type) {
        if (star()) {
            return false;
        }
        Optional<String> match = ResourcePatterns.matching(value);
        Optional<String> wild = ResourcePatterns.wildcards(value).filter(Globs::isGlob);
        return match.isPresent() && wild.isPresent() && type.accepts(match.get()) && type.coveredBy(wild.get());
    }
}
