package dev.slsguard.reports.html;

import java.util.List;

/**
 * What a function's role grants on one AWS service.
 *
 * @param service the service prefix ({@code s3}), {@code *} for every service, or {@code NotAction}
 * @param levels  the access levels of everything granted on it ({@code list, read, write}), empty when
 *                not known
 * @param lines   one line per statement that grants actions of it
 * @param shared  statements of the role derived for other functions that share it, in one sentence;
 *                empty when there are none
 */
public record ServiceGrants(String service, String levels, List<GrantLine> lines, String shared) {

    public ServiceGrants {
        lines = List.copyOf(lines);
    }
}
