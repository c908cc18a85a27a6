package dev.slsguard.reports.map;

import dev.slsguard.engine.model.Severity;
import dev.slsguard.reports.AccessLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes a map readable however large the service: functions that run with the same role and have
 * the same arrows become one box ({@code 42 functions: a, b, c, …}), and boxes of one AWS service
 * beyond a threshold become one ({@code 1500 sqs resources}). When that still leaves more than
 * {@link #MAX_BOXES} boxes or {@link #MAX_ARROWS} arrows, it collapses harder, step by step, down to
 * one box per kind and service and one function box per role: the drawing stays small enough to
 * lay out quickly and to read.
 */
public final class MapCondenser {

    /** Boxes of one service and kind shown one by one, at most. */
    static final int THRESHOLD = 10;
    static final int MAX_BOXES = 150;
    static final int MAX_ARROWS = 400;
    private static final int SHOWN_MEMBERS = 3;
    /** Fewer boxes of a service than this are never collapsed: one box saying "2 ..." hides more than it saves. */
    private static final int MIN_COLLAPSED = 3;

    private MapCondenser() {
    }

    /** The smallest collapsing that fits the budget. */
    public static ServiceMap condense(ServiceMap map) {
        ServiceMap condensed = groupFunctions(collapse(map, THRESHOLD, false), Grouping.SAME_ARROWS);
        if (fits(condensed)) {
            return condensed;
        }
        for (int threshold : new int[] {THRESHOLD, 4, 1}) {
            condensed = groupFunctions(collapse(map, threshold, false), Grouping.SAME_ENDS);
            if (fits(condensed)) {
                return condensed;
            }
        }
        return groupFunctions(collapse(map, 1, true), Grouping.SAME_ROLE);
    }

    private static boolean fits(ServiceMap map) {
        return map.boxes().size() <= MAX_BOXES && map.arrows().size() <= MAX_ARROWS;
    }

    /**
     * Boxes of the same kind and AWS service beyond {@code threshold} become one; with {@code roles},
     * roles too (functions are grouped afterwards).
     */
    static ServiceMap collapse(ServiceMap map, int threshold, boolean roles) {
        Map<String, List<ServiceMap.Box>> byService = new TreeMap<>();
        for (ServiceMap.Box box : map.boxes()) {
            if (box.kind() == ServiceMap.Kind.SOURCE || box.kind() == ServiceMap.Kind.RESOURCE
                    || roles && box.kind() == ServiceMap.Kind.ROLE) {
                byService.computeIfAbsent(box.kind() + ":" + box.service(), k -> new ArrayList<>()).add(box);
            }
        }
        Map<String, String> renamed = new HashMap<>();
        Map<String, ServiceMap.Box> replacements = new HashMap<>();
        byService.forEach((key, boxes) -> {
            if (boxes.size() > threshold && boxes.size() >= MIN_COLLAPSED) {
                ServiceMap.Box first = boxes.get(0);
                String service = first.service().isEmpty() ? "other" : first.service();
                String what = switch (first.kind()) {
                    case SOURCE -> "event sources";
                    case ROLE -> "roles";
                    default -> "resources";
                };
                List<String> names = boxes.stream().map(ServiceMap.Box::title).sorted(NaturalOrder.INSTANCE).toList();
                ServiceMap.Box merged = new ServiceMap.Box("collapsed:" + key, first.kind(),
                        boxes.size() + " " + service + " " + what, shown(names), first.service(), names,
                        Optional.empty());
                boxes.forEach(b -> renamed.put(b.id(), merged.id()));
                replacements.put(merged.id(), merged);
            }
        });
        return rewire(map, renamed, replacements);
    }

    /** Which functions look the same on the map. */
    enum Grouping {
        /** the same role and the same arrows, labels included */
        SAME_ARROWS,
        /** the same role and arrows between the same boxes, whatever their labels (a topic per function) */
        SAME_ENDS,
        /** the same role */
        SAME_ROLE
    }

    /** Functions that look the same (see {@link Grouping}) become one box; their arrows' labels merge. */
    static ServiceMap groupFunctions(ServiceMap map, Grouping grouping) {
        boolean byRole = grouping == Grouping.SAME_ROLE;
        Map<String, List<String>> in = new HashMap<>();
        Map<String, List<String>> out = new HashMap<>();
        for (ServiceMap.Arrow a : map.arrows()) {
            String shape = a.line() + (grouping == Grouping.SAME_ARROWS ? "|" + a.text() : "");
            if (!byRole || a.line() == ServiceMap.Line.RUNS_WITH) {
                out.computeIfAbsent(a.from(), k -> new ArrayList<>()).add(a.to() + "|" + shape);
            }
            if (!byRole) {
                in.computeIfAbsent(a.to(), k -> new ArrayList<>()).add(a.from() + "|" + shape);
            }
        }
        Map<String, List<ServiceMap.Box>> bySignature = new LinkedHashMap<>();
        for (ServiceMap.Box box : map.boxes()) {
            if (box.kind() == ServiceMap.Kind.FUNCTION) {
                List<String> signature = new ArrayList<>(in.getOrDefault(box.id(), List.of()));
                signature.add("->");
                signature.addAll(out.getOrDefault(box.id(), List.of()));
                signature.sort(Comparator.naturalOrder());
                bySignature.computeIfAbsent(String.join("\n", signature), k -> new ArrayList<>()).add(box);
            }
        }
        Map<String, String> renamed = new HashMap<>();
        Map<String, ServiceMap.Box> replacements = new HashMap<>();
        for (List<ServiceMap.Box> group : bySignature.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<String> names = new ArrayList<>();
            group.forEach(b -> names.addAll(b.members()));
            ServiceMap.Box first = group.get(0);
            ServiceMap.Box merged = new ServiceMap.Box("functions:" + first.id(), ServiceMap.Kind.FUNCTION,
                    names.size() + " functions", shown(names), first.service(), names, first.link());
            group.forEach(b -> renamed.put(b.id(), merged.id()));
            replacements.put(merged.id(), merged);
        }
        return rewire(map, renamed, replacements);
    }

    /** {@code a, b, c, …}. */
    private static String shown(List<String> names) {
        return names.size() <= SHOWN_MEMBERS ? String.join(", ", names)
                : String.join(", ", names.subList(0, SHOWN_MEMBERS)) + ", …";
    }

    /** The map with boxes renamed into their replacements and the arrows between them merged. */
    private static ServiceMap rewire(ServiceMap map, Map<String, String> renamed,
                                     Map<String, ServiceMap.Box> replacements) {
        if (renamed.isEmpty()) {
            return map;
        }
        Map<String, ServiceMap.Box> boxes = new LinkedHashMap<>();
        for (ServiceMap.Box box : map.boxes()) {
            String id = renamed.getOrDefault(box.id(), box.id());
            boxes.putIfAbsent(id, replacements.getOrDefault(id, box));
        }
        Map<String, ServiceMap.Arrow> arrows = new LinkedHashMap<>();
        for (ServiceMap.Arrow a : map.arrows()) {
            String from = renamed.getOrDefault(a.from(), a.from());
            String to = renamed.getOrDefault(a.to(), a.to());
            ServiceMap.Arrow moved = new ServiceMap.Arrow(from, to, a.line(), a.labels(), a.levels(), a.severity(),
                    a.link(), a.everyResource());
            arrows.merge(from + "\n" + to + "\n" + a.line(), moved, MapCondenser::merge);
        }
        List<ServiceMap.Box> ordered = new ArrayList<>(boxes.values());
        ordered.sort(ServiceMapBuilder.BOX_ORDER);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).id(), i);
        }
        List<ServiceMap.Arrow> sorted = new ArrayList<>(arrows.values());
        sorted.sort(Comparator.comparing((ServiceMap.Arrow a) -> position.get(a.from()))
                .thenComparing(a -> position.get(a.to())).thenComparing(ServiceMap.Arrow::line));
        return new ServiceMap(ordered, sorted);
    }

    private static ServiceMap.Arrow merge(ServiceMap.Arrow a, ServiceMap.Arrow b) {
        List<String> labels = new ArrayList<>(a.labels());
        b.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
        Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
        levels.addAll(a.levels());
        levels.addAll(b.levels());
        ServiceMap.Arrow worse = worse(a, b);
        return new ServiceMap.Arrow(a.from(), a.to(), a.line(), labels, levels, worse.severity(), worse.link(),
                a.everyResource() || b.everyResource());
    }

    /** The arrow whose finding is worse (the earlier one on a tie). */
    private static ServiceMap.Arrow worse(ServiceMap.Arrow a, ServiceMap.Arrow b) {
        int ra = a.severity().map(Severity::ordinal).orElse(Integer.MAX_VALUE);
        int rb = b.severity().map(Severity::ordinal).orElse(Integer.MAX_VALUE);
        if (ra != rb) {
            return ra < rb ? a : b;
        }
        if (a.link().isPresent() && b.link().isPresent()) {
            return Integer.parseInt(a.link().get().key()) <= Integer.parseInt(b.link().get().key()) ? a : b;
        }
        return a.link().isPresent() ? a : b;
    }
}
