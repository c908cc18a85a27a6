package dev.slsguard.rules.lambda;

import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * Event bus policies declared under {@code resources}: who may put events on a bus whose rules
 * invoke functions. Read from the user's file (an {@code AWS::Events::EventBusPolicy}, in its
 * one-permission form or with a {@code Statement}, or the {@code Policy} of an
 * {@code AWS::Events::EventBus}) so findings point at the principal.
 */
public final class EventBusPolicies {

    private EventBusPolicies() {
    }

    /**
     * The principals that admit anyone ({@code '*'} or {@code AWS: '*'}) in allowing statements without
     * a condition (an {@code aws:PrincipalOrgID} condition, for instance, scopes them).
     */
    public static List<Setting> openPrincipals(Service service, Resource resource) {
        Setting declared = service.settings().at("resources", "Resources", resource.logicalId());
        Setting properties = declared.get("Properties");
        if (!declared.get("Type").textOr("").equals(resource.type()) || !properties.isMap()) {
            return List.of();
        }
        List<Setting> out = new ArrayList<>();
        if (resource.type().equals("AWS::Events::EventBusPolicy")) {
            if (properties.has("Statement")) {
                statement(properties.get("Statement"), out);
            } else if (!properties.get("Condition").truthy() && anyone(properties.get("Principal"))) {
                out.add(properties.get("Principal"));
            }
        } else if (resource.type().equals("AWS::Events::EventBus")) {
            Setting statements = properties.at("Policy", "Statement");
            (statements.isList() ? statements.items() : List.of(statements)).forEach(s -> statement(s, out));
        }
        return out;
    }

    private static void statement(Setting statement, List<Setting> out) {
        if (statement.isMap() && statement.get("Effect").textOr("Allow").equals("Allow")
                && !statement.get("Condition").truthy() && anyone(statement.get("Principal"))) {
            out.add(statement.get("Principal"));
        }
    }

    /** {@code '*'}, or a mapping whose {@code AWS} is {@code '*'} or a list holding it. */
    private static boolean anyone(Setting principal) {
        if (principal.isText()) {
            return principal.textOr("").equals("*");
        }
        Setting aws = principal.get("AWS");
        return aws.isText() ? aws.textOr("").equals("*")
                : aws.items().stream().anyMatch(a -> a.isText() && a.textOr("").equals("*"));
    }
}
