package dev.slsguard.reports.map;

import dev.slsguard.engine.model.Severity;
import dev.slsguard.reports.AccessLevel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the service map shows, before layout: event sources, functions, the roles they run with and
 * the resources those roles reach, with the arrows between them. Built by {@link ServiceMapBuilder},
 * made smaller by {@link MapCondenser}, laid out by {@link MapLayout}, drawn by {@link MapSvg}.
 *
 * @param boxes  every node, sources first, then functions, roles and resources
 * @param arrows every edge, in the order of their boxes
 */
public record ServiceMap(List<Box> boxes, List<Arrow> arrows) {

    public ServiceMap {
        boxes = List.copyOf(boxes);
        arrows = List.copyOf(arrows);
    }

    /** What a box stands for; also the map's left-to-right order. */
    public enum Kind {
        /** Something that invokes functions or that they poll: a queue, stream, API routes, a schedule ... */
        SOURCE,
        /** A function, or several that look the same on the map. */
        FUNCTION,
        /** The IAM role functions run with. */
        ROLE,
        /** A resource a role can reach or failures go to: of the template, an external ARN, or several collapsed. */
        RESOURCE,
        /** {@code *}: every resource. */
        EVERY_RESOURCE
    }

    /** What an arrow stands for. */
    public enum Line {
        /** source to function: the event invokes or is polled by the function. */
        EVENT,
        /** function to role: the function runs with the role. */
        RUNS_WITH,
        /** role to resource: the role's statements allow actions on it. */
        GRANT,
        /** function to resource: where failed events go. */
        FAILURE
    }

    /** Where a box or arrow links to in the review page. */
    public enum Target {
        /** a function's section; key: the function key. */
        FUNCTION,
        /** a finding; key: its position (from 0) among the findings in report order. */
        FINDING
    }

    /** A link into the review page. */
    public record Link(Target target, String key) {
    }

    /**
     * One node.
     *
     * @param id      stable identity (what it stands for), unique in the map
     * @param kind    what it is
     * @param title   its name
     * @param detail  a second line: its type, or what was collapsed into it
     * @param service the AWS service it belongs to ({@code sqs}), for collapsing; empty when none
     * @param members the functions or resources it stands for, when several
     * @param link    where clicking it leads, when anywhere
     */
    public record Box(String id, Kind kind, String title, String detail, String service, List<String> members,
                      Optional<Link> link) {

        public Box {
            members = List.copyOf(members);
        }
    }

    /**
     * One edge.
     *
     * @param from     the id of the box it starts at
     * @param to       the id of the box it ends at
     * @param line     what it stands for
     * @param labels   for events, the event type and how it invokes ({@code sqs · poll}), one per
     *                 kind of event it stands for
     * @param levels   for grants, the access levels the statements behind it allow
     * @param severity the worst severity of the findings on the statements behind a grant
     * @param link     the first finding of that severity
     * @param everyResource a grant on {@code *}
     */
    public record Arrow(String from, String to, Line line, List<String> labels, Set<AccessLevel> levels,
                        Optional<Severity> severity, Optional<Link> link, boolean everyResource) {

        public Arrow {
            labels = List.copyOf(labels);
            levels = levels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(levels));
        }

        /** Its text: the access levels of a grant, the events of an event arrow, {@code on failure}. */
        public String text() {
            if (line == Line.GRANT) {
                return levels.isEmpty() ? "actions not in the IAM data"
                        : String.join(", ", levels.stream().map(AccessLevel::label).toList());
            }
            if (labels.size() > MAX_LABELS) {
                return String.join("; ", labels.subList(0, MAX_LABELS)) + "; +" + (labels.size() - MAX_LABELS) + " more";
            }
            return String.join("; ", labels);
        }
    }

    /** How many event labels an arrow shows before it says how many more there are. */
    static final int MAX_LABELS = 3;
}
