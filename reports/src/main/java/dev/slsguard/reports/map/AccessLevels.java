package dev.slsguard.reports.map;

import java.util.Set;

/**
 * The access levels an IAM {@code Action} entry grants ({@code s3:GetObject}, {@code s3:Get*},
 * {@code *}); the command line answers from the IAM action data the rules use. Empty when the entry
 * names no known action.
 */
@FunctionalInterface
public interface AccessLevels {

    Set<AccessLevel> of(String action);
}
