package dev.slsguard.engine.model;

/**
 * Something in the input that slsguard reads past without checking it (a SAM policy template it
 * has no definition of, the events of a SAM function): rules report it so that nothing is skipped
 * silently.
 *
 * @param subject what is not analysed, in user terms ({@code SAM policy template ElasticsearchHttpPostPolicy})
 * @param effect  what the user loses ({@code its permissions are not checked})
 * @param ref     where it is written
 */
public record NotAnalysed(String subject, String effect, SourceRef ref) {
}
