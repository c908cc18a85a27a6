package dev.slsguard.reports.html;

/**
 * One service's section of a page that shows several services.
 *
 * @param anchor       the section's id ({@code s1}); the service's own anchors start with it
 * @param file         its configuration file as named in locations
 * @param service      its service name
 * @param findingCount how many findings it has
 * @param page         what the section shows (its summary and filters are the page's)
 */
public record ServiceEntry(String anchor, String file, String service, int findingCount, ReviewPage page) {
}
