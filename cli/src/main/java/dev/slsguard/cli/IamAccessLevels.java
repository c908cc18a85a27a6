package dev.slsguard.cli;

import dev.slsguard.reports.map.AccessLevel;
import dev.slsguard.reports.map.AccessLevels;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.IamCatalog;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Access levels from the IAM action data the rules use ({@link IamCatalog}), each action entry looked up once. */
final class IamAccessLevels implements AccessLevels {

    private final IamCatalog catalog;
    private final Map<String, Set<AccessLevel>> known = new ConcurrentHashMap<>();

    IamAccessLevels(IamCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Set<AccessLevel> of(String action) {
        return known.computeIfAbsent(action, a -> {
            Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
            for (IamAction match : catalog.expand(a)) {
                AccessLevel.ofAwsName(match.accessLevel()).ifPresent(levels::add);
            }
            return levels;
        });
    }
}
