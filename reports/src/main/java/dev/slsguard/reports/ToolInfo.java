package dev.slsguard.reports;

import java.util.Objects;

/**
 * What reports say about the tool that produced them.
 *
 * @param name           {@code slsguard}
 * @param version        the release, e.g. {@code 0.1.0}
 * @param informationUri where users learn about the tool
 */
public record ToolInfo(String name, String version, String informationUri) {

    public static final String DEFAULT_INFORMATION_URI = "https://github.com/slsguard/slsguard";

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(informationUri, "informationUri");
    }

    public static ToolInfo slsguard(String version) {
        return new ToolInfo("slsguard", version, DEFAULT_INFORMATION_URI);
    }
}
