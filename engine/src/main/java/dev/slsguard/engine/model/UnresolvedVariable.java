package dev.slsguard.engine.model;

/**
 * A variable whose value cannot be known offline ({@code ${ssm:...}}, {@code ${cf:...}},
 * {@code ${s3:...}}, {@code ${aws:accountId}}). Its text stays in the configuration as a visible
 * placeholder; rules report it as a note.
 *
 * @param expression the variable as written, e.g. {@code ${ssm:/orders/queue-arn}}
 * @param source     the variable source ({@code ssm}, {@code cf}, {@code s3}, {@code aws})
 * @param ref        where it was written
 */
public record UnresolvedVariable(String expression, String source, SourceRef ref) {
}
