package dev.slsguard.engine.model;

/**
 * One statement a function's role grants it, with where the statement comes from in words.
 *
 * @param function  the function key
 * @param role      the role the function runs with (a logical id, or an ARN for a role outside the stack)
 * @param statement the statement
 * @param origin    where it comes from: the deriving rule and event, the declaring key and line, the
 *                  managed policy and the line attaching it, or the resource under {@code resources:}
 */
public record PermissionGrant(String function, String role, IamStatement statement, String origin) {
}
