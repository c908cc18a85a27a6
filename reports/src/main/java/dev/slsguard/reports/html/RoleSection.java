package dev.slsguard.reports.html;

import java.util.List;

/**
 * One IAM role of the template with every statement it grants, listed once however many
 * functions run with it.
 *
 * @param logicalId  the role's logical id
 * @param anchor     the fragment id of its section
 * @param functions  the functions that run with it, in {@code functions:} order
 * @param statements its statements, in the template's order
 */
public record RoleSection(String logicalId, String anchor, List<String> functions, List<PermissionRow> statements) {

    public RoleSection {
        functions = List.copyOf(functions);
        statements = List.copyOf(statements);
    }
}
