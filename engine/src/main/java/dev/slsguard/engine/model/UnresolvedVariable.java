package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * A variable whose value cannot be known offline ({@code ${ssm:...}}, {@code ${cf:...}},
 * {@code ${s3:...}}, {@code ${aws:accountId}}). Its text stays in the configuration as a visible
 * placeholder; rules report it as a note.
 *
 * @param expression the variable as written, e.g. {@code ${ssm:/orders/queue-arn}}
 * @param source     the variable source ({@code ssm}, {@code cf}, {@code s3}, {@code aws})
 * @param ref        where it was written
 * @param missing    for a variable kept as a placeholder only by choice ({@code --unresolved
 *                   placeholder}): why it has no value (a file that does not exist, an unset
 *                   environment variable, an unknown source); empty for values only AWS knows
 */
public record UnresolvedVariable(String expression, String source, SourceRef ref, Optional<String> missing) {

    /** A variable whose value only AWS knows. */
    public UnresolvedVariable(String expression, String source, SourceRef ref) {
        this(expression, source, ref, Optional.empty());
    }
}
