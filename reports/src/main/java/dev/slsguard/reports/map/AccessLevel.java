package dev.slsguard.reports.map;

import java.util.Locale;
import java.util.Optional;

/** The access levels of IAM actions in the order {@link dev.slsguard.reports.ActionLevels#ORDER} lists them. */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    PERMISSIONS_MANAGEMENT("Permissions management"),
    TAGGING("Tagging");

    private final String awsName;

    AccessLevel(String awsName) {
        this.awsName = awsName;
    }

    /** How the map labels it: {@code list}, {@code read}, {@code write}, {@code tagging}, {@code permissions management}. */
    public String label() {
        return awsName.toLowerCase(Locale.ROOT);
    }

    /** The level AWS's data calls {@code name} ({@code Permissions management}), any case. */
    public static Optional<AccessLevel> ofAwsName(String name) {
        for (AccessLevel level : values()) {
            if (level.awsName.equalsIgnoreCase(name.trim())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
