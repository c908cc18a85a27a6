package dev.slsguard.reports.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link ServiceMap} out left to right with Eclipse Layout Kernel's layered algorithm
 * (sources, functions, roles, resources), orthogonal arrows and their labels. Deterministic: the
 * random seed is fixed and boxes and arrows go in in the map's order, which ELK keeps where it can.
 * Text is measured by character count at the sizes {@link MapSvg} draws it in.
 */
public final class MapLayout {

    /** Width of a character of a box's title, in pixels (13px bold sans-serif, a little generous). */
    static final double TITLE_CHAR = 8.4;
    /** Width of a character of a box's second line and of arrow labels (11px). */
    static final double SMALL_CHAR = 6.4;
    /** Characters of a title or second line shown before it is cut with {@code …}. */
    static final int MAX_CHARS = 40;
    static final double BOX_HEIGHT = 40;
    static final double LABEL_HEIGHT = 14;
    private static final double PADDING = 10;

    private MapLayout() {
    }

    /** A laid-out box: the box and its rectangle. */
    public record PlacedBox(ServiceMap.Box box, double x, double y, double width, double height) {
    }

    /** A laid-out arrow: its points from start to end, and where its label goes. */
    public record PlacedArrow(ServiceMap.Arrow arrow, List<double[]> points, double labelX, double labelY,
                              double labelWidth) {

        public PlacedArrow {
            points = List.copyOf(points);
        }
    }

    /** The drawing: its size, boxes and arrows. */
    public record Placed(double width, double height, List<PlacedBox> boxes, List<PlacedArrow> arrows) {

        public Placed {
            boxes = List.copyOf(boxes);
            arrows = List.copyOf(arrows);
        }
    }

    /**
     * Lays out a two-box map, so that ELK's classes are loaded and its options registered before the
     * first real map: that cold start is most of the time a map takes, and can run on another thread
     * while the rules run. Any thread, any number of times; the maps are the same without it.
     */
    public static void prepare() {
        ServiceMap.Box source = new ServiceMap.Box("a", ServiceMap.Kind.SOURCE, "a", "", "", List.of(),
                java.util.Optional.empty());
        ServiceMap.Box function = new ServiceMap.Box("b", ServiceMap.Kind.FUNCTION, "b", "", "", List.of(),
                java.util.Optional.empty());
        of(new ServiceMap(List.of(source, function), List.of(new ServiceMap.Arrow("a", "b", ServiceMap.Line.EVENT,
                List.of("a"), java.util.Set.of(), java.util.Optional.empty(), java.util.Optional.empty(), false))));
    }

    /** The map of an analysis, condensed to stay readable, laid out. */
    public static Placed of(dev.slsguard.engine.Analysis analysis, dev.slsguard.reports.ActionLevels levels) {
        return of(MapCondenser.condense(ServiceMapBuilder.of(analysis, levels)));
    }

    /** The layout of {@code map}. */
    public static Placed of(ServiceMap map) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(12));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
        root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

        Map<String, ElkNode> nodes = new HashMap<>();
        Map<ElkNode, ServiceMap.Box> boxes = new HashMap<>();
        for (ServiceMap.Box box : map.boxes()) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier("n" + nodes.size());
            node.setDimensions(boxWidth(box), BOX_HEIGHT);
            nodes.put(box.id(), node);
            boxes.put(node, box);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (ServiceMap.Arrow arrow : map.arrows()) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(arrow.from()), nodes.get(arrow.to()));
            String text = arrow.text();
            if (!text.isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(cut(text), edge);
                label.setDimensions(labelWidth(text), LABEL_HEIGHT);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            edges.add(edge);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<PlacedBox> placedBoxes = new ArrayList<>();
        for (ElkNode node : root.getChildren()) {
            placedBoxes.add(new PlacedBox(boxes.get(node), node.getX(), node.getY(), node.getWidth(), node.getHeight()));
        }
        List<PlacedArrow> placedArrows = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            ElkEdge edge = edges.get(i);
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection section : edge.getSections()) {
                points.add(new double[] {section.getStartX(), section.getStartY()});
                for (ElkBendPoint bend : section.getBendPoints()) {
                    points.add(new double[] {bend.getX(), bend.getY()});
                }
                points.add(new double[] {section.getEndX(), section.getEndY()});
            }
            ElkLabel label = edge.getLabels().isEmpty() ? null : edge.getLabels().get(0);
            placedArrows.add(new PlacedArrow(map.arrows().get(i), points, label == null ? 0 : label.getX(),
                    label == null ? 0 : label.getY(), label == null ? 0 : label.getWidth()));
        }
        return new Placed(root.getWidth(), root.getHeight(), placedBoxes, placedArrows);
    }

    static double boxWidth(ServiceMap.Box box) {
        int title = Math.min(MAX_CHARS, box.title().codePointCount(0, box.title().length()));
        int detail = Math.min(MAX_CHARS, box.detail().codePointCount(0, box.detail().length()));
        return Math.ceil(Math.max(90, Math.max(title * TITLE_CHAR, detail * SMALL_CHAR) + 2 * PADDING));
    }

    static double labelWidth(String text) {
        return Math.ceil(Math.min(MAX_CHARS, text.codePointCount(0, text.length())) * SMALL_CHAR + 4);
    }

    /** The text cut to {@link #MAX_CHARS} characters, ending in {@code …} when cut. */
    static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS - 1)) + "…";
    }
}
