package dev.slsguard.reports.map;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a laid-out service map as SVG: no script, no external reference, every name written as
 * escaped text. The same drawing goes inline into the review page and, with an XML declaration,
 * into {@code slsguard-map.svg}; {@code idPrefix} keeps its few ids apart from the page's.
 */
public final class MapSvg {

    /** Height of the legend line above the drawing. */
    private static final double LEGEND = 26;
    private static final String[] SEVERITY_CLASSES = {"sm-error", "sm-warning", "sm-note"};

    private MapSvg() {
    }

    /** The {@code <svg>} element, for a page. */
    public static String element(MapLayout.Placed map, MapLinks links, String idPrefix) {
        StringBuilder out = new StringBuilder(4096 + map.boxes().size() * 400 + map.arrows().size() * 300);
        double width = Math.max(map.width(), 560);
        double height = map.height() + LEGEND;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"service-map\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" role=\"img\" aria-label=\"Service map\">\n");
        out.append("<title>Service map: event sources, functions, the roles they run with and what those roles can reach</title>\n");
        out.append("<style>\n")
                .append(".sm-box rect{stroke:#57606a;stroke-width:1}")
                .append(".sm-SOURCE rect{fill:#fff1e5}.sm-FUNCTION rect{fill:#ddf4ff}.sm-ROLE rect{fill:#f5f0ff}")
                .append(".sm-RESOURCE rect{fill:#eaf7ee}.sm-EVERY_RESOURCE rect{fill:#ffebe9;stroke:#cf222e;stroke-width:2}\n")
                .append(".service-map text{font-family:system-ui,sans-serif;fill:#1f2328}")
                .append(".sm-t{font-size:13px;font-weight:600}.sm-d,.sm-l,.sm-legend{font-size:11px}.sm-d{fill:#59636e}\n")
                .append(".sm-a{fill:none;stroke:#8c959f;stroke-width:1.2}.sm-FAILURE{stroke-dasharray:5 3}")
                .append(".sm-RUNS_WITH{stroke:#8250df}.sm-every{stroke:#cf222e;stroke-width:2}\n")
                .append(".sm-error .sm-a{stroke:#cf222e;stroke-width:2}.sm-warning .sm-a{stroke:#bf8700;stroke-width:2}")
                .append(".sm-note .sm-a{stroke:#0969da;stroke-width:2}\n")
                .append(".sm-error .sm-l{fill:#a40e26}.sm-warning .sm-l{fill:#7d4e00}.sm-note .sm-l{fill:#0a3069}")
                .append(".sm-l{paint-order:stroke;stroke:#fff;stroke-width:3px}")
                .append(" a .sm-l{text-decoration:underline}\n")
                .append("</style>\n");
        out.append("<defs>");
        marker(out, idPrefix, "", "#8c959f");
        marker(out, idPrefix, "-red", "#cf222e");
        marker(out, idPrefix, "-amber", "#bf8700");
        marker(out, idPrefix, "-blue", "#0969da");
        marker(out, idPrefix, "-violet", "#8250df");
        out.append("</defs>\n");
        out.append("<text class=\"sm-legend\" x=\"12\" y=\"17\">event sources → functions → the roles they run with"
                + " → what those roles can reach (dashed: where failures go; red: grants on every resource;"
                + " coloured grants have findings, click them)</text>\n");
        out.append("<g transform=\"translate(0 ").append(n(LEGEND)).append(")\">\n");
        Map<String, String> boxIds = new HashMap<>();
        for (MapLayout.PlacedBox box : map.boxes()) {
            boxIds.put(box.box().id(), "b" + (boxIds.size() + 1));
        }
        for (MapLayout.PlacedArrow arrow : map.arrows()) {
            arrow(out, arrow, links, idPrefix, boxIds);
        }
        for (MapLayout.PlacedBox box : map.boxes()) {
            box(out, box, links, boxIds.get(box.box().id()));
        }
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    /** A file of its own, beside the page its links lead to. */
    public static String document(MapLayout.Placed map, MapLinks links) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(map, links, "");
    }

    private static void marker(StringBuilder out, String idPrefix, String suffix, String colour) {
        out.append("<marker id=\"").append(escape(idPrefix)).append("sm-head").append(suffix)
                .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\"")
                .append(" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"").append(colour)
                .append("\"/></marker>");
    }

    private static void box(StringBuilder out, MapLayout.PlacedBox placed, MapLinks links, String boxId) {
        ServiceMap.Box box = placed.box();
        boolean linked = box.link().isPresent();
        if (linked) {
            out.append("<a href=\"").append(escape(href(box.link().get(), links))).append("\">");
        }
        out.append("<g class=\"sm-box sm-").append(box.kind().name()).append("\" data-box=\"").append(boxId)
                .append("\" data-kind=\"").append(box.kind().name()).append("\"><title>");
        out.append(escape(box.members().size() > 1 ? box.title() + ": " + String.join(", ", box.members())
                : box.title() + " (" + box.detail() + ")"));
        out.append("</title><rect x=\"").append(n(placed.x())).append("\" y=\"").append(n(placed.y()))
                .append("\" width=\"").append(n(placed.width())).append("\" height=\"").append(n(placed.height()))
                .append("\" rx=\"5\"/>");
        double x = placed.x() + 10;
        out.append("<text class=\"sm-t\" x=\"").append(n(x)).append("\" y=\"").append(n(placed.y() + 17)).append("\">")
                .append(escape(MapLayout.cut(box.title()))).append("</text>");
        out.append("<text class=\"sm-d\" x=\"").append(n(x)).append("\" y=\"").append(n(placed.y() + 32)).append("\">")
                .append(escape(MapLayout.cut(box.detail()))).append("</text></g>");
        if (linked) {
            out.append("</a>");
        }
        out.append('\n');
    }

    private static void arrow(StringBuilder out, MapLayout.PlacedArrow placed, MapLinks links, String idPrefix,
                              Map<String, String> boxIds) {
        ServiceMap.Arrow arrow = placed.arrow();
        String severity = arrow.severity().map(s -> SEVERITY_CLASSES[Math.min(s.ordinal(), 2)]).orElse("");
        boolean linked = arrow.link().isPresent();
        if (linked) {
            out.append("<a href=\"").append(escape(href(arrow.link().get(), links))).append("\">");
        }
        out.append("<g class=\"").append(severity.isEmpty() ? "sm-arrow" : severity).append("\" data-from=\"")
                .append(boxIds.get(arrow.from())).append("\" data-to=\"").append(boxIds.get(arrow.to()))
                .append("\" data-kind=\"").append(arrow.line().name()).append('"');
        arrow.severity().ifPresent(s -> out.append(" data-severity=\"").append(s.label()).append('"'));
        out.append('>');
        String text = arrow.text();
        if (!text.isEmpty()) {
            out.append("<title>").append(escape(text)).append(linked ? " (see the finding)" : "").append("</title>");
        }
        out.append("<path class=\"sm-a sm-").append(arrow.line().name()).append(arrow.everyResource() ? " sm-every" : "")
                .append("\" d=\"");
        for (int i = 0; i < placed.points().size(); i++) {
            double[] p = placed.points().get(i);
            out.append(i == 0 ? "M" : "L").append(n(p[0])).append(' ').append(n(p[1] ));
        }
        out.append("\" marker-end=\"url(#").append(escape(idPrefix)).append("sm-head").append(head(arrow, severity))
                .append(")\"/>");
        if (!text.isEmpty()) {
            out.append("<text class=\"sm-l\" x=\"").append(n(placed.labelX() + 2)).append("\" y=\"")
                    .append(n(placed.labelY() + 11)).append("\">").append(escape(MapLayout.cut(text))).append("</text>");
        }
        out.append("</g>");
        if (linked) {
            out.append("</a>");
        }
        out.append('\n');
    }

    private static String head(ServiceMap.Arrow arrow, String severity) {
        return switch (severity) {
            case "sm-error" -> "-red";
            case "sm-warning" -> "-amber";
            case "sm-note" -> "-blue";
            default -> arrow.everyResource() ? "-red" : arrow.line() == ServiceMap.Line.RUNS_WITH ? "-violet" : "";
        };
    }

    private static String href(ServiceMap.Link link, MapLinks links) {
        return switch (link.target()) {
            case FUNCTION -> links.function(link.key());
            case FINDING -> links.finding(Integer.parseInt(link.key()));
        };
    }

    /** A coordinate: at most one decimal, no trailing zero, the same on every machine. */
    private static String n(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /**
     * Text for XML, SVG and HTML alike: markup characters as references, characters XML 1.0 cannot
     * hold (control characters, lone surrogates) as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                            || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
