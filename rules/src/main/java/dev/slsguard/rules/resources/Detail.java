package dev.slsguard.rules.resources;

import dev.slsguard.engine.model.SourceRef;

/**
 * Where a check of the {@code resources} pack found something, and what, in words a rule puts into
 * its message ({@code "BlockPublicPolicy and RestrictPublicBuckets"}).
 */
public record Detail(SourceRef where, String text) {
}
