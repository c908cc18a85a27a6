package dev.slsguard.reports.map;

/** Where the map's links lead: the review page's anchors, from the page itself or from beside it. */
public interface MapLinks {

    /** The link to a function's section. */
    String function(String key);

    /** The link to a finding, by its position (from 0) among the findings in report order. */
    String finding(int index);
}
