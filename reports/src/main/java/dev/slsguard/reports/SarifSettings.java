package dev.slsguard.reports;

/**
 * How a SARIF log is written beyond its content.
 *
 * @param automationId the run's {@code automationDetails.id}
 * @param uriPrefix    the path of the directory file names are relative to, from the repository
 *                     root ({@code services/} when slsguard ran in {@code services/}), so artifact
 *                     URIs are relative to the repository root; empty when it ran at the root
 * @param maxResults   the most results written (GitHub: 25,000 per upload)
 * @param maxGzipBytes the most bytes the log may take gzipped (GitHub: 10 MB per upload)
 * @param rootPath     the absolute path of the repository root (or {@code --sarif-root}), so that
 *                     file names below it are written relative to it wherever slsguard ran; empty
 *                     when not known (then {@code uriPrefix} alone places relative names)
 * @param basePath     the absolute path relative file names are relative to (the working
 *                     directory); empty when not known
 */
public record SarifSettings(String automationId, String uriPrefix, int maxResults, long maxGzipBytes,
                            String rootPath, String basePath) {

    /** GitHub code scanning's limits per upload. */
    public static final int GITHUB_MAX_RESULTS = 25_000;
    public static final long GITHUB_MAX_GZIP_BYTES = 10L * 1000 * 1000;

    public SarifSettings {
        uriPrefix = uriPrefix.isEmpty() || uriPrefix.endsWith("/") ? uriPrefix : uriPrefix + "/";
    }

    /** GitHub's limits, file names relative to the repository root. */
    public static SarifSettings github(String automationId) {
        return new SarifSettings(automationId, "", GITHUB_MAX_RESULTS, GITHUB_MAX_GZIP_BYTES, "", "");
    }

    public SarifSettings withUriPrefix(String prefix) {
        return new SarifSettings(automationId, prefix, maxResults, maxGzipBytes, rootPath, basePath);
    }

    /** These settings with the root's and the working directory's absolute paths. */
    public SarifSettings withPaths(String root, String base) {
        return new SarifSettings(automationId, uriPrefix, maxResults, maxGzipBytes, root, base);
    }

    public SarifSettings withLimits(int results, long gzipBytes) {
        return new SarifSettings(automationId, uriPrefix, results, gzipBytes, rootPath, basePath);
    }
}
