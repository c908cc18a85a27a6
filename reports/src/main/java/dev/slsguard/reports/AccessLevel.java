package dev.slsguard.reports;

import java.util.Locale;
import java.util.Optional;

/**
 * The access levels of IAM actions, in the order of AWS's service authorization reference, which is
 * the order the review page and the service map list them in.
 */
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

    /** The name AWS's data gives it: {@code Permissions management}. */
    public String awsName() {
        return awsName;
    }

    /** How the page and the map label it: {@code list}, {@code read}, {@code write}, {@code tagging}, {@code permissions management}. */
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
